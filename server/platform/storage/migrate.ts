import { BlobNotFoundError, type BlobStore } from './blob-store.js';

export interface MigrateCounts {
  /** Blobs written to the target in this run. */
  copied: number;
  /** Blobs the target already held at the same size. */
  skipped: number;
  /** Bytes written to the target in this run. */
  bytes: number;
}

export interface MigrateOptions {
  /** Only the blobs under this prefix (whole name parts, as BlobStore.list). */
  prefix?: string;
  /** Called after each blob, copied or skipped, with the counts so far. */
  onProgress?: (progress: MigrateCounts & { name: string }) => void;
  /** Blobs copied at once. */
  concurrency?: number;
}

export class BlobCopyMismatchError extends Error {
  constructor(
    readonly blobName: string,
    readonly expected: number,
    readonly stored: number | null,
  ) {
    super(`Blob ${blobName}: the target holds ${stored ?? 'nothing'} bytes after copying ${expected}`);
  }
}

/**
 * Copies every blob of `from` that `to` lacks or holds at another size, and checks the size
 * the target then reports. Blobs are written once under names of their own, so one already
 * there at the same size is the same blob: a run that stopped halfway is resumed by running
 * again. Nothing is ever deleted from `from`; a blob removed from it while this runs is passed by.
 */
export async function migrateBlobs(
  from: BlobStore,
  to: BlobStore,
  options: MigrateOptions = {},
): Promise<MigrateCounts> {
  const counts: MigrateCounts = { copied: 0, skipped: 0, bytes: 0 };
  const names = from.list(options.prefix ?? '')[Symbol.asyncIterator]();
  let failed = false;

  const migrateOne = async (name: string) => {
    const size = await from.size(name);
    if (size === null) return;
    if ((await to.size(name)) === size) {
      counts.skipped++;
    } else {
      let body: Awaited<ReturnType<BlobStore['get']>>;
      try {
        body = await from.get(name);
      } catch (error) {
        if (error instanceof BlobNotFoundError) return;
        throw error;
      }
      await to.put(name, body);
      const stored = await to.size(name);
      if (stored !== size) throw new BlobCopyMismatchError(name, size, stored);
      counts.copied++;
      counts.bytes += size;
    }
    options.onProgress?.({ name, ...counts });
  };

  // Workers share one listing; after a failure each finishes the blob it holds and stops.
  const worker = async () => {
    try {
      for (let next = await names.next(); !next.done && !failed; next = await names.next()) {
        await migrateOne(next.value);
      }
    } catch (error) {
      failed = true;
      throw error;
    }
  };
  const outcomes = await Promise.allSettled(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  const failure = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failure) {
    await names.return?.();
    throw failure.reason;
  }
  return counts;
}
