import { and, asc, eq, gte, inArray, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { EventType } from '../../../common/schemas/reminders.js';
import type { Tx } from '../../db/client.js';
import { contracts, events, partners } from '../../db/schema/index.js';

export type EventInsert = typeof events.$inferInsert;

/** An event with what the calendar shows of its contract. */
const columns = {
  event: events,
  contractTitle: contracts.title,
  contractNumber: contracts.contractNumber,
  contractCategoryId: contracts.categoryId,
  orgUnitId: contracts.orgUnitId,
  ownerId: contracts.ownerId,
  businessUnitId: contracts.businessUnitId,
  partnerName: partners.name,
  // Outer columns spelled out: drizzle renders ${column} unqualified, which would bind to r.
  // An expiry notification without days is switched off and not counted (as the reminder lists do).
  reminderCount: sql<number>`(select count(*)::int from reminders r where r.org_id = events.org_id and r.event_id = events.id
    and (r.kind <> 'expiry' or cardinality(r.lead_times) > 0))`,
};

export type EventRow = typeof events.$inferSelect & {
  contractTitle: string;
  contractNumber: string | null;
  contractCategoryId: string | null;
  orgUnitId: string | null;
  ownerId: string | null;
  businessUnitId: string;
  partnerName: string | null;
  reminderCount: number;
};

type Selected = { event: typeof events.$inferSelect } & Omit<EventRow, keyof typeof events.$inferSelect>;
const flatten = ({ event, ...rest }: Selected): EventRow => ({ ...event, ...rest });

/** Events of live (not deleted) contracts, with their contract and partner. */
function selectEvents(tx: Tx) {
  return tx
    .select(columns)
    .from(events)
    .innerJoin(contracts, and(eq(contracts.orgId, events.orgId), eq(contracts.id, events.contractId)))
    .leftJoin(partners, and(eq(partners.orgId, contracts.orgId), eq(partners.id, contracts.partnerId)));
}

export async function find(tx: Tx, orgId: string, id: string): Promise<EventRow | null> {
  const [row] = await selectEvents(tx).where(
    and(eq(events.orgId, orgId), eq(events.id, id), isNull(contracts.deletedAt)),
  );
  return row ? flatten(row) : null;
}

/** Every event of a contract, undated system events last; a contract has a handful. */
export async function listOfContract(tx: Tx, orgId: string, contractId: string): Promise<EventRow[]> {
  const rows = await selectEvents(tx)
    .where(and(eq(events.orgId, orgId), eq(events.contractId, contractId)))
    .orderBy(sql`${events.date} asc nulls last`, asc(events.type), asc(events.createdAt), asc(events.id));
  return rows.map(flatten);
}

export interface RangeFilter {
  from: string;
  to: string;
  /** Business units whose contracts the caller may see. */
  units: string[] | 'all';
  types?: EventType[] | undefined;
  categoryId?: string | undefined;
  orgUnitId?: string | undefined;
  ownerId?: string | undefined;
  contractId?: string | undefined;
}

function rangeConditions(orgId: string, f: RangeFilter): (SQL | undefined)[] {
  return [
    eq(events.orgId, orgId),
    gte(events.date, f.from),
    lte(events.date, f.to),
    isNull(contracts.deletedAt),
    f.units === 'all' ? undefined : f.units.length ? inArray(contracts.businessUnitId, f.units) : sql`false`,
    f.types?.length ? inArray(events.type, f.types) : undefined,
    f.categoryId ? sql`coalesce(${events.categoryId}, ${contracts.categoryId}) = ${f.categoryId}` : undefined,
    f.orgUnitId ? eq(contracts.orgUnitId, f.orgUnitId) : undefined,
    f.ownerId ? eq(contracts.ownerId, f.ownerId) : undefined,
    f.contractId ? eq(events.contractId, f.contractId) : undefined,
  ];
}

/** Dated events in [from, to]: a range scan of events_date_idx joined to their contracts. */
export async function listInRange(tx: Tx, orgId: string, f: RangeFilter, limit: number): Promise<EventRow[]> {
  const rows = await selectEvents(tx)
    .where(and(...rangeConditions(orgId, f)))
    .orderBy(asc(events.date), asc(contracts.title), asc(events.id))
    .limit(limit);
  return rows.map(flatten);
}

export async function insert(tx: Tx, row: EventInsert): Promise<void> {
  await tx.insert(events).values(row);
}

export async function update(tx: Tx, orgId: string, id: string, patch: Partial<EventInsert>): Promise<void> {
  await tx
    .update(events)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(events.orgId, orgId), eq(events.id, id)));
}

/** Its reminders go with it (foreign key on delete cascade). */
export async function remove(tx: Tx, orgId: string, id: string): Promise<void> {
  await tx.delete(events).where(and(eq(events.orgId, orgId), eq(events.id, id)));
}

/** A contract's system events by type (made by the contracts trigger). */
export async function systemEventsOf(tx: Tx, orgId: string, contractId: string) {
  return tx
    .select({ id: events.id, type: events.type, date: events.date })
    .from(events)
    .where(and(eq(events.orgId, orgId), eq(events.contractId, contractId), sql`${events.type} <> 'custom'`));
}
