import { Readable } from 'node:stream';
import { listPrefix } from '../../platform/storage/blob-store.js';
import { BackupError, readEntries } from './backup.format.js';
import { readKeySnapshot } from './backup.keys.js';
import { assertEmpty, restorePglite } from './backup.pglite.js';
import { restorePostgres } from './backup.postgres.js';
import { type BackupDeps, hashed, type Manifest, verifyBackup } from './backup.service.js';
import type { KeyRow } from './backup.tables.js';

export interface RestoreReport {
  restored: true;
  createdAt: string;
  tables: number;
  rows: number;
  blobs: { written: number; alreadyThere: number };
  orgKeys: number | null;
}

/** Whether the deployment may receive this backup: the same engine and migration level, no org, no user, no foreign blob. */
async function assertTarget(deps: BackupDeps, manifest: Manifest): Promise<void> {
  if (manifest.database.kind !== deps.database.kind) {
    throw new BackupError(
      `this is a ${manifest.database.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'} backup; restore it into the same kind of database`,
    );
  }
  const level = await deps.database.appliedMigrations();
  if (level !== manifest.database.migrations) {
    throw new BackupError(
      `the backup is at migration level ${manifest.database.migrations}, this deployment at ${level ?? 0}: restore with the release that made it, then upgrade`,
    );
  }
  await deps.database.db.transaction((tx) => assertEmpty(tx));
  const expected = new Set(manifest.blobs.map((b) => b.name));
  for await (const name of deps.blobs.list(listPrefix('orgs'))) {
    if (!expected.has(name)) {
      throw new BackupError(`the target storage is not empty: it holds ${name}, which the backup does not`);
    }
  }
}

/**
 * Restores a verified backup into an empty deployment: the whole file (and the key snapshot) is
 * authenticated and checked first; then every blob is written (idempotently: one already there at its
 * size is kept, as a store never keeps a partial blob); last the database and the key rows in one
 * transaction. A crash before that commit leaves a deployment that is still empty, so a rerun
 * completes it; nothing is reported restored before the commit.
 */
export async function restoreBackup(deps: BackupDeps, file: string, keysFile: string | null): Promise<RestoreReport> {
  const keys = deps.config.backupKeys;
  const { manifest } = await verifyBackup(file, keys);
  const keyRows: KeyRow[] | null = keysFile ? await readKeySnapshot(keysFile, keys) : null;
  await assertTarget(deps, manifest);
  const sizes = new Map(manifest.blobs.map((b) => [b.name, b]));
  const blobs = { written: 0, alreadyThere: 0 };
  for await (const entry of readEntries(file, keys, 'data')) {
    if (entry.type !== 'B') continue;
    const listed = sizes.get(entry.name)!;
    if ((await deps.blobs.size(entry.name)) === listed.size) {
      blobs.alreadyThere++;
      continue;
    }
    await deps.blobs.put(entry.name, Readable.from(hashed(entry.body, listed, `blob ${entry.name}`)));
    blobs.written++;
  }
  for await (const entry of readEntries(file, keys, 'data')) {
    if (entry.type !== 'D') continue;
    const dump = hashed(entry.body, manifest.database, 'database dump');
    if (deps.database.kind === 'postgres') {
      if (deps.config.database.kind !== 'postgres') throw new Error('unreachable');
      await restorePostgres(deps.config.database.url, dump, keyRows, Object.keys(manifest.database.tables));
    } else {
      await restorePglite(deps.database, dump, keyRows);
    }
    break;
  }
  return {
    restored: true,
    createdAt: manifest.createdAt,
    tables: manifest.totals.tables,
    rows: manifest.totals.rows,
    blobs,
    orgKeys: keyRows ? keyRows.length : null,
  };
}
