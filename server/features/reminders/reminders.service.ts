import { randomUUID } from 'node:crypto';
import type {
  DefaultReminder,
  Delivery,
  MyReminder,
  Reminder,
  ReminderInput,
  ReminderPatch,
  ReminderRecipients,
} from '../../../common/schemas/reminders.js';
import { todayIn } from '../../../common/terms/dates.js';
import type { Ctx } from '../../platform/context.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { canReadUnit, canRespondToReminder, readableUnits } from '../access/access.policy.js';
import { diff, record } from '../audit/audit.service.js';
import { getVisible, orgSettings, orgToday, requireWrite } from '../contracts/contracts.access.js';
import * as eventsRepo from '../events/events.repo.js';
import { getVisibleEvent } from '../events/events.service.js';
import { reminderAcknowledged } from '../webhooks/webhooks.events.js';
import { presentDelivery, presentMine, presentReminder } from './reminders.presenter.js';
import * as repo from './reminders.repo.js';

type Fields = repo.ReminderFields;
type Action = NonNullable<ReminderPatch['action']>;

/** Before/after for the audit log; e-mail addresses are personal and kept apart so they can be erased. */
export function auditChanges(before: Fields | null, after: Fields | null) {
  const split = (f: Fields | null) => {
    if (!f) return { open: { leadTimes: null, repeat: null, recipients: null }, personal: { emails: null } };
    const { emails, ...recipients } = f.recipients;
    return { open: { leadTimes: f.leadTimes, repeat: f.repeat, recipients }, personal: { emails } };
  };
  const b = split(before);
  const a = split(after);
  return {
    changes: diff<Record<string, unknown>>(b.open, a.open),
    personalChanges: diff<Record<string, unknown>>(b.personal, a.personal),
  };
}
const fieldsOf = (row: repo.ReminderRow): Fields => ({
  leadTimes: row.leadTimes,
  repeat: row.repeat,
  recipients: row.recipients,
});
const actorUserId = (ctx: Ctx) => (ctx.actor.type === 'user' ? ctx.actor.id : null);
const unique = <T>(values: T[]) => [...new Set(values)];
const cleanRecipients = (r: ReminderRecipients): ReminderRecipients => ({
  ...r,
  userIds: unique(r.userIds),
  emails: unique(r.emails),
});

/** A reminder on a contract the actor may see; anything else is "not found". */
async function getReminder(ctx: Ctx, id: string, today: string): Promise<repo.ReminderRow> {
  const row = await repo.find(ctx.tx, ctx.orgId, id, today);
  if (!row || row.contractDeletedAt || !canReadUnit(ctx.actor, row.businessUnitId)) {
    throw AppError.notFound('Reminder');
  }
  return row;
}

/** The account's expiry schedule is edited in the reminder settings only, and never deleted. */
function requireNotExpiry(row: repo.ReminderRow): void {
  if (row.kind === 'expiry') {
    throw AppError.because(
      'conflict',
      'expiry_follows_settings',
      'The expiry notification follows the account settings; change it there.',
    );
  }
}

/** userId → whether they may see contracts of the unit; absent: not an active member. */
async function memberCheck(ctx: Ctx, userIds: string[], unitId: string | null): Promise<Map<string, boolean>> {
  if (userIds.length === 0) return new Map();
  const rows = await repo.membersAmong(ctx.tx, ctx.orgId, unique(userIds), unitId);
  return new Map(rows.map((r) => [r.userId, r.canSee]));
}

export function recipientProblems(members: Map<string, boolean>, userIds: string[], field: string): FieldError[] {
  return userIds.flatMap((id, i): FieldError[] => {
    const canSee = members.get(id);
    if (canSee === undefined) {
      return [{ field: `${field}.${i}`, rule: 'not_a_member', message: 'is not an active member of this account' }];
    }
    return canSee ? [] : [{ field: `${field}.${i}`, rule: 'cannot_see_contract', message: 'cannot see this contract' }];
  });
}

async function checkRecipients(ctx: Ctx, userIds: string[], unitId: string, field: string): Promise<void> {
  const [first, ...rest] = recipientProblems(await memberCheck(ctx, userIds, unitId), userIds, field);
  if (first) throw AppError.invalidAll([first, ...rest]);
}

export async function get(ctx: Ctx, id: string): Promise<Reminder> {
  return presentReminder(ctx.actor, await getReminder(ctx, id, await orgToday(ctx)));
}

export async function listOfEvent(ctx: Ctx, eventId: string): Promise<Reminder[]> {
  await getVisibleEvent(ctx, eventId);
  const rows = await repo.listOfEvent(ctx.tx, ctx.orgId, eventId, await orgToday(ctx));
  return rows.map((row) => presentReminder(ctx.actor, row));
}

