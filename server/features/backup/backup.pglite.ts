import { createInterface } from 'node:readline';
import { pipeline, Readable, Writable } from 'node:stream';
import { pipeline as pipelineAsync } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { type Database, rowsOf, type Tx } from '../../db/client.js';
import { BackupError } from './backup.format.js';
import { assertTableName, type DumpInfo, IDENTIFIER, KEY_TABLE, type KeyRow, type TableName } from './backup.tables.js';

/**
 * PGlite: a logical export, one JSON line per row, gzip-compressed. Not `dumpDataDir`: a physical
 * copy of the data directory would carry the key store's rows (and its WAL their past), which a data
 * backup must never hold (docs/security.md). The export runs in one transaction, and PGlite's
 * transactions hold its only connection, so it is consistent; the app waits for it meanwhile.
 */
const BATCH = 500;

type Line =
  | { format: 'deedbox-logical'; version: 1; migrations: number }
  | { table: TableName; rows: number }
  | { sequence: string; last_value: string | null; is_called: boolean }
  | { end: true };

async function query<T>(tx: Tx, text: string): Promise<T[]> {
  return rowsOf<T>(await tx.execute(sql.raw(text)));
}

const quote = (table: TableName) =>
  assertTableName(table)
    .split('.')
    .map((part) => `"${part}"`)
    .join('.');

async function generatedColumns(tx: Tx, table: TableName): Promise<string[]> {
  const rows = await query<{ name: string }>(
    tx,
    `select attname as name from pg_attribute where attrelid = '${quote(table)}'::regclass and attnum > 0 and not attisdropped and attgenerated <> ''`,
  );
  return rows.map((r) => r.name);
}

async function* exportLines(tx: Tx, info: DumpInfo): AsyncGenerator<string> {
  const [level] = await query<{ n: number }>(tx, 'select count(*)::int as n from drizzle.__drizzle_migrations');
  info.migrations = level!.n;
  yield `${JSON.stringify({ format: 'deedbox-logical', version: 1, migrations: info.migrations } satisfies Line)}\n`;
  const tables = await query<{ schema: string; name: string }>(
    tx,
    `select n.nspname as schema, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and n.nspname in ('public', 'keystore') order by 1, 2`,
  );
  for (const { schema, name } of tables) {
    const table = `${schema}.${name}`;
    if (table === KEY_TABLE) continue;
    const [count] = await query<{ n: number }>(tx, `select count(*)::int as n from ${quote(table)}`);
    info.tables[table] = count!.n;
    yield `${JSON.stringify({ table, rows: count!.n } satisfies Line)}\n`;
    const generated = (await generatedColumns(tx, table)).map((c) => `'${c}'`).join(',');
    await query(
      tx,
      `declare backup_rows no scroll cursor for select (to_jsonb(t) - array[${generated}]::text[])::text as r from ${quote(table)} t`,
    );
    for (;;) {
      const rows = await query<{ r: string }>(tx, `fetch ${BATCH} from backup_rows`);
      if (rows.length > 0) yield `${rows.map((row) => row.r).join('\n')}\n`;
      if (rows.length < BATCH) break;
    }
    await query(tx, 'close backup_rows');
  }
  const sequences = await query<{ name: string; last_value: string | null }>(
    tx,
    `select schemaname || '.' || sequencename as name, last_value::text from pg_sequences where schemaname in ('public', 'keystore') order by 1`,
  );
  for (const s of sequences) {
    yield `${JSON.stringify({ sequence: s.name, last_value: s.last_value, is_called: s.last_value !== null } satisfies Line)}\n`;
  }
  const blobs = await query<{ name: string }>(tx, 'select blob_name as name from document_versions order by 1');
  info.blobNames = blobs.map((b) => b.name);
  yield `${JSON.stringify({ end: true } satisfies Line)}\n`;
}

export async function dumpPglite(database: Database, emit: (chunk: Buffer) => Promise<void>): Promise<DumpInfo> {
  const info: DumpInfo = { format: 'deedbox-logical-gzip', migrations: 0, tables: {}, blobNames: [] };
  await database.db.transaction(async (tx) => {
    await pipelineAsync(
      Readable.from(exportLines(tx, info)),
      createGzip(),
      new Writable({
        write(chunk: Buffer, _enc, done) {
          emit(chunk).then(() => done(), done);
        },
      }),
    );
  });
  return info;
}

