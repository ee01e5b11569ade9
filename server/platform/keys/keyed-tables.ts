import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';

interface KeyedColumns {
  orgId: AnyPgColumn;
  id: AnyPgColumn;
  dataKey: AnyPgColumn;
  orgKeyVersion: AnyPgColumn;
}

/** A table whose rows each hold a data key wrapped under an org key version: an org key rotation rewraps them. */
export interface KeyedTable {
  /** The SQL name, for progress and status output. */
  name: string;
  table: PgTable;
  columns: KeyedColumns;
  /** The context a row's data key is wrapped with. */
  context: (orgId: string, id: string) => string;
}

export function keyedTable(
  name: string,
  table: PgTable & KeyedColumns,
  context: (orgId: string, id: string) => string,
): KeyedTable {
  const { orgId, id, dataKey, orgKeyVersion } = table;
  return { name, table, columns: { orgId, id, dataKey, orgKeyVersion }, context };
}
