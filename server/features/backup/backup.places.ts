import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { StorageConfig } from '../../config.js';
import { createBlobStore } from '../../platform/storage/create-store.js';
import { fileSink } from './backup.service.js';

export type BackupKind = 'backup' | 'keys';

/** The private temporary folders a backup from a store is downloaded to (removed after use). */
export const DOWNLOAD_PREFIX = 'deedbox-backup-download-';

/**
 * Where scheduled backups or key-store snapshots are kept (config.backup.data / .keys): a folder, or
 * a container or bucket of a storage driver. Names are the scheduled ones, which sort by age:
 * `deedbox-YYYYMMDDTHHMMSSZ.backup|keys` in a folder, `deedbox-yyyymmddthhmmssz` in a store (blob
 * names are lower case, and the container says which kind).
 */
export interface BackupPlace {
  /** A file path, or `azure://container/name`, `s3://bucket/name`: for logs and backup_runs. */
  where(name: string): string;
  /** The name a run at this time writes. */
  nameAt(at: Date): string;
  /** The scheduled names, newest first. */
  scheduled(): Promise<string[]>;
  /** What a deletion rewrites: the scheduled names and, in a folder, any `*.keys` an operator put there. */
  all(): Promise<string[]>;
  /** A sink for writeBackup / writeKeySnapshot: the whole stream is kept under name, or nothing. */
  sink(name: string): (stream: Readable) => Promise<void>;
  /** Runs fn on a local file holding the named one (a store's is downloaded to a private temporary folder and removed after). */
  withFile<T>(name: string, fn: (file: string) => Promise<T>): Promise<T>;
  /** Makes a local file the named one's new content (a folder's file was changed in place: nothing to do). */
  replace(name: string, file: string): Promise<void>;
  remove(name: string): Promise<void>;
  close(): Promise<void>;
}

const stampOf = (at: Date) =>
  at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

const newestFirst = (names: string[]) => names.sort().reverse();

function folderPlace(dir: string, kind: BackupKind): BackupPlace {
  const scheduled = new RegExp(`^deedbox-\\d{8}T\\d{6}Z\\.${kind}$`);
  const names = async () => readdir(dir).catch(() => [] as string[]);
  return {
    where: (name) => path.join(dir, name),
    nameAt: (at) => `deedbox-${stampOf(at)}.${kind}`,
    scheduled: async () => newestFirst((await names()).filter((n) => scheduled.test(n))),
    all: async () =>
      newestFirst((await names()).filter((n) => (kind === 'keys' ? n.endsWith('.keys') : scheduled.test(n)))),
    sink(name) {
      const write = fileSink(path.join(dir, name));
      return async (stream) => {
        await mkdir(dir, { recursive: true, mode: 0o700 });
        await write(stream);
      };
    },
    withFile: (name, fn) => fn(path.join(dir, name)),
    replace: async () => {},
    remove: (name) => rm(path.join(dir, name), { force: true }),
    close: async () => {},
  };
}

async function storePlace(storage: Exclude<StorageConfig, { driver: 'local' }>): Promise<BackupPlace> {
  const store = await createBlobStore(storage);
  const scheduled = /^deedbox-\d{8}t\d{6}z$/;
  const container = storage.driver === 'azure' ? storage.container : storage.bucket;
  const names = async () => {
    const out: string[] = [];
    for await (const name of store.list('')) if (scheduled.test(name)) out.push(name);
    return newestFirst(out);
  };
  return {
    where: (name) => `${storage.driver}://${container}/${name}`,
    nameAt: (at) => `deedbox-${stampOf(at).toLowerCase()}`,
    scheduled: names,
    all: names,
    sink: (name) => async (stream) => {
      await store.put(name, stream);
    },
    async withFile(name, fn) {
      const folder = await mkdtemp(path.join(tmpdir(), DOWNLOAD_PREFIX));
      try {
        const file = path.join(folder, name);
        await pipeline(await store.get(name), createWriteStream(file, { mode: 0o600 }));
        return await fn(file);
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    },
    async replace(name, file) {
      await store.put(name, createReadStream(file));
    },
    remove: (name) => store.delete(name),
    close: () => store.close(),
  };
}

/** The place a config names; close it after use. */
export async function openBackupPlace(storage: StorageConfig, kind: BackupKind): Promise<BackupPlace> {
  return storage.driver === 'local' ? folderPlace(storage.dir, kind) : storePlace(storage);
}

/** Runs fn with the place open, and closes it. */
export async function withBackupPlace<T>(
  storage: StorageConfig,
  kind: BackupKind,
  fn: (place: BackupPlace) => Promise<T>,
): Promise<T> {
  const place = await openBackupPlace(storage, kind);
  try {
    return await fn(place);
  } finally {
    await place.close();
  }
}
