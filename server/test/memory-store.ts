import { Readable } from 'node:stream';
import { BlobNotFoundError, type BlobStore } from '../platform/storage/blob-store.js';

/** A BlobStore in memory for unit tests, counting the gets and handing out ranges in small pieces as a network would. */
export function memoryStore(): BlobStore & { blobs: Map<string, Buffer>; gets: number } {
  const blobs = new Map<string, Buffer>();
  const store = {
    kind: 'local' as const,
    blobs,
    gets: 0,
    async put(name: string, body: Readable) {
      const parts: Buffer[] = [];
      for await (const part of body) parts.push(part as Buffer);
      blobs.set(name, Buffer.concat(parts));
      return { size: blobs.get(name)!.length };
    },
    async get(name: string, range?: { start: number; end: number }) {
      const blob = blobs.get(name);
      if (!blob) throw new BlobNotFoundError(name);
      store.gets += 1;
      const bytes = range ? blob.subarray(range.start, range.end + 1) : blob;
      const pieces: Buffer[] = [];
      for (let at = 0; at < bytes.length; at += 1000) pieces.push(bytes.subarray(at, at + 1000));
      return Readable.from(pieces);
    },
    async size(name: string) {
      return blobs.get(name)?.length ?? null;
    },
    async delete(name: string) {
      blobs.delete(name);
    },
    async *list(prefix: string) {
      for (const name of blobs.keys()) if (name.startsWith(prefix)) yield name;
    },
    async close() {},
  };
  return store;
}
