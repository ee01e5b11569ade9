import { and, desc, eq, inArray, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { DeadlineType } from '../../../common/schemas/dashboard.js';
import { rowsOf, type Tx } from '../../db/client.js';
import { categories, contracts, deliveries, events, reminders } from '../../db/schema/index.js';
import { reachesUser } from '../reminders/reminders.repo.js';

/** Whose dashboard: the units they read ('all' for administrators) and, for people, who they are. */
export interface Viewer {
  orgId: string;
  units: string[] | 'all';
  /** The signed-in user; null for API keys, whom no reminder or mail addresses. */
  userId: string | null;
  isAdmin: boolean;
}

/** Live contracts the viewer may see, as on the contracts list. */
function visible(v: Viewer): SQL {
  return and(
    eq(contracts.orgId, v.orgId),
    isNull(contracts.deletedAt),
    v.units === 'all' ? undefined : v.units.length ? inArray(contracts.businessUnitId, v.units) : sql`false`,
  )!;
}

/** Contracts whose dates still matter: not archived, not ended. */
const running = () => and(ne(contracts.status, 'archived'), ne(contracts.phase, 'ended'))!;

export interface DeadlineRow {
  contractId: string;
  title: string;
  contractNumber: string | null;
  partnerName: string | null;
  type: DeadlineType;
  date: string;
  daysLeft: number;
}

/** Notice deadlines and ends in [from, to], each an index range scan on its stored column. */
/** Deadlines from `from` up to `to` (no bound when null), nearest first; `daysLeft` counts from `today`. */
export async function deadlines(
  tx: Tx,
  v: Viewer,
  today: string,
  from: string,
  to: string | null,
  limit: number,
): Promise<DeadlineRow[]> {
  const part = (type: DeadlineType, column: SQL) => sql`
    select contracts.id as "contractId", contracts.title, contracts.contract_number as "contractNumber",
           partners.name as "partnerName", ${type}::text as type, ${column}::text as date,
           (${column} - ${today}::date)::int as "daysLeft"
    from contracts
    left join partners on partners.org_id = contracts.org_id and partners.id = contracts.partner_id
    where ${visible(v)} and ${running()} and ${column} >= ${from}::date
      ${to === null ? sql`` : sql`and ${column} <= ${to}::date`}`;
  const result = await tx.execute(sql`
    select * from (${part('notice_deadline', sql`contracts.notice_deadline`)}
      union all ${part('end', sql`contracts.ends_on`)}) d
    order by d.date, d.type desc, d.title, d."contractId"
    limit ${limit}`);
  return rowsOf<DeadlineRow>(result);
}

/** How many notice deadlines and ends fall within 30, 60 and 90 days of `today`, and how many later. */
export async function deadlineCounts(tx: Tx, v: Viewer, today: string) {
  const within = (column: SQL, days: number) =>
    sql<number>`(count(*) filter (where ${column} between ${today}::date and ${today}::date + ${days}::int))::int`;
  const notice = sql`${contracts.noticeDeadline}`;
  const end = sql`${contracts.endsOn}`;
  const [row] = await tx
    .select({
      n30: within(notice, 30),
      n60: within(notice, 60),
      n90: within(notice, 90),
      e30: within(end, 30),
      e60: within(end, 60),
      e90: within(end, 90),
      nLater: sql<number>`(count(*) filter (where ${notice} > ${today}::date + 90))::int`,
      eLater: sql<number>`(count(*) filter (where ${end} > ${today}::date + 90))::int`,
    })
    .from(contracts)
    .where(and(visible(v), running(), or(sql`${notice} >= ${today}::date`, sql`${end} >= ${today}::date`)));
  return row!;
}

/** Reminders of live, running contracts whose event is today or later and that nobody dismissed for it. */
function openReminder(v: Viewer, today: string): SQL {
  return and(
    visible(v),
    running(),
    sql`${events.date} >= ${today}::date`,
    sql`${reminders.dismissedFor} is distinct from ${events.date}`,
  )!;
}

/**
 * Reminders whose first mail for the event's current date went out more than `graceDays` ago
 * and that are still neither acknowledged nor dismissed (administrators: all they see).
 */
export async function overdueCount(tx: Tx, v: Viewer, today: string, graceDays: number): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(reminders)
    .innerJoin(events, and(eq(events.orgId, reminders.orgId), eq(events.id, reminders.eventId)))
    .innerJoin(contracts, and(eq(contracts.orgId, reminders.orgId), eq(contracts.id, reminders.contractId)))
    .where(
      and(
        eq(reminders.orgId, v.orgId),
        openReminder(v, today),
        sql`${reminders.acknowledgedFor} is distinct from ${events.date}`,
        v.isAdmin ? undefined : v.userId ? reachesUser(v.orgId, v.userId, false) : sql`false`,
        sql`exists (select 1 from reminder_occurrences o where o.org_id = ${reminders.orgId}
          and o.reminder_id = ${reminders.id} and o.event_date = ${events.date}
          and o.due_on < ${today}::date - ${graceDays}::int)`,
      ),
    );
  return row?.n ?? 0;
}

export function countByStatus(tx: Tx, v: Viewer) {
  return tx
    .select({ status: contracts.status, count: sql<number>`count(*)::int` })
    .from(contracts)
    .where(visible(v))
    .groupBy(contracts.status);
}

/** Contract counts per category (null: uncategorized), largest first. */
export function countByCategory(tx: Tx, v: Viewer) {
  return tx
    .select({ categoryId: contracts.categoryId, name: categories.name, count: sql<number>`count(*)::int` })
    .from(contracts)
    .leftJoin(categories, and(eq(categories.orgId, contracts.orgId), eq(categories.id, contracts.categoryId)))
    .where(visible(v))
    .groupBy(contracts.categoryId, categories.name)
    .orderBy(desc(sql`count(*)`), sql`${categories.name} nulls last`);
}

export function recentlyChanged(tx: Tx, v: Viewer, limit: number) {
  return tx
    .select({
      id: contracts.id,
      title: contracts.title,
      contractNumber: contracts.contractNumber,
      status: contracts.status,
      updatedAt: contracts.updatedAt,
    })
    .from(contracts)
    .where(visible(v))
    .orderBy(desc(contracts.updatedAt), desc(contracts.id))
    .limit(limit);
}

/** Failed and bounced mails, newest first: all of the org's for administrators, else the viewer's own. */
function failedCondition(v: Viewer): SQL {
  return and(
    eq(deliveries.orgId, v.orgId),
    inArray(deliveries.status, ['failed', 'bounced']),
    v.isAdmin ? undefined : v.userId ? eq(deliveries.recipientUserId, v.userId) : sql`false`,
  )!;
}

export function failedDeliveries(tx: Tx, v: Viewer, limit: number) {
  return tx
    .select({
      id: deliveries.id,
      kind: deliveries.kind,
      status: deliveries.status,
      recipientEmail: deliveries.recipientEmail,
      lastError: deliveries.lastError,
      updatedAt: deliveries.updatedAt,
      contractId: contracts.id,
      contractTitle: contracts.title,
    })
    .from(deliveries)
    .leftJoin(contracts, and(eq(contracts.id, deliveries.contractId), visible(v)))
    .where(failedCondition(v))
    .orderBy(desc(deliveries.updatedAt), desc(deliveries.id))
    .limit(limit);
}

export async function failedDeliveryCount(tx: Tx, v: Viewer): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(deliveries).where(failedCondition(v));
  return row?.n ?? 0;
}
