import type { Readable } from 'node:stream';
import { assertKey, ChunkCipher, HEADER_LENGTH, IntegrityError, parseHeader } from '../crypto/seal-format.js';
import { openRecords, plaintextLength, RecordLayout } from '../crypto/seal-range.js';
import type { BlobStore } from '../storage/blob-store.js';
import type { ByteSource } from './zip-directory.js';

/** A sealed blob in the store and what opens it: the key, the context and the sizes recorded when it was sealed. */
export interface SealedBlob {
  store: BlobStore;
  blobName: string;
  key: Buffer;
  context: string;
  /** Plaintext bytes. */
  size: number;
  sealedSize: number;
}

/** Opened chunks kept for reads to come: a zip directory's entries or a PDF's trailer mostly fall in a few. */
const CACHE_BYTES = 2 * 1024 * 1024;
/** A read that carries on where the last store request ended fetches this far ahead: one request per MiB. */
const READ_AHEAD_BYTES = 1024 * 1024;

async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/** Copies the part of a chunk (plaintext from `start`) that falls into `out` (plaintext from `from`). */
function place(out: Buffer, from: number, start: number, plain: Buffer): void {
  plain.copy(out, Math.max(0, start - from), Math.max(0, from - start));
}

export class SealedSource implements ByteSource {
  readonly size: number;
  /** Opened chunks by index, least recently used first. */
  private readonly cache = new Map<number, Buffer>();
  private readonly cacheChunks: number;
  private readonly readAhead: number;
  /** The chunk after the last one fetched: a read that starts there is sequential. */
  private next = -1;
  /** Store requests made, for tests and measurements. */
  requests = 0;

  constructor(
    private readonly blob: SealedBlob,
    private readonly cipher: ChunkCipher,
    private readonly layout: RecordLayout,
  ) {
    this.size = blob.size;
    this.cacheChunks = Math.max(2, Math.floor(CACHE_BYTES / layout.chunkSize));
    this.readAhead = Math.max(1, Math.floor(READ_AHEAD_BYTES / layout.chunkSize));
  }

  async read(at: number, length: number): Promise<Buffer> {
    const [from, to] = this.clamp(at, length);
    const out = Buffer.alloc(to - from);
    if (to === from) return out;
    const { chunkSize } = this.layout;
    const last = Math.floor((to - 1) / chunkSize);
    for (let index = Math.floor(from / chunkSize); index <= last; ) {
      const cached = this.cache.get(index);
      if (cached) {
        this.remember(index, cached);
        place(out, from, index * chunkSize, cached);
        index += 1;
        continue;
      }
      // One request for the run of chunks not held, read further ahead when the reads go in order.
      let runEnd = index;
      while (runEnd < last && !this.cache.has(runEnd + 1)) runEnd += 1;
      if (index === this.next) runEnd = Math.max(runEnd, Math.min(this.layout.lastIndex, index + this.readAhead - 1));
      for await (const chunk of this.open(index, runEnd)) {
        this.remember(chunk.index, chunk.plain);
        if (chunk.index <= last) place(out, from, chunk.index * chunkSize, chunk.plain);
      }
      this.next = runEnd + 1;
      index = Math.min(runEnd, last) + 1;
    }
    return out;
  }

  /** One store request for the whole range, opened chunk by chunk as it arrives: for scans of the whole file. */
  async *stream(at: number, length: number): AsyncGenerator<Buffer> {
    const [from, to] = this.clamp(at, length);
    if (to === from) return;
    const { chunkSize } = this.layout;
    for await (const chunk of this.open(Math.floor(from / chunkSize), Math.floor((to - 1) / chunkSize))) {
      const start = chunk.index * chunkSize;
      yield chunk.plain.subarray(Math.max(0, from - start), to - start);
    }
  }

  private clamp(at: number, length: number): [number, number] {
    if (!Number.isSafeInteger(at) || at < 0 || !Number.isSafeInteger(length) || length < 0) {
      throw new RangeError(`cannot read ${length} bytes at ${at}`);
    }
    const from = Math.min(at, this.size);
    return [from, Math.min(this.size, from + length)];
  }

  private async *open(first: number, last: number): AsyncGenerator<{ index: number; plain: Buffer }> {
    this.requests += 1;
    const sealed = await this.blob.store.get(this.blob.blobName, {
      start: this.layout.start(first),
      end: this.layout.start(last) + this.layout.length(last) - 1,
    });
    try {
      yield* openRecords(sealed, this.cipher, this.layout, first, last);
    } finally {
      sealed.destroy();
    }
  }

  private remember(index: number, plain: Buffer): void {
    this.cache.delete(index);
    this.cache.set(index, plain);
    if (this.cache.size > this.cacheChunks) this.cache.delete(this.cache.keys().next().value!);
  }
}

/**
 * Random access to the plaintext of a sealed blob, for inspecting an upload without a plaintext copy:
 * a read fetches only the records it covers (one ranged get per run of chunks not yet opened) and
 * returns bytes only after every chunk's tag verified under its index and final flag; a damaged or
 * swapped blob throws IntegrityError. Memory stays at about CACHE_BYTES beside what a read returns.
 */
export async function sealedSource(blob: SealedBlob): Promise<SealedSource> {
  assertKey(blob.key);
  const header = await readAll(await blob.store.get(blob.blobName, { start: 0, end: HEADER_LENGTH - 1 }));
  if (header.length !== HEADER_LENGTH)
    throw new IntegrityError('header', 'bad header: truncated before the first chunk');
  const { chunkSize } = parseHeader(header);
  if (plaintextLength(blob.sealedSize, chunkSize) !== blob.size) {
    throw new IntegrityError('truncated', 'sealed size does not match the recorded size');
  }
  return new SealedSource(
    blob,
    new ChunkCipher(blob.key, header, blob.context),
    new RecordLayout(chunkSize, blob.size),
  );
}
