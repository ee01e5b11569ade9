import { and, eq, isNull, sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../db/client.js';
import { businessUnits, contractColumns, contractNumberCounters, contracts } from '../../db/schema/index.js';

export type ContractRow = Omit<typeof contracts.$inferSelect, 'search'>;
export type ContractInsert = typeof contracts.$inferInsert;

const live = (orgId: string) => and(eq(contracts.orgId, orgId), isNull(contracts.deletedAt));

export async function find(tx: Tx, orgId: string, id: string): Promise<ContractRow | null> {
  const [row] = await tx
    .select(contractColumns)
    .from(contracts)
    .where(and(live(orgId), eq(contracts.id, id)));
  return row ?? null;
}

export async function insert(tx: Tx, row: ContractInsert): Promise<ContractRow> {
  const [created] = await tx.insert(contracts).values(row).returning(contractColumns);
  return created!;
}

export async function update(tx: Tx, orgId: string, id: string, patch: Partial<ContractInsert>): Promise<ContractRow> {
  const [row] = await tx
    .update(contracts)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(contracts.orgId, orgId), eq(contracts.id, id)))
    .returning(contractColumns);
  return row!;
}

/** Derived columns only (dates, billing values): recomputing is not an edit, so updated_at stays. */
export async function setDerived(tx: Tx, orgId: string, id: string, values: Partial<ContractInsert>): Promise<void> {
  await tx
    .update(contracts)
    .set(values)
    .where(and(eq(contracts.orgId, orgId), eq(contracts.id, id)));
}

export async function numberTaken(tx: Tx, orgId: string, contractNumber: string, exceptId?: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: contracts.id })
    .from(contracts)
    .where(and(live(orgId), sql`lower(${contracts.contractNumber}) = ${contractNumber.toLowerCase()}`));
  return row !== undefined && row.id !== exceptId;
}

/** The master chain above a contract, nearest first (bounded: cycles are refused on write). */
export async function ancestorIds(tx: Tx, orgId: string, id: string): Promise<string[]> {
  const result = await tx.execute(sql`
    with recursive up(id, master_id, depth) as (
      select id, master_id, 0 from contracts where org_id = ${orgId} and id = ${id}
      union all
      select c.id, c.master_id, up.depth + 1 from contracts c join up on c.id = up.master_id
      where c.org_id = ${orgId} and up.depth < 100
    )
    select id from up where depth > 0 order by depth`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}

export async function defaultUnitId(tx: Tx, orgId: string): Promise<string> {
  const [row] = await tx
    .select({ id: businessUnits.id })
    .from(businessUnits)
    .where(and(eq(businessUnits.orgId, orgId), eq(businessUnits.isDefault, true)));
  return row!.id;
}

export async function countInUnit(tx: Tx, orgId: string, unitId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(contracts)
    .where(and(eq(contracts.orgId, orgId), eq(contracts.businessUnitId, unitId)));
  return row?.n ?? 0;
}

/**
 * The next value of the org's counter for a period. The upsert takes the row lock, so concurrent
 * creations in other transactions wait here and each gets its own value.
 */
export async function nextCounter(tx: Tx, orgId: string, period: string): Promise<number> {
  const [row] = await tx
    .insert(contractNumberCounters)
    .values({ orgId, period, value: 1 })
    .onConflictDoUpdate({
      target: [contractNumberCounters.orgId, contractNumberCounters.period],
      set: { value: sql`${contractNumberCounters.value} + 1` },
    })
    .returning({ value: contractNumberCounters.value });
  return row!.value;
}

export interface TreeRow {
  id: string;
  title: string;
  contractNumber: string | null;
  status: ContractRow['status'];
  businessUnitId: string;
  masterId: string | null;
  depth: number;
}

/** The live contract at the top of `id`'s master chain (deleted masters end the chain). */
export async function rootOf(tx: Tx, orgId: string, id: string): Promise<string> {
  const result = await tx.execute(sql`
    with recursive up(id, master_id, depth) as (
      select id, master_id, 0 from contracts where org_id = ${orgId} and id = ${id}
      union all
      select c.id, c.master_id, up.depth + 1 from contracts c join up on c.id = up.master_id
      where c.org_id = ${orgId} and c.deleted_at is null and up.depth < 100
    )
    select id from up order by depth desc limit 1`);
  return rowsOf<{ id: string }>(result)[0]?.id ?? id;
}

/** The root and all its live descendants, parents before children (bounded depth: cycles are refused on write). */
export async function subtree(tx: Tx, orgId: string, rootId: string): Promise<TreeRow[]> {
  const result = await tx.execute(sql`
    with recursive down(id, depth, path) as (
      select id, 0, array[id] from contracts where org_id = ${orgId} and id = ${rootId} and deleted_at is null
      union all
      select c.id, down.depth + 1, down.path || c.id from contracts c join down on c.master_id = down.id
      where c.org_id = ${orgId} and c.deleted_at is null and down.depth < 100 and not c.id = any(down.path)
    )
    select c.id, c.title, c.contract_number as "contractNumber", c.status, c.business_unit_id as "businessUnitId",
           c.master_id as "masterId", down.depth
    from down join contracts c on c.org_id = ${orgId} and c.id = down.id
    order by down.path`);
  return rowsOf<TreeRow>(result);
}
