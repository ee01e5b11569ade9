import { createHash } from 'node:crypto';
import pg from 'pg';
import { TEST_DATABASE_URL } from '../test/harness.js';

/** Written on every request or by the attack itself, not by what an organization owns. */
const SKIP_TABLES = new Set(['sessions', 'audit_events', 'audit_heads', 'audit_personal']);
const SKIP_COLUMNS = new Set(['last_used_at', 'last_seen_at']);

/**
 * A digest per table of one organization's rows, read as the database owner (row-level security does
 * not hide anything from it): equal digests before and after an attack mean nothing changed.
 */
export async function orgSnapshot(orgId: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>(
      `select table_name from information_schema.columns
        where table_schema = 'public' and column_name = 'org_id' order by table_name`,
    );
    const digest: Record<string, string> = {};
    for (const { table_name: table } of tables.rows) {
      if (SKIP_TABLES.has(table)) continue;
      const rows = await client.query(`select * from "${table}" where org_id = $1`, [orgId]);
      digest[table] = hashRows(rows.rows);
    }
    digest.orgs = hashRows((await client.query('select * from orgs where id = $1', [orgId])).rows);
    return digest;
  } finally {
    await client.end();
  }
}

function hashRows(rows: Record<string, unknown>[]): string {
  const lines = rows
    .map((row) => JSON.stringify(Object.entries(row).filter(([column]) => !SKIP_COLUMNS.has(column))))
    .sort();
  return `${rows.length}:${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16)}`;
}