export async function listOfContract(ctx: Ctx, contractId: string): Promise<Reminder[]> {
  await getVisible(ctx, contractId);
  const rows = await repo.listOfContract(ctx.tx, ctx.orgId, contractId, await orgToday(ctx));
  return rows.map((row) => presentReminder(ctx.actor, row));
}

export async function create(ctx: Ctx, eventId: string, input: ReminderInput): Promise<Reminder> {
  const event = await getVisibleEvent(ctx, eventId);
  requireWrite(ctx, event.businessUnitId);
  await checkRecipients(ctx, input.recipients.userIds, event.businessUnitId, 'recipients.userIds');
  const org = await orgSettings(ctx);
  const today = todayIn(org.timeZone);
  const id = randomUUID();
  const fields: Fields = {
    leadTimes: input.leadTimes,
    repeat: input.repeat ?? org.reminderDefaultRepeat,
    recipients: cleanRecipients(input.recipients),
  };
  const row = { orgId: ctx.orgId, id, eventId, contractId: event.contractId, createdOn: today, ...fields };
  await repo.insert(ctx.tx, { ...row, kind: 'custom', createdBy: actorUserId(ctx) }, event.date);
  await record(ctx, {
    action: 'reminder.created',
    objectType: 'reminder',
    objectId: id,
    ...auditChanges(null, fields),
    extra: { contractId: event.contractId, eventId, kind: 'custom' },
  });
  return presentReminder(ctx.actor, (await repo.find(ctx.tx, ctx.orgId, id, today))!);
}

async function changeFields(ctx: Ctx, row: repo.ReminderRow, patch: ReminderPatch, today: string): Promise<void> {
  requireWrite(ctx, row.businessUnitId);
  requireNotExpiry(row);
  if (patch.recipients) {
    await checkRecipients(ctx, patch.recipients.userIds, row.businessUnitId, 'recipients.userIds');
  }
  const before = fieldsOf(row);
  const after: Fields = {
    leadTimes: patch.leadTimes ?? before.leadTimes,
    repeat: patch.repeat ?? before.repeat,
    recipients: patch.recipients ? cleanRecipients(patch.recipients) : before.recipients,
  };
  const audit = auditChanges(before, after);
  const { changes } = audit;
  if (Object.keys(changes).length + Object.keys(audit.personalChanges).length === 0) return;
  // New lead times or repetition count from today, as for a reminder made today.
  const recompute = changes.leadTimes || changes.repeat ? today : undefined;
  await repo.updateFields(ctx.tx, ctx.orgId, row.id, after, recompute);
  await record(ctx, {
    action: 'reminder.updated',
    objectType: 'reminder',
    objectId: row.id,
    ...audit,
    extra: { contractId: row.contractId, eventId: row.eventId },
  });
}

/** The marks an action sets; null when it changes nothing (acting twice is harmless). */
function marksFor(ctx: Ctx, row: repo.ReminderRow, action: Action): Partial<repo.ReminderInsert> | null {
  const by = actorUserId(ctx);
  const now = new Date();
  if (action !== 'reopen' && row.state === 'inactive') {
    throw AppError.because(
      'conflict',
      'reminder_inactive',
      'The reminder is not active: its event has no date ahead, or its contract ended.',
    );
  }
  // Acknowledged or dismissed: nothing left to escalate for this date.
  const acknowledge = { acknowledgedFor: row.eventDate, acknowledgedBy: by, acknowledgedAt: now, openSince: null };
  switch (action) {
    case 'acknowledge':
      return row.state === 'active' ? acknowledge : null;
    case 'dismiss': {
      if (row.state === 'dismissed') return null;
      const dismiss = { dismissedFor: row.eventDate, dismissedBy: by, dismissedAt: now, openSince: null };
      // Dismissal implies acknowledgement; an existing one for this date is kept.
      return row.state === 'active' ? { ...acknowledge, ...dismiss } : dismiss;
    }
    case 'reopen':
      if (row.acknowledgedFor === null && row.dismissedFor === null) return null;
      return {
        acknowledgedFor: null,
        acknowledgedBy: null,
        acknowledgedAt: null,
        dismissedFor: null,
        dismissedBy: null,
        dismissedAt: null,
      };
  }
}

const ACTION_AUDIT = {
  acknowledge: 'reminder.acknowledged',
  dismiss: 'reminder.dismissed',
  reopen: 'reminder.reopened',
} as const;

/**
 * Acknowledges, dismisses or reopens for the event's current date, with its activity-log entry
 * (`extra` says where it came from, e.g. a mail link). Acting twice changes nothing.
 */
