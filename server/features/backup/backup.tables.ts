import { z } from 'zod';

/** `schema.table`, as the manifest names tables. */
export type TableName = string;

/** The key store: never in a data backup (crypto-shredding, docs/security.md); it has snapshots of its own. */
export const KEY_TABLE = 'keystore.org_keys';

/** What a database dump tells the manifest. */
export interface DumpInfo {
  format: 'pg_dump-custom' | 'deedbox-logical-gzip';
  /** Migrations applied to the database dumped; a restore needs a build with exactly these. */
  migrations: number;
  /** Rows per table in the dump. */
  tables: Record<TableName, number>;
  /** The blob of every document version in the dump. */
  blobNames: string[];
}

/** One key-store row as a snapshot holds it (the org key stays wrapped under its master key version). */
export const keyRow = z.object({
  org_id: z.uuid(),
  version: z.number().int().min(1),
  wrapped: z.string().regex(/^\\x[0-9a-f]+$/),
  master_version: z.number().int().min(1),
  state: z.string().regex(/^[a-z_]{1,20}$/),
  created_at: z.string().regex(/^[0-9T:.+\- ]{10,40}$/),
});
export type KeyRow = z.infer<typeof keyRow>;

/** The key rows as SQL for the restore transaction; every value was checked by `keyRow`, so the literals are safe. */
export function orgKeysSql(rows: KeyRow[]): string {
  const values = rows.map(
    (r) =>
      `('${r.org_id}', ${r.version}, '${r.wrapped}'::bytea, ${r.master_version}, '${r.state}', '${r.created_at}'::timestamptz)`,
  );
  const insert =
    values.length === 0
      ? ''
      : `INSERT INTO keystore.org_keys (org_id, version, wrapped, master_version, state, created_at) VALUES\n${values.join(',\n')};\n`;
  return `DELETE FROM keystore.org_keys;\n${insert}`;
}

export const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertTableName(table: string): TableName {
  const [schema, name, extra] = table.split('.');
  if (extra !== undefined || !schema || !name || !IDENTIFIER.test(schema) || !IDENTIFIER.test(name)) {
    throw new Error(`not a table name: ${JSON.stringify(table)}`);
  }
  return table;
}
