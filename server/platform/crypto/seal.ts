import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/**
 * Sealing format v1 (docs/security.md, "Sealing format"):
 *   header = "DBX1" | version u8 (1) | chunk size u32 BE | salt (32 random bytes)     — 41 bytes
 *   record = AES-256-GCM ciphertext of one chunk | tag (16)                           — repeated
 * Every chunk but the last holds exactly `chunk size` plaintext bytes; the last holds 0..chunk size
 * and is flagged final, so an empty file is one final empty chunk and an exact multiple ends on a
 * full final chunk. The chunk key is HKDF-SHA256(data key, salt), fresh per blob; the nonce is
 * 4 zero bytes | chunk index u64 BE, so under one chunk key no nonce ever repeats.
 * AAD of each chunk = header | chunk index u64 BE | final flag u8 | context (UTF-8).
 */
export const SEAL_MAGIC = Buffer.from('DBX1', 'ascii');
export const SEAL_VERSION = 1;
export const DEFAULT_CHUNK_SIZE = 64 * 1024;
export const MAX_CHUNK_SIZE = 16 * 1024 * 1024;
const SALT_LENGTH = 32;
export const HEADER_LENGTH = SEAL_MAGIC.length + 1 + 4 + SALT_LENGTH;
export const TAG_LENGTH = 16;
const KEY_LENGTH = 32;
const HKDF_INFO = Buffer.from('deedbox/seal/v1/chunk-key', 'ascii');

export type IntegrityCheck = 'header' | 'version' | 'tag' | 'truncated' | 'trailing';

/** The one error of sealed data: it is not what was sealed under this key and context. */
export class IntegrityError extends Error {
  override readonly name = 'IntegrityError';
  constructor(
    readonly check: IntegrityCheck,
    message: string,
    readonly chunk?: number,
  ) {
    super(message);
  }
}

export interface SealOptions {
  chunkSize?: number;
}

function assertKey(key: Buffer): void {
  if (key.length !== KEY_LENGTH) throw new TypeError(`a sealing key must be ${KEY_LENGTH} bytes`);
}

function assertChunkSize(chunkSize: number): void {
  if (!Number.isInteger(chunkSize) || chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
    throw new RangeError(`chunk size must be an integer from 1 to ${MAX_CHUNK_SIZE}`);
  }
}

function buildHeader(chunkSize: number, salt: Buffer): Buffer {
  const header = Buffer.alloc(HEADER_LENGTH);
  SEAL_MAGIC.copy(header, 0);
  header.writeUInt8(SEAL_VERSION, 4);
  header.writeUInt32BE(chunkSize, 5);
  salt.copy(header, 9);
  return header;
}

function parseHeader(header: Buffer): { chunkSize: number; salt: Buffer } {
  if (!header.subarray(0, 4).equals(SEAL_MAGIC)) throw new IntegrityError('header', 'bad header: not a sealed blob');
  const version = header.readUInt8(4);
  if (version !== SEAL_VERSION) throw new IntegrityError('version', `unsupported sealing format version ${version}`);
  const chunkSize = header.readUInt32BE(5);
  if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
    throw new IntegrityError('header', `bad header: chunk size ${chunkSize} out of range`);
  }
  return { chunkSize, salt: header.subarray(9, HEADER_LENGTH) };
}

/** Per-chunk nonce and associated data; the chunk key is derived once per blob. */
class ChunkCipher {
  private readonly chunkKey: Buffer;
  private readonly context: Buffer;

  constructor(
    key: Buffer,
    private readonly header: Buffer,
    context: string,
  ) {
    const salt = header.subarray(9, HEADER_LENGTH);
    this.chunkKey = Buffer.from(hkdfSync('sha256', key, salt, HKDF_INFO, KEY_LENGTH));
    this.context = Buffer.from(context, 'utf8');
  }

  private nonce(index: number): Buffer {
    const nonce = Buffer.alloc(12);
    nonce.writeBigUInt64BE(BigInt(index), 4);
    return nonce;
  }

