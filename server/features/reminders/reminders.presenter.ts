import type { Delivery, MyReminder, Reminder } from '../../../common/schemas/reminders.js';
import type { Actor } from '../../platform/context.js';
import { canRespondToReminder, canWriteUnit } from '../access/access.policy.js';
import { eventTitle } from '../events/events.presenter.js';
import type * as repo from './reminders.repo.js';

type DeliveryRow = Awaited<ReturnType<typeof repo.deliveriesOf>>[number];

export function presentReminder(actor: Actor, row: repo.ReminderRow): Reminder {
  const r = row.recipients;
  return {
    id: row.id,
    eventId: row.eventId,
    contractId: row.contractId,
    kind: row.kind,
    leadTimes: row.leadTimes,
    repeat: row.repeat,
    recipients: {
      userIds: r.userIds ?? [],
      emails: r.emails ?? [],
      owner: r.owner ?? false,
      backupOwner: r.backupOwner ?? false,
      unitEditors: r.unitEditors ?? false,
    },
    state: row.state,
    nextDueOn: row.nextDueOn,
    // Marks for an earlier date of the event have lapsed; they are not reported.
    acknowledgedAt: row.state === 'acknowledged' || row.state === 'dismissed' ? iso(row.acknowledgedAt) : null,
    acknowledgedBy: row.state === 'acknowledged' || row.state === 'dismissed' ? row.acknowledgedBy : null,
    dismissedAt: row.state === 'dismissed' ? iso(row.dismissedAt) : null,
    dismissedBy: row.state === 'dismissed' ? row.dismissedBy : null,
    escalationLevel: row.escalationLevel,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    abilities: {
      // The expiry notification follows the account settings and is never edited here.
      edit: row.kind !== 'expiry' && canWriteUnit(actor, row.businessUnitId),
      respond: canRespondToReminder(actor, row),
    },
  };
}

export function presentMine(actor: Actor, row: repo.ReminderRow): MyReminder {
  return {
    ...presentReminder(actor, row),
    eventType: row.eventType,
    eventDate: row.eventDate,
    eventTitle: eventTitle(row.eventType, row.eventTitle),
    contractTitle: row.contractTitle,
    contractNumber: row.contractNumber,
  };
}

export function presentDelivery(row: DeliveryRow): Delivery {
  const d = row.delivery;
  return {
    id: d.id,
    kind: d.kind,
    reminderId: d.reminderId,
    contractId: d.contractId,
    recipientEmail: d.recipientEmail,
    recipientName: row.recipientName,
    infoOnly: d.infoOnly,
    level: d.level,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: iso(d.nextAttemptAt),
    messageId: d.messageId,
    lastError: d.lastError,
    sentAt: iso(d.sentAt),
    createdAt: d.createdAt.toISOString(),
    dueOn: row.dueOn,
    eventDate: row.eventDate,
  };
}

const iso = (d: Date | null) => d?.toISOString() ?? null;
