import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import type { Database, Session } from '../../db/client.js';
import { BackupError } from './backup.format.js';
import { assertTableName, type DumpInfo, KEY_TABLE, type KeyRow, orgKeysSql, type TableName } from './backup.tables.js';

/**
 * PostgreSQL: `pg_dump -Fc` of the deployment's database (every schema, the key store's rows left
 * out), taken in an exported snapshot so that the row counts and the blob list read beside it see
 * exactly the rows in the dump; restored with `pg_restore --data-only` into a migrated, empty
 * database, its SQL fed to `psql` inside one transaction that commits only when all of it applied.
 */

/** libpq's environment for the URL, so no password shows in the process list. */
export function libpqEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PGHOST: decodeURIComponent(u.hostname),
    PGPORT: u.port || '5432',
    PGDATABASE: decodeURIComponent(u.pathname.slice(1)),
    PGUSER: decodeURIComponent(u.username),
    PGAPPNAME: 'deedbox-backup',
  };
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const sslmode = u.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

function collect(child: ChildProcess): () => string {
  let text = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    if (text.length < 4000) text += chunk.toString('utf8');
  });
  return () => text.trim().split('\n').slice(-3).join(' / ');
}

/** Resolves when the tool exits 0; a failed start (not installed) or exit is one line naming the tool. */
function exited(child: ChildProcess, what: string, stderr: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    child.once('error', (error) =>
      reject(new BackupError(`${what} could not start: ${error.message} (the PostgreSQL 15 client tools are needed)`)),
    );
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new BackupError(`${what} failed (${signal ?? `exit ${code}`}): ${stderr() || 'no message'}`));
    });
  });
}

function spawnTool(tool: string, args: string[], url: string): ChildProcess {
  const child = spawn(tool, args, { env: libpqEnv(url), stdio: ['pipe', 'pipe', 'pipe'] });
  // A tool that failed or never started refuses its input; exited() reports why.
  child.stdin?.on('error', () => {});
  return child;
}

async function canReadEverything(session: Session): Promise<void> {
  const [role] = await session.query<{ ok: boolean; name: string }>(
    'select (rolsuper or rolbypassrls) as ok, rolname as name from pg_roles where rolname = current_user',
  );
  if (!role?.ok) {
    throw new BackupError(
      `the database role ${role?.name ?? '?'} cannot read every row past row-level security: DATABASE_URL must name a superuser or a role with BYPASSRLS to back up`,
    );
  }
}

async function tables(session: Session): Promise<TableName[]> {
  const rows = await session.query<{ schema: string; name: string }>(
    `select n.nspname as schema, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and n.nspname in ('public', 'keystore') order by 1, 2`,
  );
  return rows.map((r) => `${r.schema}.${r.name}`).filter((t) => t !== KEY_TABLE);
}

/**
 * Streams the dump to `emit` and returns what the manifest says of it; the blob names are those of
 * the document versions in the same snapshot.
 */
export async function dumpPostgres(
  database: Database,
  url: string,
  emit: (chunk: Buffer) => Promise<void>,
): Promise<DumpInfo> {
  const session = await database.openSession();
  if (!session) throw new Error('no PostgreSQL session');
  try {
    await canReadEverything(session);
    await session.query('begin isolation level repeatable read read only');
    const [{ snapshot } = { snapshot: '' }] = await session.query<{ snapshot: string }>(
      'select pg_export_snapshot() as snapshot',
    );
    const counts: Record<string, number> = {};
    for (const table of await tables(session)) {
      const [row] = await session.query<{ n: string }>(`select count(*) as n from ${quoteTable(table)}`);
      counts[table] = Number(row!.n);
    }
    const [level] = await session.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations');
    const blobs = await session.query<{ name: string }>('select blob_name as name from document_versions order by 1');
    const child = spawnTool(
      'pg_dump',
      ['-Fc', '--no-owner', `--snapshot=${snapshot}`, `--exclude-table-data=${KEY_TABLE}`],
      url,
    );
    const stderr = collect(child);
    const done = exited(child, 'pg_dump', stderr);
    done.catch(() => {});
    try {
      for await (const chunk of child.stdout as Readable) await emit(chunk as Buffer);
    } catch (error) {
      child.kill();
      throw error;
    }
    await done;
    await session.query('commit');
    return {
      format: 'pg_dump-custom',
      migrations: level!.n,
      tables: counts,
      blobNames: blobs.map((b) => b.name),
    };
  } finally {
    await session.close();
  }
}

export function quoteTable(table: TableName): string {
  const [schema, name] = table.split('.');
  return `"${schema}"."${name}"`;
}

/**
 * Loads a dump into the empty, migrated database at `url` in one transaction: the data of the dump
 * (triggers and foreign-key checks off, as every row comes back as it was) and the key-store rows.
 * `dump` is read only after the whole file was authenticated; if it fails midway nothing commits.
 */
export async function restorePostgres(
  url: string,
  dump: AsyncIterable<Buffer>,
  keys: KeyRow[] | null,
  tables: TableName[],
): Promise<void> {
  // A migrated deployment may hold rows of its own in shared tables (its job runs): the backup's replace them.
  const clear = tables.map((t) => `DELETE FROM ${quoteTable(assertTableName(t))};\n`).join('');
  const restore = spawnTool(
    'pg_restore',
    ['--data-only', '--no-owner', '-n', 'public', '-n', 'keystore', '-f', '-'],
    url,
  );
  const psql = spawnTool('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-f', '-'], url);
  psql.stdout?.resume();
  const restoreErr = collect(restore);
  const psqlErr = collect(psql);
  const restoreDone = exited(restore, 'pg_restore', restoreErr);
  const psqlDone = exited(psql, 'psql (restore)', psqlErr);
  restoreDone.catch(() => {});
  psqlDone.catch(() => {});
  const sqlIn = psql.stdin as Writable;
  const write = async (text: string | Buffer) => {
    if (!sqlIn.write(text)) await Promise.race([once(sqlIn, 'drain'), psqlDone]);
  };
  try {
    await write(
      `BEGIN;\nSET session_replication_role = replica;\nDO $$ BEGIN IF EXISTS (SELECT 1 FROM public.orgs) OR EXISTS (SELECT 1 FROM public.users) THEN RAISE EXCEPTION 'the target database is not empty'; END IF; END $$;\n${clear}`,
    );
    const feeding = (async () => {
      for await (const chunk of restore.stdout as Readable) await write(chunk as Buffer);
    })();
    const archive = restore.stdin as Writable;
    archive.on('error', () => {});
    for await (const chunk of dump) {
      if (!archive.write(chunk)) await Promise.race([once(archive, 'drain'), restoreDone]);
    }
    archive.end();
    await restoreDone;
    await feeding;
    if (keys) await write(orgKeysSql(keys));
    await write('COMMIT;\n');
    sqlIn.end();
    await psqlDone;
  } catch (error) {
    // psql ends without COMMIT: the server rolls the whole transaction back.
    restore.kill();
    psql.kill();
    throw error;
  }
}
