import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { IntegrityError, openStream } from '../../platform/crypto/seal.js';
import { type SealedBlob, type SealedSource, sealedSource } from '../../platform/files/sealed-source.js';

/** What a download needs once the transaction that authorised it has ended. */
export type Sealed = SealedBlob;

/** A short stream (a header, a preview's head) read into memory. */
export async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/**
 * The stored blob must be exactly as long as the one sealed at upload: truncation or extension shows
 * here; opening it as a source reads the header and checks the plaintext length it implies.
 */
async function checkSize(s: Sealed): Promise<SealedSource> {
  const stored = await s.store.size(s.blobName);
  if (stored !== s.sealedSize) {
    throw new IntegrityError('truncated', `stored blob is ${stored ?? 'missing'} bytes, sealed as ${s.sealedSize}`);
  }
  return sealedSource(s);
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
  const source = await checkSize(s);
  // A range is one ranged get of the records that hold it, each opened at its index.
  const plain = range
    ? Readable.from(source.stream(range.from, range.to - range.from + 1), { objectMode: false })
    : await fullStream(s);
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