/** The JSON lines of a logical dump, unzipped as they are read. */
async function* dumpLines(dump: AsyncIterable<Buffer>): AsyncGenerator<Line | Record<string, unknown>> {
  const gunzip = createGunzip();
  pipeline(Readable.from(dump), gunzip, () => {});
  for await (const line of createInterface({ input: gunzip, crlfDelay: Number.POSITIVE_INFINITY })) {
    if (line.length > 0) yield JSON.parse(line) as Line;
  }
}

/** Rows per table as the dump holds them (verify compares them with the manifest). */
export async function countLogical(
  dump: AsyncIterable<Buffer>,
): Promise<{ tables: Record<string, number>; ended: boolean }> {
  const tables: Record<string, number> = {};
  let current: string | null = null;
  let ended = false;
  for await (const line of dumpLines(dump)) {
    if ('table' in line && typeof line.table === 'string') {
      current = line.table;
      tables[current] = 0;
    } else if ('sequence' in line || 'format' in line) {
      current = null;
    } else if ('end' in line && line.end === true) {
      ended = true;
    } else if (current) tables[current]! += 1;
  }
  return { tables, ended };
}

async function insertRows(tx: Tx, table: TableName, columns: string[], rows: unknown[]): Promise<void> {
  if (rows.length === 0) return;
  const list = columns.map((c) => `"${c}"`).join(', ');
  await tx.execute(
    sql`insert into ${sql.raw(quote(table))} (${sql.raw(list)}) overriding system value select ${sql.raw(list)} from jsonb_populate_recordset(null::${sql.raw(quote(table))}, ${JSON.stringify(rows)}::jsonb)`,
  );
}

async function insertableColumns(tx: Tx, table: TableName): Promise<string[]> {
  const rows = rowsOf<{ name: string }>(
    await tx.execute(
      sql`select attname as name from pg_attribute where attrelid = to_regclass(${quote(table)}) and attnum > 0 and not attisdropped and attgenerated = '' order by attnum`,
    ),
  );
  if (rows.length === 0) throw new BackupError(`the backup names a table this build does not have: ${table}`);
  return rows.map((r) => r.name).filter((c) => IDENTIFIER.test(c));
}

/** Refuses a deployment that already holds an organization or a user. */
export async function assertEmpty(tx: Tx): Promise<void> {
  const [row] = rowsOf<{ used: boolean }>(
    await tx.execute(sql`select exists (select 1 from orgs) or exists (select 1 from users) as used`),
  );
  if (row?.used) throw new BackupError('the target deployment is not empty: restore only into a new, empty database');
}

/** Loads a logical dump (and the key rows) into the empty, migrated PGlite in one transaction. */
export async function restorePglite(
  database: Database,
  dump: AsyncIterable<Buffer>,
  keys: KeyRow[] | null,
): Promise<void> {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await assertEmpty(tx);
    let table: TableName | null = null;
    let columns: string[] = [];
    let batch: unknown[] = [];
    let ended = false;
    const flush = async () => {
      if (table) await insertRows(tx, table, columns, batch);
      batch = [];
    };
    for await (const line of dumpLines(dump)) {
      if ('table' in line && typeof line.table === 'string') {
        await flush();
        table = assertTableName(line.table);
        columns = await insertableColumns(tx, table);
        await tx.execute(sql.raw(`delete from ${quote(table)}`));
      } else if ('sequence' in line && typeof line.sequence === 'string') {
        await flush();
        table = null;
        const s = line as { sequence: string; last_value: string | null; is_called: boolean };
        if (s.last_value !== null) {
          await tx.execute(
            sql`select setval(to_regclass(${quote(s.sequence)}), ${s.last_value}::bigint, ${s.is_called})`,
          );
        }
      } else if ('end' in line) {
        await flush();
        ended = true;
      } else if (!('format' in line)) {
        batch.push(line);
        if (batch.length >= BATCH) await flush();
      }
    }
    if (!ended) throw new BackupError('the database dump in the backup is cut short');
    await tx.execute(sql`delete from keystore.org_keys`);
    if (keys && keys.length > 0) {
      await tx.execute(
        sql`insert into keystore.org_keys select * from jsonb_populate_recordset(null::keystore.org_keys, ${JSON.stringify(keys)}::jsonb)`,
      );
    }
  });
}
