import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { REMINDER_STATES } from '../../../common/schemas/reminders.js';
import type { Tx } from '../../db/client.js';
import {
  contracts,
  deliveries,
  events,
  memberships,
  orgs,
  reminderOccurrences,
  reminders,
} from '../../db/schema/index.js';
import { memberName } from '../users/users.repo.js';

export type ReminderInsert = typeof reminders.$inferInsert;
export type ReminderState = (typeof REMINDER_STATES)[number];
export type OrgRow = typeof orgs.$inferSelect;

/** An integer array as one bound parameter (drizzle would spread a JS array into a list). */
export const intArray = (values: readonly number[]) => sql`${`{${values.join(',')}}`}::int[]`;

/** The reminder's state for its event's current date, as the API reports it (see common brief). */
const stateOf = (today: string) => sql<ReminderState>`case
  when ${events.date} is null or ${events.date} < ${today}::date or ${contracts.status} = 'archived'
    or ${contracts.phase} = 'ended' or ${contracts.deletedAt} is not null then 'inactive'
  when ${reminders.dismissedFor} = ${events.date} then 'dismissed'
  when ${reminders.acknowledgedFor} = ${events.date} then 'acknowledged'
  else 'active' end`;

const columns = (today: string) => ({
  reminder: reminders,
  eventType: events.type,
  eventDate: events.date,
  eventTitle: events.title,
  contractTitle: contracts.title,
  contractNumber: contracts.contractNumber,
  businessUnitId: contracts.businessUnitId,
  contractOwnerId: contracts.ownerId,
  contractBackupOwnerId: contracts.backupOwnerId,
  contractDeletedAt: contracts.deletedAt,
  state: stateOf(today),
});

export type ReminderRow = typeof reminders.$inferSelect & {
  eventType: (typeof events.$inferSelect)['type'];
  eventDate: string | null;
  eventTitle: string | null;
  contractTitle: string;
  contractNumber: string | null;
  businessUnitId: string;
  contractOwnerId: string | null;
  contractBackupOwnerId: string | null;
  contractDeletedAt: Date | null;
  state: ReminderState;
};

type Selected = { reminder: typeof reminders.$inferSelect } & Omit<ReminderRow, keyof typeof reminders.$inferSelect>;
const flatten = ({ reminder, ...rest }: Selected): ReminderRow => ({ ...reminder, ...rest });

function selectReminders(tx: Tx, today: string) {
  return tx
    .select(columns(today))
    .from(reminders)
    .innerJoin(events, and(eq(events.orgId, reminders.orgId), eq(events.id, reminders.eventId)))
    .innerJoin(contracts, and(eq(contracts.orgId, reminders.orgId), eq(contracts.id, reminders.contractId)));
}

/** Expiry first (the account's schedule), then in the order they were made. */
const listOrder = [sql`${reminders.kind} = 'expiry' desc`, asc(reminders.createdAt), asc(reminders.id)];

export async function find(tx: Tx, orgId: string, id: string, today: string): Promise<ReminderRow | null> {
  const [row] = await selectReminders(tx, today).where(and(eq(reminders.orgId, orgId), eq(reminders.id, id)));
  return row ? flatten(row) : null;
}

/** An expiry reminder whose days the account emptied is switched off: not listed. */
const scheduled = sql`(${reminders.kind} <> 'expiry' or cardinality(${reminders.leadTimes}) > 0)`;

export async function listOfEvent(tx: Tx, orgId: string, eventId: string, today: string): Promise<ReminderRow[]> {
  const rows = await selectReminders(tx, today)
    .where(and(eq(reminders.orgId, orgId), eq(reminders.eventId, eventId), scheduled))
    .orderBy(...listOrder);
  return rows.map(flatten);
}

export async function listOfContract(tx: Tx, orgId: string, contractId: string, today: string) {
  const rows = await selectReminders(tx, today)
    .where(and(eq(reminders.orgId, orgId), eq(reminders.contractId, contractId), scheduled))
    .orderBy(sql`${events.date} asc nulls last`, ...listOrder);
  return rows.map(flatten);
}

/** Inserts with next_due_on computed by reminder_first_due, the SQL twin of occurrences.ts. */
export async function insert(tx: Tx, row: Omit<ReminderInsert, 'nextDueOn'>, eventDate: string | null) {
  const nextDueOn = sql`reminder_first_due(${eventDate}::date, ${intArray(row.leadTimes)}, ${row.repeat}, ${row.createdOn}::date)`;
  await tx.insert(reminders).values({ ...row, nextDueOn });
}

export type ReminderFields = Pick<ReminderInsert, 'leadTimes' | 'repeat' | 'recipients'>;

/** New lead times or repetition count from `today`, as if the reminder were made afresh (created_on too, for later moves). */
export async function updateFields(tx: Tx, orgId: string, id: string, f: ReminderFields, recomputeFrom?: string) {
  const nextDueOn = recomputeFrom
    ? sql`reminder_first_due((select e.date from events e where e.org_id = reminders.org_id and e.id = reminders.event_id),
        ${intArray(f.leadTimes)}, ${f.repeat}, ${recomputeFrom}::date)`
    : undefined;
  await tx
    .update(reminders)
    .set({ ...f, ...(nextDueOn ? { nextDueOn, createdOn: recomputeFrom } : {}), updatedAt: new Date() })
    .where(and(eq(reminders.orgId, orgId), eq(reminders.id, id)));
}

