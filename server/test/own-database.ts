import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../db/client.js';
import { TEST_DATABASE_URL, TEST_DB } from './harness.js';

/**
 * A database and data directory of the test's own, for tests that change what every org shares (the
 * master keys a start checks): a new, migrated PostgreSQL database beside the shared one, or a PGlite
 * directory. `env` goes to startHarness (several in turn: a restart) or to the CLI.
 */
export async function ownDatabase(name: string): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `deedbox-${name}-`));
  if (TEST_DB !== 'postgres') {
    return { env: { DATA_DIR: dataDir }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const url = new URL(TEST_DATABASE_URL);
  const database = `${url.pathname.slice(1)}_${name}_${randomUUID().slice(0, 8)}`;
  const admin = () =>
    new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  const create = admin();
  await create.connect();
  await create.query(`create database "${database}"`);
  await create.end();
  const own = Object.assign(new URL(url), { pathname: `/${database}` }).toString();
  const migrated = await openDatabase({ database: { kind: 'postgres', url: own, poolMax: 1 } });
  await migrated.migrate();
  await migrated.close();
  return {
    env: { DATABASE_URL: own, DATA_DIR: dataDir },
    async drop() {
      const dropper = admin();
      await dropper.connect();
      await dropper.query(`drop database if exists "${database}" with (force)`);
      await dropper.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
