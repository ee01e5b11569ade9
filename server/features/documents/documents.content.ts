import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { HEADER_LENGTH, IntegrityError, openStream, TAG_LENGTH } from '../../platform/crypto/seal.js';
import { parseHeader } from '../../platform/crypto/seal-format.js';
import { openChunkAt, plaintextLength, sealedRange } from '../../platform/crypto/seal-range.js';
import type { BlobStore } from '../../platform/storage/blob-store.js';

/** What a download needs once the transaction that authorised it has ended. */
export interface Sealed {
  store: BlobStore;
  blobName: string;
  key: Buffer;
  context: string;
  size: number;
  sealedSize: number;
}

/** A short stream (a header, a preview's head) read into memory. */
export async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/** The stored blob must be exactly as long as the one sealed at upload: truncation or extension shows here. */
async function checkSize(s: Sealed): Promise<number> {
  const stored = await s.store.size(s.blobName);
  if (stored !== s.sealedSize) {
    throw new IntegrityError('truncated', `stored blob is ${stored ?? 'missing'} bytes, sealed as ${s.sealedSize}`);
  }
  const header = parseHeader(await readAll(await s.store.get(s.blobName, { start: 0, end: HEADER_LENGTH - 1 })));
  if (plaintextLength(s.sealedSize, header.chunkSize) !== s.size) {
    throw new IntegrityError('truncated', 'sealed size does not match the recorded size');
  }
  return header.chunkSize;
}

/** Opened records are one chunk (64 KiB) each; sent one by one, each would be a socket write of its own. */
const SEND_BATCH = 1024 * 1024;

/** The opened chunks joined into writes of about SEND_BATCH bytes, starting with the one already read. */
async function* batches(first: IteratorResult<Buffer>, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  let length = 0;
  for (let next = first; !next.done; next = await rest.next()) {
    parts.push(next.value);
    length += next.value.length;
    if (length >= SEND_BATCH) {
      yield parts.length === 1 ? parts[0]! : Buffer.concat(parts, length);
      parts = [];
      length = 0;
    }
  }
  if (length > 0) yield Buffer.concat(parts, length);
}

/**
 * The plaintext, or bytes from..to of it, as a stream whose first chunk has already been opened and
 * authenticated: a blob that is swapped, cut, under the wrong key or with a damaged start fails here,
 * before any byte or status is sent. Damage further in fails the stream, which aborts the response.
 */
export async function openSealed(s: Sealed, range?: { from: number; to: number }): Promise<Readable> {
  const chunkSize = await checkSize(s);
  const plain = range ? await rangeStream(s, chunkSize, range.from, range.to) : await fullStream(s);
  const iterator: AsyncIterator<Buffer> = plain[Symbol.asyncIterator]();
  const first = await iterator.next();
  return Readable.from(batches(first, iterator), { objectMode: false });
}

async function fullStream(s: Sealed): Promise<Readable> {
  const opener = openStream(s.key, s.context);
  const blob = await s.store.get(s.blobName);
  pipeline(blob, opener).catch((error) => opener.destroy(error));
  return opener;
}

/** Opens whole records [firstChunk..lastChunk] one by one and keeps only the bytes asked for. */
class RecordOpener extends Transform {
  private buffered: Buffer[] = [];
  private bufferedLength = 0;
  private index: number;
  private skip: number;
  private left: number;

  constructor(
    private readonly s: Sealed,
    private readonly header: Buffer,
    private readonly chunkSize: number,
    range: ReturnType<typeof sealedRange>,
    private readonly lastIndex: number,
  ) {
    super();
    this.index = range.firstChunk;
    this.skip = range.skip;
    this.left = range.length;
  }

  private recordLength(index: number): number {
    if (index < this.lastIndex) return this.chunkSize + TAG_LENGTH;
    return this.s.size - index * this.chunkSize + TAG_LENGTH;
  }

  private drainRecords(): void {
    for (;;) {
      const need = this.recordLength(this.index);
      if (this.bufferedLength < need || this.left === 0) return;
      const all = Buffer.concat(this.buffered);
      const record = all.subarray(0, need);
      this.buffered = [all.subarray(need)];
      this.bufferedLength -= need;
      const opened = openChunkAt(
        this.s.key,
        this.s.context,
        this.header,
        this.index,
        this.index === this.lastIndex,
        record,
      );
      const piece = opened.subarray(this.skip, this.skip + this.left);
      this.skip = 0;
      this.left -= piece.length;
      this.index += 1;
      if (piece.length > 0) this.push(piece);
    }
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.buffered.push(chunk);
    this.bufferedLength += chunk.length;
    try {
      this.drainRecords();
      done();
    } catch (error) {
      done(error as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    done(this.left > 0 ? new IntegrityError('truncated', 'the stored blob ended inside the range') : null);
  }
}

async function rangeStream(s: Sealed, chunkSize: number, from: number, to: number): Promise<Readable> {
  const header = await readAll(await s.store.get(s.blobName, { start: 0, end: HEADER_LENGTH - 1 }));
  const range = sealedRange(chunkSize, s.size, from, to);
  const lastIndex = Math.max(0, Math.ceil(s.size / chunkSize) - 1);
  const opener = new RecordOpener(s, header, chunkSize, range, lastIndex);
  const blob = await s.store.get(s.blobName, { start: range.start, end: range.end - 1 });
  pipeline(blob, opener).catch((error) => opener.destroy(error));
  return opener;
}

/** One `bytes=a-b` / `bytes=a-` / `bytes=-n` range within size, null for none or several (answer in full), or 'unsatisfiable'. */
export function parseRange(
  header: string | undefined,
  size: number,
): { from: number; to: number } | null | 'unsatisfiable' {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  let from: number;
  let to: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    from = Math.max(0, size - suffix);
    to = size - 1;
  } else {
    from = Number(match[1]);
    to = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (!Number.isSafeInteger(from) || from >= size || to < from) return 'unsatisfiable';
  return { from, to };
}

/** `attachment; filename="…"; filename*=UTF-8''…` with an ASCII fallback (RFC 6266, RFC 8187). */
export function contentDisposition(type: 'attachment' | 'inline', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