/** Acknowledgement and dismissal columns. */
export async function setMarks(tx: Tx, orgId: string, id: string, marks: Partial<ReminderInsert>) {
  await tx
    .update(reminders)
    .set({ ...marks, updatedAt: new Date() })
    .where(and(eq(reminders.orgId, orgId), eq(reminders.id, id)));
}

export async function remove(tx: Tx, orgId: string, id: string): Promise<void> {
  await tx.delete(reminders).where(and(eq(reminders.orgId, orgId), eq(reminders.id, id)));
}

/** A reminder's mails, newest first, with the recipient's name and the occurrence they carry. */
export function deliveriesOf(tx: Tx, orgId: string, reminderId: string) {
  return tx
    .select({
      delivery: deliveries,
      recipientName: memberName(orgId, sql`deliveries.recipient_user_id`),
      dueOn: reminderOccurrences.dueOn,
      eventDate: reminderOccurrences.eventDate,
    })
    .from(deliveries)
    .leftJoin(
      reminderOccurrences,
      and(eq(reminderOccurrences.orgId, deliveries.orgId), eq(reminderOccurrences.id, deliveries.occurrenceId)),
    )
    .where(and(eq(deliveries.orgId, orgId), eq(deliveries.reminderId, reminderId)))
    .orderBy(desc(deliveries.createdAt), desc(deliveries.id))
    .limit(500);
}

/**
 * Reminders (joined to their contract) whose mails reach the user: as owner or backup owner, by
 * name, as an editor of the contract's unit, as the owner under the expiry notification — or,
 * for administrators, the expiry notification of a contract without owner. The engine's
 * recipient list (engine/enqueue.repo.ts) says the same for sending.
 */
export function reachesUser(orgId: string, userId: string, isAdmin: boolean): SQL {
  const flag = (name: string) => sql`coalesce((${reminders.recipients} ->> ${name})::boolean, false)`;
  return sql`(
    (${flag('owner')} and ${contracts.ownerId} = ${userId})
    or (${flag('backupOwner')} and ${contracts.backupOwnerId} = ${userId})
    or (${reminders.recipients} -> 'userIds') @> ${JSON.stringify([userId])}::jsonb
    or (${flag('unitEditors')} and exists (select 1 from unit_roles ur where ur.org_id = ${orgId}
      and ur.user_id = ${userId} and ur.business_unit_id = ${contracts.businessUnitId} and ur.role = 'editor'))
    or (${reminders.kind} = 'expiry' and ${contracts.ownerId} = ${userId})
    or (${reminders.kind} = 'expiry' and ${contracts.ownerId} is null and ${isAdmin}))`;
}

/** Open reminders (active or acknowledged) that would reach the user, soonest event first. */
export async function mine(
  tx: Tx,
  orgId: string,
  user: { id: string; isAdmin: boolean },
  units: string[] | 'all',
  today: string,
) {
  const state = stateOf(today);
  const rows = await selectReminders(tx, today)
    .where(
      and(
        eq(reminders.orgId, orgId),
        isNull(contracts.deletedAt),
        units === 'all' ? undefined : units.length ? inArray(contracts.businessUnitId, units) : sql`false`,
        sql`${state} in ('active', 'acknowledged')`,
        reachesUser(orgId, user.id, user.isAdmin),
      ),
    )
    .orderBy(asc(events.date), asc(contracts.title), asc(reminders.id))
    .limit(100);
  return rows.map(flatten);
}

/**
 * Which of the ids are active, unlocked members, and whether each may see contracts of `unitId`
 * (administrators see every unit; others need a role in it).
 */
export function membersAmong(tx: Tx, orgId: string, userIds: string[], unitId: string | null) {
  const inUnit = unitId
    ? sql<boolean>`(memberships.is_admin or exists (select 1 from unit_roles ur where ur.org_id = memberships.org_id
        and ur.user_id = memberships.user_id and ur.business_unit_id = ${unitId}))`
    : sql<boolean>`true`;
  return tx
    .select({ userId: memberships.userId, canSee: inUnit })
    .from(memberships)
    .where(
      and(
        eq(memberships.orgId, orgId),
        inArray(memberships.userId, userIds),
        eq(memberships.status, 'active'),
        isNull(memberships.lockedAt),
      ),
    );
}

export async function updateOrg(tx: Tx, orgId: string, patch: Partial<typeof orgs.$inferInsert>): Promise<OrgRow> {
  const [row] = await tx.update(orgs).set(patch).where(eq(orgs.id, orgId)).returning();
  return row!;
}

/** The account's new expiry schedule on all its expiry reminders of one event type, in one statement. */
export async function rescheduleExpiry(
  tx: Tx,
  orgId: string,
  eventType: 'end' | 'notice_deadline',
  days: readonly number[],
  today: string,
): Promise<void> {
  await tx.execute(sql`update reminders r
    set lead_times = ${intArray(days)}, next_due_on = reminder_next_due(e.date, ${intArray(days)}, 'once', ${today}::date),
        updated_at = now()
    from events e
    where r.org_id = ${orgId} and r.kind = 'expiry' and e.org_id = r.org_id and e.id = r.event_id
      and e.type = ${eventType}`);
}
