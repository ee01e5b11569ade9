import { randomUUID } from 'node:crypto';
import { type Actor, type Ctx, type Deps, runInOrg, transact } from '../../platform/context.js';
import { allOrgs, type SweptOrg } from '../../platform/jobs/orgs.repo.js';
import { wake } from '../../platform/jobs/wake.js';
import { MAIL_SEND_JOB } from '../../platform/mail/mail.jobs.js';
import { enqueueMail } from '../../platform/mail/outbox.repo.js';
import { isReadOnlyNow } from '../subscriptions/read-only.js';
import * as repo from './envelopes.repo.js';
import { noteEvent } from './envelopes.service.js';
import { queueOutcome } from './outcome.js';
import { currentTurn } from './send.service.js';
import * as due from './sweep.repo.js';

const SWEEPER: Actor = { type: 'system', name: 'deedbox signing' };
const DAY_MS = 86_400_000;

export interface SigningSweep {
  expired: number;
  reminders: number;
}

/** Step one: an envelope whose time ran out expires; its links answer 410, the sender and those mailed are told. */
async function expire(ctx: Ctx, envelope: repo.EnvelopeRow, now: Date): Promise<void> {
  await repo.update(ctx.tx, ctx.orgId, envelope.id, { status: 'expired' });
  for (const r of await repo.recipientsOf(ctx.tx, ctx.orgId, envelope.id)) {
    if (r.nextReminderAt) await repo.updateRecipient(ctx.tx, ctx.orgId, r.id, { nextReminderAt: null });
  }
  await noteEvent(ctx, envelope.id, 'expired', {
    action: 'envelope.expired',
    changes: { status: { before: 'in_progress', after: 'expired' } },
  });
  await queueOutcome(ctx, { ...envelope, status: 'expired' }, now);
}

/**
 * Step two: each recipient whose turn it is and whose reminder is due gets their `n`th reminder (the dedupe key
 * makes a second sweep at the same time send nothing); the next is due N days later, never already past.
 */
async function remind(ctx: Ctx, envelope: repo.EnvelopeRow, now: Date): Promise<number> {
  const recipients = await repo.recipientsOf(ctx.tx, ctx.orgId, envelope.id);
  const turn = new Set(currentTurn(envelope, recipients).map((r) => r.id));
  let sent = 0;
  for (const r of recipients) {
    if (!r.nextReminderAt || r.nextReminderAt > now || (r.status !== 'sent' && r.status !== 'viewed')) continue;
    if (!turn.has(r.id) || !envelope.reminderEveryDays) {
      await repo.updateRecipient(ctx.tx, ctx.orgId, r.id, { nextReminderAt: null });
      continue;
    }
    const n = r.remindersSent + 1;
    const queued = await enqueueMail(ctx.tx, {
      orgId: ctx.orgId,
      kind: 'signing_reminder',
      subjectId: r.id,
      contractId: envelope.contractId,
      recipientEmail: r.email,
      locale: r.locale,
      dedupeKey: `signing_reminder:${r.id}:${n}`,
      now,
    });
    const every = envelope.reminderEveryDays * DAY_MS;
    const next = r.nextReminderAt.getTime() + every;
    await repo.updateRecipient(ctx.tx, ctx.orgId, r.id, {
      remindersSent: n,
      // A sweep that ran late (or an --as-of far ahead) sends one reminder, not one for each missed interval.
      nextReminderAt: new Date(next > now.getTime() ? next : now.getTime() + every),
    });
    if (!queued) continue;
    sent++;
    await noteEvent(
      ctx,
      envelope.id,
      'reminded',
      { action: 'signing.reminded', subject: { id: r.id, name: r.name, email: r.email }, extra: { n } },
      { recipientId: r.id, data: { n } },
    );
  }
  if (sent > 0) await wake(ctx, MAIL_SEND_JOB);
  return sent;
}

/** The `signing.sweep` job's work for one org as of `now`: expiry first, then reminders (not for a read-only account). */
export function sweepSigning(deps: Deps, orgId: string, now: Date): Promise<SigningSweep> {
  const request = { id: randomUUID(), ip: null, userAgent: 'deedbox-signing', via: 'cli' as const };
  return runInOrg(deps, { orgId, actor: SWEEPER }, request, async (ctx) => {
    const total: SigningSweep = { expired: 0, reminders: 0 };
    for (const envelope of await due.dueToExpire(ctx.tx, orgId, now)) {
      await expire(ctx, envelope, now);
      total.expired++;
    }
    if (await isReadOnlyNow(ctx.tx, orgId, now)) return total;
    for (const envelope of await due.dueForReminders(ctx.tx, orgId, now)) {
      total.reminders += await remind(ctx, envelope, now);
    }
    return total;
  });
}

/** Every org (or one), for the CLI. */
export function signingOrgs(deps: Deps, orgId?: string): Promise<SweptOrg[]> {
  return transact(deps, {}, (tx) => allOrgs(tx, orgId));
}
