import type { ReminderLinkInfo } from '../../../common/schemas/reminders.js';
import { todayIn } from '../../../common/terms/dates.js';
import { setClaims } from '../../db/tx.js';
import { type Ctx, type PublicCtx, transact } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { canReadUnit, canRespondToReminder } from '../access/access.policy.js';
import { userActor } from '../auth/auth.service.js';
import { assertWritable } from '../subscriptions/read-only.js';
import { unitRolesOf } from '../users/users.repo.js';
import { type ReminderLinkPayload, readReminderLink } from './links.js';
import * as repo from './links.repo.js';
import * as remindersRepo from './reminders.repo.js';
import { act } from './reminders.service.js';

const invalid = () => new AppError('not_found', 'This link is not valid.');

/** The reminder's state for the date the mail was about (see the reminder API's `state`). */
function stateOf(t: repo.LinkTarget): ReminderLinkInfo['state'] {
  if (t.eventDate !== t.occurrenceDate) return 'moved';
  const ended = t.contractDeletedAt !== null || t.contractStatus === 'archived' || t.contractPhase === 'ended';
  if (ended || t.eventDate < todayIn(t.timeZone)) return 'inactive';
  if (t.dismissedFor === t.occurrenceDate) return 'dismissed';
  if (t.acknowledgedFor === t.occurrenceDate) return 'acknowledged';
  return 'active';
}

function present(link: ReminderLinkPayload, t: repo.LinkTarget, mayRespond: boolean): ReminderLinkInfo {
  const state = stateOf(t);
  return {
    action: link.action,
    contractId: t.contractId,
    contractTitle: t.contractTitle,
    eventType: t.eventType,
    eventTitle: t.eventType === 'custom' ? t.eventTitle : null,
    eventDate: t.occurrenceDate,
    state: mayRespond || state === 'moved' || state === 'inactive' ? state : 'not_yours',
    recipientEmail: t.recipientEmail,
  };
}

/**
 * Opens the link's org as the mail's recipient. Only mails with links qualify: reminders and
 * escalations to a member (external, info-only recipients never get links). The link is judged
 * by today's facts, not the day it was sent: a recipient who was locked, removed or lost sight of
 * the contract's business unit gets the same answer as a forged link, so it names nothing.
 */
async function withTarget<T>(
  pub: PublicCtx,
  token: string,
  fn: (ctx: Ctx, link: ReminderLinkPayload, t: repo.LinkTarget) => Promise<T>,
): Promise<T> {
  const link = readReminderLink(pub.deps.config.secretKey, token, new Date());
  return transact(pub.deps, { orgId: link.orgId }, async (tx, afterCommit) => {
    const target = await repo.findLinkTarget(tx, link.orgId, link.deliveryId);
    if (!target || target.infoOnly || (target.kind !== 'reminder' && target.kind !== 'escalation')) throw invalid();
    await setClaims(tx, { userId: target.user.id });
    // The recipient with their roles of today, so the reminders policy judges them as in the app.
    const unitRoles = target.isAdmin ? {} : await unitRolesOf(tx, link.orgId, target.user.id);
    const ctx: Ctx = {
      orgId: link.orgId,
      actor: { ...userActor(target.user), isAdmin: target.isAdmin, unitRoles },
      tx,
      request: pub.request,
      deps: pub.deps,
      afterCommit,
    };
    const active = target.memberStatus === 'active' && target.memberLockedAt === null;
    if (!active || !canReadUnit(ctx.actor, target.contractUnitId)) throw invalid();
    return fn(ctx, link, target);
  });
}

/** Whether the mail's recipient may still respond to the reminder, by the reminders API's rule. */
async function mayRespond(ctx: Ctx, t: repo.LinkTarget): Promise<boolean> {
  const row = await remindersRepo.find(ctx.tx, ctx.orgId, t.reminderId, todayIn(t.timeZone));
  return row !== null && canRespondToReminder(ctx.actor, row);
}

/** What the link would do; changes nothing (mail scanners follow links). */
export function describe(pub: PublicCtx, token: string): Promise<ReminderLinkInfo> {
  return withTarget(pub, token, async (ctx, link, target) => present(link, target, await mayRespond(ctx, target)));
}

/** Acknowledges or dismisses as the reminders API does (same rules, same log entry); the target afterwards. */
async function apply(ctx: Ctx, link: ReminderLinkPayload, t: repo.LinkTarget): Promise<repo.LinkTarget> {
  const today = todayIn(t.timeZone);
  const row = await remindersRepo.find(ctx.tx, ctx.orgId, t.reminderId, today);
  if (!row) throw invalid();
  await act(ctx, row, link.action, today, { deliveryId: link.deliveryId, source: 'mail_link' });
  return (await repo.findLinkTarget(ctx.tx, ctx.orgId, link.deliveryId))!;
}

/** Acknowledges or dismisses for the mail's event date, once; repeating it answers the same. */
export function perform(pub: PublicCtx, token: string): Promise<ReminderLinkInfo> {
  return withTarget(pub, token, async (ctx, link, target) => {
    const state = stateOf(target);
    if (state === 'moved')
      throw AppError.because('gone', 'reminder_moved', 'This reminder has moved to a new date; open the contract.');
    if (state === 'inactive')
      throw AppError.because('gone', 'reminder_inactive', 'This reminder is no longer active; open the contract.');
    await assertWritable(ctx.tx, ctx.deps.config, ctx.orgId);
    return present(link, await apply(ctx, link, target), true);
  });
}
