import { and, asc, desc, eq, gt, ilike, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { PARTNER_SORTS } from '../../../common/schemas/partners.js';
import type { CustomFieldType } from '../../../common/schemas/vocabulary.js';
import type { Tx } from '../../db/client.js';
import { contracts, partnerColumns, partners } from '../../db/schema/index.js';
import { customValueOf } from '../custom-fields/custom-sql.js';
import type { CustomEquals } from './partners.custom.js';

export type PartnerRow = Omit<typeof partners.$inferSelect, 'search'>;
export type PartnerWithCount = PartnerRow & { contractCount: number };
/** Business units whose contracts the caller may see: 'all' for administrators. */
export type Units = string[] | 'all';

const live = (orgId: string) => and(eq(partners.orgId, orgId), isNull(partners.deletedAt));
const byName = sql`lower(${partners.name})`;

/** Live contracts of the partner row in the caller's units; outer columns spelled out for the subquery. */
function contractCount(units: Units): SQL<number> {
  const inUnits =
    units === 'all'
      ? sql``
      : units.length === 0
        ? sql`and false`
        : sql`and c.business_unit_id in (${sql.join(
            units.map((u) => sql`${u}::uuid`),
            sql`, `,
          )})`;
  return sql<number>`(select count(*)::int from contracts c where c.org_id = "partners"."org_id"
    and c.partner_id = "partners"."id" and c.deleted_at is null ${inUnits})`;
}

export async function find(tx: Tx, orgId: string, id: string): Promise<PartnerRow | null> {
  const [row] = await tx
    .select(partnerColumns)
    .from(partners)
    .where(and(live(orgId), eq(partners.id, id)));
  return row ?? null;
}

/** Every live partner's id and name, for finding them named in a text. */
export function listNames(tx: Tx, orgId: string): Promise<{ id: string; name: string }[]> {
  return tx.select({ id: partners.id, name: partners.name }).from(partners).where(live(orgId));
}

/** Live partners among `ids`, in no particular order. */
export function findMany(tx: Tx, orgId: string, ids: string[]): Promise<PartnerRow[]> {
  return tx
    .select(partnerColumns)
    .from(partners)
    .where(and(live(orgId), inArray(partners.id, ids)));
}

export async function insert(tx: Tx, row: typeof partners.$inferInsert): Promise<PartnerRow> {
  const [created] = await tx.insert(partners).values(row).returning(partnerColumns);
  return created!;
}

export async function update(tx: Tx, orgId: string, id: string, patch: Partial<typeof partners.$inferInsert>) {
  const [row] = await tx
    .update(partners)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(partners.orgId, orgId), eq(partners.id, id)))
    .returning(partnerColumns);
  return row!;
}

export async function softDeleteMany(tx: Tx, orgId: string, ids: string[]): Promise<void> {
  const now = new Date();
  await tx
    .update(partners)
    .set({ deletedAt: now, updatedAt: now })
    .where(and(eq(partners.orgId, orgId), inArray(partners.id, ids)));
}

export async function countContracts(tx: Tx, orgId: string, partnerId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(contracts)
    .where(and(eq(contracts.orgId, orgId), eq(contracts.partnerId, partnerId), isNull(contracts.deletedAt)));
  return row?.n ?? 0;
}

export async function countVisibleContracts(tx: Tx, orgId: string, partnerId: string, units: Units) {
  const [row] = await tx
    .select({ n: contractCount(units) })
    .from(partners)
    .where(and(eq(partners.orgId, orgId), eq(partners.id, partnerId)));
  return row?.n ?? 0;
}

/** Business units holding contracts of `partnerIds`, recycle bin included. */
export async function contractUnits(tx: Tx, orgId: string, partnerIds: string[]): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ unitId: contracts.businessUnitId })
    .from(contracts)
    .where(and(eq(contracts.orgId, orgId), inArray(contracts.partnerId, partnerIds)));
  return rows.map((r) => r.unitId);
}

/** Every contract of `fromIds`, recycle bin included, now names `toId`; returns the moved ids. */
export async function moveContracts(tx: Tx, orgId: string, fromIds: string[], toId: string): Promise<string[]> {
  const rows = await tx
    .update(contracts)
    .set({ partnerId: toId })
    .where(and(eq(contracts.orgId, orgId), inArray(contracts.partnerId, fromIds)))
    .returning({ id: contracts.id });
  return rows.map((r) => r.id);
}