export async function act(
  ctx: Ctx,
  row: repo.ReminderRow,
  action: Action,
  today: string,
  extra: Record<string, unknown> = {},
): Promise<void> {
  if (!canRespondToReminder(ctx.actor, row)) {
    throw AppError.forbidden(
      "Only the reminder's recipients, the contract's owners and editors of its unit may do this.",
    );
  }
  const marks = marksFor(ctx, row, action);
  if (!marks) return;
  await repo.setMarks(ctx.tx, ctx.orgId, row.id, marks);
  const after = (await repo.find(ctx.tx, ctx.orgId, row.id, today))!;
  await record(ctx, {
    action: ACTION_AUDIT[action],
    objectType: 'reminder',
    objectId: row.id,
    changes: diff({ state: row.state }, { state: after.state }),
    extra: { contractId: row.contractId, eventId: row.eventId, eventDate: row.eventDate, ...extra },
  });
  if (action === 'acknowledge') await reminderAcknowledged(ctx, row);
}

/** Field changes (editors) and/or an action (the people the reminder is for: see canRespondToReminder). */
export async function update(ctx: Ctx, id: string, patch: ReminderPatch): Promise<Reminder> {
  const today = await orgToday(ctx);
  const row = await getReminder(ctx, id, today);
  if (patch.leadTimes || patch.repeat || patch.recipients) await changeFields(ctx, row, patch, today);
  if (patch.action) await act(ctx, (await repo.find(ctx.tx, ctx.orgId, id, today))!, patch.action, today);
  return presentReminder(ctx.actor, (await repo.find(ctx.tx, ctx.orgId, id, today))!);
}

export async function remove(ctx: Ctx, id: string): Promise<void> {
  const row = await getReminder(ctx, id, await orgToday(ctx));
  requireWrite(ctx, row.businessUnitId);
  requireNotExpiry(row);
  await repo.remove(ctx.tx, ctx.orgId, id);
  await record(ctx, {
    action: 'reminder.deleted',
    objectType: 'reminder',
    objectId: id,
    ...auditChanges(fieldsOf(row), null),
    extra: { contractId: row.contractId, eventId: row.eventId, kind: row.kind },
  });
}

export async function deliveries(ctx: Ctx, id: string): Promise<Delivery[]> {
  await getReminder(ctx, id, await orgToday(ctx));
  return (await repo.deliveriesOf(ctx.tx, ctx.orgId, id)).map(presentDelivery);
}

/** Open reminders that would reach the caller; an API key reaches nobody. */
export async function mine(ctx: Ctx): Promise<MyReminder[]> {
  if (ctx.actor.type !== 'user') return [];
  const rows = await repo.mine(ctx.tx, ctx.orgId, ctx.actor, readableUnits(ctx.actor), await orgToday(ctx));
  return rows.map((row) => presentMine(ctx.actor, row));
}

/**
 * Reminders of kind 'default' on a new contract's system events. With `field` (the list came in
 * the request) recipients who may not see the contract are refused as `<field>.<j>.recipients…`;
 * without it (the account's defaults) they are left out, and a reminder left with nobody is skipped.
 */
export async function applyDefaultReminders(
  ctx: Ctx,
  contractId: string,
  list: DefaultReminder[],
  field?: string,
): Promise<void> {
  if (list.length === 0) return;
  const contract = await getVisible(ctx, contractId);
  const org = await orgSettings(ctx);
  const today = todayIn(org.timeZone);
  const events = new Map(
    (await eventsRepo.systemEventsOf(ctx.tx, ctx.orgId, contractId)).map((e) => [e.type, e] as const),
  );
  const members = await memberCheck(
    ctx,
    list.flatMap((d) => d.recipients.userIds ?? []),
    contract.businessUnitId,
  );
  const problems = list.flatMap((d, j) =>
    recipientProblems(members, d.recipients.userIds ?? [], `${field}.${j}.recipients.userIds`),
  );
  const [first, ...rest] = problems;
  if (field && first) throw AppError.invalidAll([first, ...rest]);
  for (const d of list) {
    const event = events.get(d.eventType);
    const recipients = cleanRecipients({
      userIds: (d.recipients.userIds ?? []).filter((id) => members.get(id) === true),
      emails: d.recipients.emails ?? [],
      owner: d.recipients.owner ?? false,
      backupOwner: d.recipients.backupOwner ?? false,
      unitEditors: d.recipients.unitEditors ?? false,
    });
    const nobody = !recipients.owner && !recipients.backupOwner && !recipients.unitEditors;
    if (!event || (nobody && recipients.userIds.length + recipients.emails.length === 0)) continue;
    const id = randomUUID();
    const fields: Fields = { leadTimes: d.leadTimes, repeat: d.repeat ?? org.reminderDefaultRepeat, recipients };
    const row = { orgId: ctx.orgId, id, eventId: event.id, contractId, createdOn: today, ...fields };
    await repo.insert(ctx.tx, { ...row, kind: 'default', createdBy: actorUserId(ctx) }, event.date);
    await record(ctx, {
      action: 'reminder.created',
      objectType: 'reminder',
      objectId: id,
      ...auditChanges(null, fields),
      extra: { contractId, eventId: event.id, kind: 'default' },
    });
  }
}