  private aad(index: number, final: boolean): Buffer {
    const position = Buffer.alloc(9);
    position.writeBigUInt64BE(BigInt(index), 0);
    position.writeUInt8(final ? 1 : 0, 8);
    return Buffer.concat([this.header, position, this.context]);
  }

  seal(plain: Buffer, index: number, final: boolean): Buffer {
    const cipher = createCipheriv('aes-256-gcm', this.chunkKey, this.nonce(index), { authTagLength: TAG_LENGTH });
    cipher.setAAD(this.aad(index, final));
    return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  }

  /** The plaintext, or null when the tag does not verify; nothing is returned before verification. */
  open(record: Buffer, index: number, final: boolean): Buffer | null {
    const body = record.subarray(0, record.length - TAG_LENGTH);
    const decipher = createDecipheriv('aes-256-gcm', this.chunkKey, this.nonce(index), {
      authTagLength: TAG_LENGTH,
    });
    decipher.setAAD(this.aad(index, final));
    decipher.setAuthTag(record.subarray(record.length - TAG_LENGTH));
    const plain = decipher.update(body);
    try {
      return Buffer.concat([plain, decipher.final()]);
    } catch {
      return null;
    }
  }
}

class Sealer extends Transform {
  private readonly cipher: ChunkCipher;
  // One chunk of plaintext; a full chunk is held until more input proves it is not the last.
  private readonly pending: Buffer;
  private filled = 0;
  private index = 0;

  constructor(key: Buffer, context: string, chunkSize: number, salt: Buffer) {
    super();
    assertKey(key);
    assertChunkSize(chunkSize);
    const header = buildHeader(chunkSize, salt);
    this.cipher = new ChunkCipher(key, header, context);
    this.pending = Buffer.alloc(chunkSize);
    this.push(header);
  }

  /** Plaintext bytes held inside the sealer (never more than one chunk). */
  get bufferedPlaintext(): number {
    return this.filled;
  }

  override _transform(data: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let offset = 0;
    while (offset < data.length) {
      if (this.filled === this.pending.length) {
        this.push(this.cipher.seal(this.pending, this.index++, false));
        this.filled = 0;
      }
      const copied = data.copy(this.pending, this.filled, offset);
      this.filled += copied;
      offset += copied;
    }
    done();
  }

  override _flush(done: TransformCallback): void {
    this.push(this.cipher.seal(this.pending.subarray(0, this.filled), this.index++, true));
    this.filled = 0;
    done();
  }
}

class Opener extends Transform {
  private readonly key: Buffer;
  private readonly context: string;
  private readonly headerBytes = Buffer.alloc(HEADER_LENGTH);
  private headerFilled = 0;
  private cipher: ChunkCipher | undefined;
  // One sealed record; a full record is opened as non-final only once more input follows it.
  private record: Buffer | undefined;
  private filled = 0;
  private index = 0;

  constructor(key: Buffer, context: string) {
    super();
    assertKey(key);
    this.key = key;
    this.context = context;
  }

  /** Sealed bytes held inside the opener (never more than one record and the header). */
  get bufferedSealed(): number {
    return this.headerFilled + this.filled;
  }

