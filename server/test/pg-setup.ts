import pg from 'pg';
import { openDatabase } from '../db/client.js';
import { TEST_DATABASE_URL } from './harness.js';

/** Vitest global setup for the PostgreSQL project: a fresh database, migrated once. */
export default async function setup() {
  const url = new URL(TEST_DATABASE_URL);
  const name = url.pathname.slice(1);
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(`PostgreSQL is required for the integration tests at ${url.host}: ${(error as Error).message}`);
  }
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.query(`create database "${name}"`);
  await admin.end();
  const database = await openDatabase({ database: { kind: 'postgres', url: TEST_DATABASE_URL, poolMax: 2 } });
  await database.migrate();
  await database.close();
}
