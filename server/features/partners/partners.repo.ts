import { and, asc, desc, eq, gt, ilike, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { contracts, partnerColumns, partners } from '../../db/schema/index.js';
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

/** By name (descending when asked), then id; `after` is the last (lower-cased name, id) seen. */
export function list(
  tx: Tx,
  orgId: string,
  f: PartnerFilter,
  limit: number,
  after?: [string, string],
  descending = false,
) {
  const past = descending ? lt : gt;
  const escaped = f.q?.replace(/[\\%_]/g, (c) => `\\${c}`);
  return tx
    .select({ ...partnerColumns, contractCount: contractCount(f.units ?? 'all') })
    .from(partners)
    .where(
      and(
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
        after ? or(past(byName, after[0]), and(eq(byName, after[0]), past(partners.id, after[1]))) : undefined,
      ),
    )
    .orderBy(descending ? desc(byName) : asc(byName), descending ? desc(partners.id) : asc(partners.id))
    .limit(limit);
}
