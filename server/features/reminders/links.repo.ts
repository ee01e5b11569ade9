import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import {
  contracts,
  deliveries,
  events,
  memberships,
  orgs,
  reminderOccurrences,
  reminders,
  users,
} from '../../db/schema/index.js';

/** Everything a mail link needs: the delivery, its occurrence, reminder, event, contract and recipient. */
export async function findLinkTarget(tx: Tx, orgId: string, deliveryId: string) {
  const [row] = await tx
    .select({
      kind: deliveries.kind,
      infoOnly: deliveries.infoOnly,
      recipientEmail: deliveries.recipientEmail,
      reminderId: reminders.id,
      eventId: events.id,
      eventType: events.type,
      eventTitle: events.title,
      eventDate: events.date,
      occurrenceDate: reminderOccurrences.eventDate,
      acknowledgedFor: reminders.acknowledgedFor,
      dismissedFor: reminders.dismissedFor,
      contractId: contracts.id,
      contractTitle: contracts.title,
      contractStatus: contracts.status,
      contractPhase: contracts.phase,
      contractDeletedAt: contracts.deletedAt,
      contractUnitId: contracts.businessUnitId,
      timeZone: orgs.timeZone,
      user: users,
      isAdmin: memberships.isAdmin,
      memberStatus: memberships.status,
      memberLockedAt: memberships.lockedAt,
    })
    .from(deliveries)
    .innerJoin(orgs, eq(orgs.id, deliveries.orgId))
    .innerJoin(
      reminderOccurrences,
      and(eq(reminderOccurrences.orgId, deliveries.orgId), eq(reminderOccurrences.id, deliveries.occurrenceId)),
    )
    .innerJoin(reminders, and(eq(reminders.orgId, deliveries.orgId), eq(reminders.id, reminderOccurrences.reminderId)))
    .innerJoin(events, and(eq(events.orgId, reminders.orgId), eq(events.id, reminders.eventId)))
    .innerJoin(contracts, and(eq(contracts.orgId, reminders.orgId), eq(contracts.id, reminders.contractId)))
    .innerJoin(
      memberships,
      and(eq(memberships.orgId, deliveries.orgId), eq(memberships.userId, deliveries.recipientUserId)),
    )
    .innerJoin(users, eq(users.id, deliveries.recipientUserId))
    .where(and(eq(deliveries.orgId, orgId), eq(deliveries.id, deliveryId)));
  return row ?? null;
}

export type LinkTarget = NonNullable<Awaited<ReturnType<typeof findLinkTarget>>>;
