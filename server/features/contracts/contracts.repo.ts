import { and, asc, desc, eq, gt, gte, ilike, inArray, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { businessUnits, contracts } from '../../db/schema/index.js';

export type ContractRow = typeof contracts.$inferSelect;
export type ContractInsert = typeof contracts.$inferInsert;

const live = (orgId: string) => and(eq(contracts.orgId, orgId), isNull(contracts.deletedAt));

export async function find(tx: Tx, orgId: string, id: string): Promise<ContractRow | null> {
  const [row] = await tx
    .select()
    .from(contracts)
    .where(and(live(orgId), eq(contracts.id, id)));
  return row ?? null;
}

export async function insert(tx: Tx, row: ContractInsert): Promise<ContractRow> {
  const [created] = await tx.insert(contracts).values(row).returning();
  return created!;
}

export async function update(tx: Tx, orgId: string, id: string, patch: Partial<ContractInsert>): Promise<ContractRow> {
  const [row] = await tx
    .update(contracts)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(contracts.orgId, orgId), eq(contracts.id, id)))
    .returning();
  return row!;
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
  return (result as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
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

export interface ListFilter {
  units: string[] | 'all';
  q?: string;
  status?: ContractRow['status'];
  businessUnitId?: string;
  ownerId?: string;
  partnerId?: string;
  noticeDeadlineFrom?: string;
  noticeDeadlineTo?: string;
  endsFrom?: string;
  endsTo?: string;
}

export type Sort = 'noticeDeadline' | 'endsOn' | '-updatedAt';
export type Cursor = [string, string];

const FAR_FUTURE = '9999-12-31';

/** Sort key per order; dates without a value sort last. */
function sortKey(sort: Sort): SQL {
  switch (sort) {
    case 'noticeDeadline':
      return sql`coalesce(${contracts.noticeDeadline}, ${FAR_FUTURE}::date)`;
    case 'endsOn':
      return sql`coalesce(${contracts.endsOn}, ${FAR_FUTURE}::date)`;
    case '-updatedAt':
      return sql`${contracts.updatedAt}`;
  }
}

function conditions(orgId: string, f: ListFilter): (SQL | undefined)[] {
  const escaped = f.q?.replace(/[\\%_]/g, (c) => `\\${c}`);
  return [
    live(orgId),
    f.units === 'all' ? undefined : f.units.length ? inArray(contracts.businessUnitId, f.units) : sql`false`,
    escaped ? or(ilike(contracts.title, `%${escaped}%`), ilike(contracts.contractNumber, `%${escaped}%`)) : undefined,
    f.status ? eq(contracts.status, f.status) : undefined,
    f.businessUnitId ? eq(contracts.businessUnitId, f.businessUnitId) : undefined,
    f.ownerId ? eq(contracts.ownerId, f.ownerId) : undefined,
    f.partnerId ? eq(contracts.partnerId, f.partnerId) : undefined,
    f.noticeDeadlineFrom ? gte(contracts.noticeDeadline, f.noticeDeadlineFrom) : undefined,
    f.noticeDeadlineTo ? lte(contracts.noticeDeadline, f.noticeDeadlineTo) : undefined,
    f.endsFrom ? gte(contracts.endsOn, f.endsFrom) : undefined,
    f.endsTo ? lte(contracts.endsOn, f.endsTo) : undefined,
  ];
}

/** Keyset pagination: `after` is the (sort key, id) of the last row seen. */
export async function list(tx: Tx, orgId: string, f: ListFilter, sort: Sort, limit: number, after?: Cursor) {
  const key = sortKey(sort);
  const descending = sort.startsWith('-');
  const past = (a: SQL, b: unknown) => (descending ? lt(a, b) : gt(a, b));
  const afterCond = after
    ? or(past(key, sql`${after[0]}`), and(eq(key, sql`${after[0]}`), past(sql`${contracts.id}`, after[1])))
    : undefined;
  const rows = await tx
    .select({ contract: contracts, key: sql<string>`${key}::text` })
    .from(contracts)
    .where(and(...conditions(orgId, f), afterCond))
    .orderBy(descending ? desc(key) : asc(key), descending ? desc(contracts.id) : asc(contracts.id))
    .limit(limit);
  return rows;
}
