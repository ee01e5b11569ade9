import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type Database, openDatabase, rowsOf } from '../../db/client.js';
import { listPrefix } from '../../platform/storage/blob-store.js';
import { BackupError, readEntries } from './backup.format.js';
import { readKeySnapshot } from './backup.keys.js';
import { assertEmpty, restorePglite } from './backup.pglite.js';
import { quoteTable, restorePostgres } from './backup.postgres.js';
import { type BackupDeps, hashed, type Manifest, verifyBackup } from './backup.service.js';
import { assertTableName, type KeyRow } from './backup.tables.js';

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

/** Rows per table in a database, for the tables a manifest names. */
async function countRows(database: Database, tables: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of tables) {
    const [row] = rowsOf<{ n: number }>(
      await database.db.execute(sql.raw(`select count(*)::int as n from ${quoteTable(assertTableName(table))}`)),
    );
    out[table] = row!.n;
  }
  return out;
}

/** A PostgreSQL database made beside the live one (the role needs CREATEDB), and how to drop it. */
async function scratchPostgres(liveUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${new URL(liveUrl).pathname.slice(1)}_drill_${randomBytes(4).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: liveUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database "${name}"`);
  return {
    url: Object.assign(new URL(liveUrl), { pathname: `/${name}` }).toString(),
    drop: () => admin(`drop database if exists "${name}" with (force)`),
  };
}

/**
 * The restore drill's second half: the backup's database loaded into a scratch database (an
 * in-memory PGlite, or a PostgreSQL database made and dropped beside the live one) and its rows
 * per table compared with the manifest. Blobs are not written: verify checked every byte of them.
 */
export async function scratchRestore(
  deps: Pick<BackupDeps, 'config'>,
  file: string,
  manifest: Manifest,
): Promise<{ tables: number; rows: number }> {
  const spec = deps.config.database;
  const pgScratch = spec.kind === 'postgres' ? await scratchPostgres(spec.url) : null;
  try {
    const scratch = await openDatabase({
      database: pgScratch ? { kind: 'postgres', url: pgScratch.url, poolMax: 2 } : { kind: 'pglite', dataDir: null },
    });
    try {
      await scratch.migrate();
      const tables = Object.keys(manifest.database.tables);
      for await (const entry of readEntries(file, deps.config.backupKeys, 'data')) {
        if (entry.type !== 'D') continue;
        const dump = hashed(entry.body, manifest.database, 'database dump');
        if (pgScratch) await restorePostgres(pgScratch.url, dump, null, tables);
        else await restorePglite(scratch, dump, null);
        break;
      }
      const counts = await countRows(scratch, tables);
      const differing = tables.filter((t) => counts[t] !== manifest.database.tables[t]);
      if (differing.length > 0) {
        throw new BackupError(`the restored rows differ from the manifest in ${differing.join(', ')}`);
      }
      return { tables: tables.length, rows: Object.values(counts).reduce((a, b) => a + b, 0) };
    } finally {
      await scratch.close();
    }
  } finally {
    await pgScratch?.drop();
  }
}
