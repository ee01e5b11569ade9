import { createCipheriv, createDecipheriv, hkdfSync } from 'node:crypto';

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
export const SALT_LENGTH = 32;
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

export function assertKey(key: Buffer): void {
  if (key.length !== KEY_LENGTH) throw new TypeError(`a sealing key must be ${KEY_LENGTH} bytes`);
}

export function assertChunkSize(chunkSize: number): void {
  if (!Number.isInteger(chunkSize) || chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
    throw new RangeError(`chunk size must be an integer from 1 to ${MAX_CHUNK_SIZE}`);
  }
}

export function buildHeader(chunkSize: number, salt: Buffer): Buffer {
  const header = Buffer.alloc(HEADER_LENGTH);
  SEAL_MAGIC.copy(header, 0);
  header.writeUInt8(SEAL_VERSION, 4);
  header.writeUInt32BE(chunkSize, 5);
  salt.copy(header, 9);
  return header;
}

export function parseHeader(header: Buffer): { chunkSize: number; salt: Buffer } {
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
export class ChunkCipher {
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
      // GCM gives all its output from update(); final() only checks the tag.
      const rest = decipher.final();
      return rest.length === 0 ? plain : Buffer.concat([plain, rest]);
    } catch {
      return null;
    }
  }
}

/** Opens one record or names the check that failed; the plaintext is returned only after its tag verified. */
export function openRecord(cipher: ChunkCipher, record: Buffer, index: number, final: boolean): Buffer {
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