export interface PartnerFilter {
  q?: string | undefined;
  type?: PartnerRow['type'] | undefined;
  custom?: CustomEquals[];
  /** Units whose contracts `contractCount` counts; all when absent (partners themselves are org-wide). */
  units?: Units;
}

function customCondition(f: CustomEquals): SQL | undefined {
  // Containment is what the GIN index on `custom` serves.
  const contains = (v: unknown) =>
    sql`${partners.custom} @> ${JSON.stringify({ [f.key]: f.type === 'multi_select' ? [v] : v })}::jsonb`;
  return or(...f.values.map(contains));
}

export type PartnerSortField =
  | { field: (typeof PARTNER_SORTS)[number] }
  | { field: 'custom'; key: string; type: CustomFieldType };
export type PartnerSortSpec = PartnerSortField & { descending: boolean };

const text = (expr: SQL) => sql`nullif(lower(${expr}), '')`;

function sortExpression(sort: PartnerSortField, units: Units): SQL {
  switch (sort.field) {
    case 'name':
      return byName;
    case 'type':
      return sql`${partners.type}`;
    case 'registrationNumber':
      return text(sql`${partners.registrationNumber}`);
    case 'vatId':
      return text(sql`${partners.vatId}`);
    case 'address.street':
      return text(sql`${partners.address} ->> 'street'`);
    case 'address.postalCode':
      return text(sql`${partners.address} ->> 'postalCode'`);
    case 'address.city':
      return text(sql`${partners.address} ->> 'city'`);
    case 'address.country':
      return text(sql`${partners.address} ->> 'country'`);
    case 'contacts':
      return text(sql`${partners.contacts} -> 0 ->> 'name'`);
    case 'contractCount':
      return contractCount(units);
    case 'createdAt':
      return sql`${partners.createdAt}`;
    case 'updatedAt':
      return sql`${partners.updatedAt}`;
    case 'custom':
      return customValueOf(sql`${partners.custom}`, sort.key, sort.type);
  }
}

const NOT_NULL = new Set<PartnerSortField['field']>(['name', 'type', 'contractCount', 'createdAt', 'updatedAt']);

function filterConditions(orgId: string, f: PartnerFilter): (SQL | undefined)[] {
  const escaped = f.q?.replace(/[\\%_]/g, (c) => `\\${c}`);
  return [
    live(orgId),
    escaped
      ? or(
          ilike(partners.name, `%${escaped}%`),
          ilike(partners.vatId, `%${escaped}%`),
          ilike(partners.registrationNumber, `%${escaped}%`),
        )
      : undefined,
    f.type ? eq(partners.type, f.type) : undefined,
    ...(f.custom ?? []).map(customCondition),
  ];
}

/** Keyset pages in (sort value, id) order, rows without a value last; `after` is the last (value as text, id) seen. */
export function list(
  tx: Tx,
  orgId: string,
  f: PartnerFilter,
  sort: PartnerSortSpec,
  limit: number,
  after?: [string | null, string],
) {
  const key = sortExpression(sort, f.units ?? 'all');
  const past = (a: SQL, b: unknown) => (sort.descending ? lt(a, b) : gt(a, b));
  const id = sql`${partners.id}`;
  const afterCondition = !after
    ? undefined
    : after[0] === null
      ? and(sql`${key} is null`, past(id, after[1]))
      : or(past(key, after[0]), and(eq(key, sql`${after[0]}`), past(id, after[1])), sql`${key} is null`);
  const nullsLast = !NOT_NULL.has(sort.field);
  return tx
    .select({
      ...partnerColumns,
      contractCount: contractCount(f.units ?? 'all'),
      key: sql<string | null>`(${key})::text`,
    })
    .from(partners)
    .where(and(...filterConditions(orgId, f), afterCondition))
    .orderBy(
      sort.descending ? (nullsLast ? sql`${key} desc nulls last` : desc(key)) : asc(key),
      sort.descending ? desc(partners.id) : asc(partners.id),
    )
    .limit(limit);
}

/** How many partners match, counted up to `cap`. */
export async function count(tx: Tx, orgId: string, f: PartnerFilter, cap: number): Promise<number> {
  const capped = tx
    .select({ one: sql`1` })
    .from(partners)
    .where(and(...filterConditions(orgId, f)))
    .limit(cap)
    .as('capped');
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(capped);
  return row?.n ?? 0;
}
