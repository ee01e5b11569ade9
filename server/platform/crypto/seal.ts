// Streams and whole buffers in the sealing format of seal-format.ts.
import { randomBytes } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import {
  assertChunkSize,
  assertKey,
  buildHeader,
  ChunkCipher,
  DEFAULT_CHUNK_SIZE,
  HEADER_LENGTH,
  IntegrityError,
  openRecord,
  parseHeader,
  SALT_LENGTH,
  type SealOptions,
  TAG_LENGTH,
} from './seal-format.js';

export {
  DEFAULT_CHUNK_SIZE,
  HEADER_LENGTH,
  type IntegrityCheck,
  IntegrityError,
  MAX_CHUNK_SIZE,
  SEAL_MAGIC,
  SEAL_VERSION,
  type SealOptions,
  TAG_LENGTH,
} from './seal-format.js';

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
