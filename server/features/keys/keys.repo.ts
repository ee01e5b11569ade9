import { and, asc, count, eq, gt, inArray, lt, ne, sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../db/client.js';
import { orgKeys } from '../../db/schema/index.js';
import type { KeyedTable } from '../../platform/keys/keyed-tables.js';

export type OrgKeyState = (typeof orgKeys.$inferSelect)['state'];

export interface OrgKeyRow {
  orgId: string;
  version: number;
  state: OrgKeyState;
  masterVersion: number;
}

const keyColumns = {
  orgId: orgKeys.orgId,
  version: orgKeys.version,
  state: orgKeys.state,
  masterVersion: orgKeys.masterVersion,
};

/** Every org's keys, without their wrapped bytes; needs the census claim (app.sweep = 'keys'). */
export function allOrgKeys(tx: Tx, only?: string): Promise<OrgKeyRow[]> {
  return tx
    .select(keyColumns)
    .from(orgKeys)
    .where(only ? eq(orgKeys.orgId, only) : undefined)
    .orderBy(asc(orgKeys.orgId), asc(orgKeys.version));
}

/** How many org keys each master key version wraps, across all orgs; needs the census claim. */
export function masterVersionsInUse(tx: Tx) {
  return tx
    .select({
      version: orgKeys.masterVersion,
      orgKeys: count(),
      orgs: sql<number>`count(distinct ${orgKeys.orgId})::int`,
    })
    .from(orgKeys)
    .groupBy(orgKeys.masterVersion)
    .orderBy(asc(orgKeys.masterVersion));
}

/** One org key wrapped under the master version, to try the configured key on; needs the census claim. */
export async function sampleKey(tx: Tx, masterVersion: number) {
  const [row] = await tx
    .select({ orgId: orgKeys.orgId, version: orgKeys.version, wrapped: orgKeys.wrapped })
    .from(orgKeys)
    .where(eq(orgKeys.masterVersion, masterVersion))
    .limit(1);
  return row ?? null;
}

/** The org's keys; locked, a rotation's steps and transactions sealing rows under the active key take turns. */
export async function orgKeysOf(tx: Tx, orgId: string, opts: { lock: boolean }): Promise<OrgKeyRow[]> {
  const query = tx.select(keyColumns).from(orgKeys).where(eq(orgKeys.orgId, orgId)).orderBy(asc(orgKeys.version));
  return opts.lock ? query.for('update') : query;
}

/** The org's keys wrapped under another master key version than `active`. */
export function keysUnderOtherMaster(tx: Tx, orgId: string, active: number) {
  return tx
    .select({ version: orgKeys.version, masterVersion: orgKeys.masterVersion })
    .from(orgKeys)
    .where(and(eq(orgKeys.orgId, orgId), ne(orgKeys.masterVersion, active)))
    .orderBy(asc(orgKeys.version));
}

export async function setState(tx: Tx, orgId: string, versions: number[], state: OrgKeyState): Promise<void> {
  if (versions.length === 0) return;
  await tx
    .update(orgKeys)
    .set({ state })
    .where(and(eq(orgKeys.orgId, orgId), inArray(orgKeys.version, versions)));
}

/** Destroys org key versions for good: whatever they wrapped, in any copy of the data, no longer opens. */
export async function deleteKeys(tx: Tx, orgId: string, versions: number[]): Promise<void> {
  if (versions.length === 0) return;
  await tx.delete(orgKeys).where(and(eq(orgKeys.orgId, orgId), inArray(orgKeys.version, versions)));
}

/** The table's rows per org key version in the org. */
export async function rowsPerVersion(tx: Tx, t: KeyedTable, orgId: string): Promise<Map<number, number>> {
  const rows = await tx
    .select({ version: t.columns.orgKeyVersion, n: count() })
    .from(t.table)
    .where(eq(t.columns.orgId, orgId))
    .groupBy(t.columns.orgKeyVersion);
  return new Map(rows.map((r) => [r.version as number, r.n]));
}

/** How many of the org's rows still have their data key under an org key version below `version`. */
export async function rowsBelow(tx: Tx, t: KeyedTable, orgId: string, version: number): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(t.table)
    .where(and(eq(t.columns.orgId, orgId), lt(t.columns.orgKeyVersion, version)));
  return row?.n ?? 0;
}

export interface KeyedRow {
  id: string;
  dataKey: Buffer;
  orgKeyVersion: number;
}

/**
 * The next rows (by id, after the cursor) whose data key is under an org key version below `version`,
 * locked against a concurrent change of the same row (a rename waits, or this waits for it).
 */
export async function rowsToRewrap(
  tx: Tx,
  t: KeyedTable,
  orgId: string,
  version: number,
  after: string | null,
  limit: number,
): Promise<KeyedRow[]> {
  const c = t.columns;
  const rows = await tx
    .select({ id: c.id, dataKey: c.dataKey, orgKeyVersion: c.orgKeyVersion })
    .from(t.table)
    .where(and(eq(c.orgId, orgId), lt(c.orgKeyVersion, version), after ? gt(c.id, after) : undefined))
    .orderBy(asc(c.id))
    .limit(limit)
    .for('no key update');
  return rows as KeyedRow[];
}

/** Stores rewrapped data keys, all now under org key `version`. */
export async function setDataKeys(
  tx: Tx,
  t: KeyedTable,
  orgId: string,
  version: number,
  rows: { id: string; dataKey: Buffer }[],
): Promise<void> {
  if (rows.length === 0) return;
  const c = t.columns;
  const values = sql.join(
    rows.map((r) => sql`(${r.id}::uuid, ${r.dataKey}::bytea)`),
    sql`, `,
  );
  await tx.execute(sql`
    update ${t.table} set ${sql.identifier(c.dataKey.name)} = v.data_key, ${sql.identifier(c.orgKeyVersion.name)} = ${version}
    from (values ${values}) as v(id, data_key)
    where ${c.orgId} = ${orgId} and ${c.id} = v.id`);
}

/** The virtual transaction ids of every other transaction open in this database now. */
export async function openTransactions(tx: Tx): Promise<string[]> {
  const result = await tx.execute(sql`
    select l.virtualxid from pg_locks l join pg_stat_activity a on a.pid = l.pid
    where l.locktype = 'virtualxid' and l.granted and l.mode = 'ExclusiveLock'
      and a.datname = current_database() and l.pid <> pg_backend_pid()`);
  return rowsOf<{ virtualxid: string }>(result).map((r) => r.virtualxid);
}

/** How many of those transactions are still open. */
export async function stillOpen(tx: Tx, vxids: string[]): Promise<number> {
  if (vxids.length === 0) return 0;
  const result = await tx.execute(sql`
    select count(*)::int as n from pg_locks
    where locktype = 'virtualxid' and granted and virtualxid in (${sql.join(
      vxids.map((v) => sql`${v}`),
      sql`, `,
    )})`);
  return rowsOf<{ n: number }>(result)[0]?.n ?? 0;
}
