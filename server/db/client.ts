import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import type { Config } from '../config.js';
import { acquireDataDirLock } from './data-dir-lock.js';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The rows of a raw `tx.execute(sql…)` result; both drivers answer `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface Database {
  kind: 'postgres' | 'pglite';
  db: Db;
  migrate(): Promise<void>;
  /** Number of applied migrations, or null when the migrations table does not exist yet. */
  appliedMigrations(): Promise<number | null>;
  poolStats(): { total: number; idle: number; waiting: number };
  /** PGlite only: its data directory as a tarball, for `openDatabase`'s `pgliteImage`. */
  dumpImage?(): Promise<Blob>;
  /**
   * A connection of its own, outside the pool, for session-level advisory locks and LISTEN (the
   * job runner's); null on PGlite, one connection in one process.
   */
  openSession(): Promise<Session | null>;
  close(): Promise<void>;
}

/** A dedicated PostgreSQL connection; its session locks last until released or until it is lost. */
export interface Session {
  query<T>(text: string, values?: unknown[]): Promise<T[]>;
  /** LISTENs on `channel`, handing each payload to `fn`. */
  listen(channel: string, fn: (payload: string) => void): Promise<void>;
  /** False once the connection failed or ended: its locks are gone. */
  alive(): boolean;
  close(): Promise<void>;
}

/**
 * `pgliteImage`: an in-memory PGlite starts from this dump of a data directory (`dumpDataDir`)
 * instead of an empty cluster — the tests' migrated template, which saves initdb and the migrations.
 */
export async function openDatabase(
  config: Pick<Config, 'database'>,
  opts: { pgliteImage?: Blob } = {},
): Promise<Database> {
  const spec = config.database;
  if (spec.kind === 'postgres') return openPostgres(spec.url, spec.poolMax);
  return openPglite(spec.dataDir, spec.dataDir ? undefined : opts.pgliteImage);
}

function openPostgres(url: string, poolMax: number): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolMax });
  // An idle client that loses its connection must not crash the process.
  pool.on('error', () => {});
  const db = drizzleNodePg(pool, { schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    migrate: () => migrateNodePg(drizzleNodePg(pool), { migrationsFolder: MIGRATIONS_DIR }),
    appliedMigrations: () => countMigrations((text) => pool.query(text)),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    openSession: () => openSession(url),
    close: () => pool.end(),
  };
}

async function openSession(url: string): Promise<Session> {
  const client = new pg.Client({ connectionString: url });
  let alive = true;
  // A lost connection must not crash the process; its owner sees alive() turn false.
  client.on('error', () => {
    alive = false;
  });
  client.on('end', () => {
    alive = false;
  });
  await client.connect();
  return {
    query: async <T>(text: string, values?: unknown[]) => (await client.query(text, values)).rows as T[],
    async listen(channel, fn) {
      client.on('notification', (n) => {
        if (n.channel === channel) fn(n.payload ?? '');
      });
      await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
    },
    alive: () => alive,
    close: () => client.end().catch(() => {}),
  };
}

async function openPglite(dataDir: string | null, image: Blob | undefined): Promise<Database> {
  let release = () => {};
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    release = acquireDataDirLock(dataDir);
  }
  try {
    // The contrib extensions the migrations create (document text search, migration 0024).
    const client = new PGlite({
      dataDir: dataDir ? path.join(dataDir, 'pgdata') : undefined,
      extensions: { unaccent, btree_gin },
      ...(image ? { loadDataDir: image } : {}),
    });
    await client.waitReady;
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      kind: 'pglite',
      db,
      migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_DIR }),
      appliedMigrations: () => countMigrations((text) => client.query(text)),
      dumpImage: () => client.dumpDataDir('none'),
      poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
      openSession: async () => null,
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

async function countMigrations(query: (text: string) => Promise<{ rows: unknown[] }>): Promise<number | null> {
  const exists = await query(`select to_regclass('drizzle.__drizzle_migrations') is not null as present`);
  if (!(exists.rows[0] as { present: boolean }).present) return null;
  const result = await query('select count(*)::int as n from drizzle.__drizzle_migrations');
  return (result.rows[0] as { n: number }).n;
}

/** How many migrations ship with this build (each has one SQL file). */
export async function shippedMigrations(): Promise<number> {
  const { readdir } = await import('node:fs/promises');
  return (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).length;
}
