import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { assertBlobName, BlobNotFoundError, type BlobStore, listPrefix } from './blob-store.js';

/** Drafts carry this suffix until they are complete; list() never shows them. */
const DRAFT = '.draft-';
/**
 * Bytes per read, and buffered before the writer waits: a 1 GiB blob is about 1,024 reads or
 * writes, not 16,384 (each a round trip to libuv's thread pool).
 */
const IO_SIZE = 1024 * 1024;

/**
 * Blobs as files under one directory. A blob is written to a draft beside its place, flushed
 * to disk, then renamed into place, so a reader sees the whole blob or none.
 */
export function localStore(root: string): BlobStore {
  const dir = path.resolve(root);
  const fileOf = (name: string) => {
    assertBlobName(name);
    return path.join(dir, ...name.split('/'));
  };
  const notFound = (name: string, error: unknown) =>
    (error as NodeJS.ErrnoException).code === 'ENOENT' ? new BlobNotFoundError(name) : error;

  return {
    kind: 'local',
    async put(name, body) {
      const file = fileOf(name);
      await mkdir(path.dirname(file), { recursive: true });
      const draft = `${file}${DRAFT}${randomBytes(6).toString('hex')}`;
      try {
        await pipeline(body, createWriteStream(draft, { flags: 'wx', mode: 0o600, highWaterMark: IO_SIZE }));
        const handle = await open(draft, 'r');
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(draft, file);
        return { size: (await stat(file)).size };
      } catch (error) {
        await rm(draft, { force: true });
        throw error;
      }
    },
    async get(name, range) {
      const file = fileOf(name);
      try {
        const handle = await open(file, 'r');
        return handle.createReadStream({ highWaterMark: IO_SIZE, ...range });
      } catch (error) {
        throw notFound(name, error);
      }
    },
    async size(name) {
      try {
        return (await stat(fileOf(name))).size;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async delete(name) {
      await rm(fileOf(name), { force: true });
    },
    async *list(prefix) {
      const start = path.join(dir, ...listPrefix(prefix).split('/'));
      const walk = async function* (folder: string): AsyncGenerator<string> {
        let entries: import('node:fs').Dirent[];
        try {
          entries = await readdir(folder, { withFileTypes: true });
        } catch (error) {
          // Nothing under a prefix that is no folder, or that names a blob.
          if (['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) return;
          throw error;
        }
        for (const entry of entries) {
          const full = path.join(folder, entry.name);
          if (entry.isDirectory()) yield* walk(full);
          else if (!entry.name.includes(DRAFT)) yield path.relative(dir, full).split(path.sep).join('/');
        }
      };
      yield* walk(start);
    },
    async close() {},
  };
}
