import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { shippedMigrations } from '../server/db/client.js';

/** Where the benches' databases live: BENCH_PG_URL, or PostgreSQL on loopback as the superuser. */
export const BENCH_PG_ROOT = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';

/** One statement as the superuser on the maintenance database: creating and dropping the benches' databases. */
export async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${BENCH_PG_ROOT}/postgres` });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * The one row of a bench's seed marker table when it was written by seed version `version` on the
 * migrations this build ships (a new migration seeds again), else null; null too without the database.
 */
export async function currentMarker<T extends { version: number; migrations: number }>(
  url: string,
  table: string,
  version: number,
): Promise<T | null> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch {
    return null;
  }
  try {
    const exists = await client.query('select to_regclass($1) is not null as present', [table]);
    if (!exists.rows[0].present) return null;
    const marker = (await client.query(`select * from ${table}`)).rows[0] as T | undefined;
    const applied = await client.query('select count(*)::int as n from drizzle.__drizzle_migrations');
    const current = marker?.version === version && marker.migrations === (await shippedMigrations());
    return current && applied.rows[0].n === marker.migrations ? marker : null;
  } finally {
    await client.end();
  }
}

/**
 * A run's own fresh databases (dropped first if a crashed run left them) and temporary directory,
 * both removed after `work` whatever happens.
 */
export async function inFreshWorkspace<T>(
  databases: string[],
  dirPrefix: string,
  work: (dir: string) => Promise<T>,
): Promise<T> {
  for (const name of databases) await admin(`drop database if exists ${name} with (force)`);
  for (const name of databases) await admin(`create database ${name}`);
  const dir = await mkdtemp(path.join(os.tmpdir(), dirPrefix));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
    for (const name of databases) await admin(`drop database if exists ${name} with (force)`);
  }
}
