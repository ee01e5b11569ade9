import type { ByteSource } from './zip-directory.js';

/** A range this long is scanned through the source's stream when it has one (one store request), not in reads. */
const STREAM_FROM = 1024 * 1024;

/** Bytes [at, at + length) of a source in order, as the source reads them cheapest; pieces are at most `block` from reads. */
export async function* scanBytes(
  source: ByteSource,
  at: number,
  length: number,
  block: number,
): AsyncGenerator<Buffer> {
  if (source.stream && length > STREAM_FROM) {
    yield* source.stream(at, length);
    return;
  }
  for (let done = 0; done < length; done += block) {
    const piece = await source.read(at + done, Math.min(block, length - done));
    if (piece.length === 0) return;
    yield piece;
  }
}