  override _transform(data: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    try {
      let offset = 0;
      if (!this.cipher) {
        offset = data.copy(this.headerBytes, this.headerFilled);
        this.headerFilled += offset;
        if (this.headerFilled === HEADER_LENGTH) {
          const { chunkSize } = parseHeader(this.headerBytes);
          this.cipher = new ChunkCipher(this.key, this.headerBytes, this.context);
          this.record = Buffer.alloc(chunkSize + TAG_LENGTH);
        }
      }
      const record = this.record;
      while (record && offset < data.length) {
        if (this.filled === record.length) {
          this.push(this.openChunk(record, false));
          this.filled = 0;
        }
        const copied = data.copy(record, this.filled, offset);
        this.filled += copied;
        offset += copied;
      }
      done();
    } catch (error) {
      done(error as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      if (!this.cipher) throw new IntegrityError('header', 'bad header: truncated before the first chunk');
      if (this.filled < TAG_LENGTH) {
        throw new IntegrityError('truncated', `truncated: chunk ${this.index} is incomplete`, this.index);
      }
      this.push(this.openChunk(this.record!.subarray(0, this.filled), true));
      done();
    } catch (error) {
      done(error as Error);
    }
  }

  private openChunk(record: Buffer, final: boolean): Buffer {
    const plain = openRecord(this.cipher!, record, this.index, final);
    this.index++;
    return plain;
  }
}

/** Opens one record or names the check that failed; the plaintext is returned only after its tag verified. */
function openRecord(cipher: ChunkCipher, record: Buffer, index: number, final: boolean): Buffer {
  const plain = cipher.open(record, index, final);
  if (plain) return plain;
  // Only on failure: find out which check failed, to say so.
  if (final && cipher.open(record, index, false)) {
    throw new IntegrityError(
      'truncated',
      `truncated: the stream ends after chunk ${index} without a final chunk`,
      index,
    );
  }
  if (!final && cipher.open(record, index, true)) {
    throw new IntegrityError('trailing', `trailing data after the final chunk ${index}`, index);
  }
  throw new IntegrityError('tag', `tag mismatch at chunk ${index}`, index);
}

/** A Transform that seals plaintext into the format above, holding at most one chunk. */
export function sealStream(key: Buffer, context: string, options: SealOptions = {}): Transform {
  return new Sealer(key, context, options.chunkSize ?? DEFAULT_CHUNK_SIZE, randomBytes(SALT_LENGTH));
}

/**
 * Test seam: the same sealer with a chosen salt, so tests can compare byte for byte.
 * Never use outside tests — one salt under one key twice would repeat nonces.
 */
export function sealStreamWithSaltForTests(key: Buffer, context: string, chunkSize: number, salt: Buffer): Transform {
  return new Sealer(key, context, chunkSize, salt);
}

/** A Transform that emits each chunk's plaintext only after its tag verified; fails with IntegrityError. */
export function openStream(key: Buffer, context: string): Transform {
  return new Opener(key, context);
}

/** Seals a whole buffer at once (small fields, tests); the same bytes the stream would give. */
export function sealBuffer(key: Buffer, context: string, plain: Buffer, options: SealOptions = {}): Buffer {
  return sealWithSalt(key, context, plain, options.chunkSize ?? DEFAULT_CHUNK_SIZE, randomBytes(SALT_LENGTH));
}

function sealWithSalt(key: Buffer, context: string, plain: Buffer, chunkSize: number, salt: Buffer): Buffer {
  assertKey(key);
  assertChunkSize(chunkSize);
  const header = buildHeader(chunkSize, salt);
  const cipher = new ChunkCipher(key, header, context);
  const parts = [header];
  const chunks = Math.max(1, Math.ceil(plain.length / chunkSize));
  for (let index = 0; index < chunks; index++) {
    const chunk = plain.subarray(index * chunkSize, (index + 1) * chunkSize);
    parts.push(cipher.seal(chunk, index, index === chunks - 1));
  }
  return Buffer.concat(parts);
}

/** Opens a whole sealed buffer; throws IntegrityError exactly as the stream would. */
export function openBuffer(key: Buffer, context: string, sealed: Buffer): Buffer {
  assertKey(key);
  if (sealed.length < HEADER_LENGTH) throw new IntegrityError('header', 'bad header: truncated before the first chunk');
  const header = sealed.subarray(0, HEADER_LENGTH);
  const { chunkSize } = parseHeader(header);
  const cipher = new ChunkCipher(key, header, context);
  const recordLength = chunkSize + TAG_LENGTH;
  const body = sealed.subarray(HEADER_LENGTH);
  const records = Math.max(1, Math.ceil(body.length / recordLength));
  const parts: Buffer[] = [];
  for (let index = 0; index < records; index++) {
    const record = body.subarray(index * recordLength, (index + 1) * recordLength);
    const final = index === records - 1;
    if (final && record.length < TAG_LENGTH) {
      throw new IntegrityError('truncated', `truncated: chunk ${index} is incomplete`, index);
    }
    parts.push(openRecord(cipher, record, index, final));
  }
  return Buffer.concat(parts);
}
