import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { dueDay, instantAt } from '../../../../common/reminders/clock.js';
import { isReadOnly } from '../../../../common/subscriptions.js';
import { todayIn } from '../../../../common/terms/dates.js';
import type { Tx } from '../../../db/client.js';
import { orgs, subscriptions } from '../../../db/schema/index.js';
import { type Actor, type Deps, type RequestMeta, runInOrg, transact } from '../../../platform/context.js';
import { allOrgs } from '../../../platform/jobs/orgs.repo.js';
import { type OutboxOrg, sendOutbox } from '../../../platform/mail/outbox.js';
import { remindersSent } from '../../webhooks/webhooks.events.js';
import { weekOf } from './compose.js';
import * as queue from './enqueue.repo.js';
import { REMINDER_KINDS, remindersMail } from './reminders.mail.js';

const ENGINE: Actor = { type: 'system', name: 'deedbox reminders' };
const request = (): RequestMeta => ({ id: randomUUID(), ip: null, userAgent: 'deedbox-reminders', via: 'cli' });

export { CONCURRENCY, RETRY_FOR_MS } from '../../../platform/mail/outbox.js';

export interface RunResult {
  orgs: number;
  occurrences: number;
  deliveries: number;
  escalations: number;
  digests: number;
  summaries: number;
  sent: number;
  retrying: number;
  failed: number;
  bounced: number;
  /** Orgs whose queueing another worker was doing at that moment (it does the work). */
  skipped: number;
  /** Orgs whose run failed (logged); the others still ran. */
  errors: number;
  /** Read-only (cancelled) orgs: nothing queued, nothing sent. */
  readOnly: number;
}

export interface RunOptions {
  orgId?: string;
  /**
   * The moment to act as of: an instant (`2027-09-01T06:00Z`), or a wall-clock time without
   * offset (`2027-09-01T08:00`) read in each account's own time zone. Default: now.
   */
  asOf?: string;
}

/** The instant `asOf` names for an org in `timeZone`. */
export function resolveAsOf(asOf: string | undefined, timeZone: string): Date {
  if (asOf === undefined) return new Date();
  if (/(Z|[+-]\d{2}:?\d{2})$/i.test(asOf)) return new Date(asOf);
  const [date, time = '00:00'] = asOf.split('T') as [string, string?];
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  return instantAt(date, hour, timeZone, minute);
}

export interface OrgSettings {
  name: string;
  timeZone: string;
  sendHour: number;
  escalationDays: number | null;
  weeklySummary: boolean;
  /** Whether the org is read-only (cancelled) at that moment. */
  readOnly(at: Date): boolean;
}

export async function settingsOf(deps: Deps, orgId: string): Promise<OrgSettings | null> {
  return runInOrg(deps, { orgId, actor: ENGINE }, request(), async (ctx) => {
    const [row] = await ctx.tx
      .select({
        name: orgs.name,
        timeZone: orgs.timeZone,
        sendHour: orgs.reminderSendHour,
        escalationDays: orgs.escalationDays,
        weeklySummary: orgs.weeklySummary,
        status: subscriptions.status,
        accessUntil: subscriptions.accessUntil,
      })
      .from(orgs)
      .leftJoin(subscriptions, eq(subscriptions.orgId, orgs.id))
      .where(sql`${orgs.id} = ${orgId}`);
    if (!row) return null;
    const { status, accessUntil, ...settings } = row;
    return { ...settings, readOnly: (at: Date) => isReadOnly(status ? { status, accessUntil } : null, at) };
  });
}

export type QueueStep = 'enqueueDue' | 'escalate' | 'gatherDigests' | 'summaries';

/**
 * The queueing half of a run for one org, in the caller's transaction under the org's reminder
 * lock: what is due on `day` becomes occurrences and deliveries, then escalations, digests and
 * the weekly summary. `lap` is told as each step ends (the benchmark times them).
 */
export async function queueDue(
  tx: Tx,
  orgId: string,
  settings: Pick<OrgSettings, 'escalationDays' | 'weeklySummary'>,
  day: string,
  now: Date,
  lap: (step: QueueStep) => void = () => {},
) {
  const due = await queue.enqueueDue(tx, orgId, day, now);
  lap('enqueueDue');
  const escalations =
    settings.escalationDays === null ? 0 : await queue.escalate(tx, orgId, day, settings.escalationDays, now);
  lap('escalate');
  const digests = await queue.gatherDigests(tx, orgId, now);
  lap('gatherDigests');
  const summaries = settings.weeklySummary ? await queue.queueWeeklySummaries(tx, orgId, weekOf(day), now) : 0;
  lap('summaries');
  return { ...due, escalations, digests, summaries };
}

/**
 * One pass of the whole path for one org: queue what is due (occurrences, escalations, digests,
 * the weekly summary) in one transaction, then send everything the outbox holds. Running it again
 * at the same moment does nothing more. The stored contract dates it reads are rolled over by
 * the contracts' own job (`contracts.refresh-dates`).
 */
async function runOrg(deps: Deps, orgId: string, opts: RunOptions, total: RunResult): Promise<void> {
  const settings = await settingsOf(deps, orgId);
  if (!settings) return;
  const now = resolveAsOf(opts.asOf, settings.timeZone);
  // A cancelled account's reminders stop with its write access (its outbox is left as it is).
  if (settings.readOnly(now)) {
    total.readOnly++;
    return;
  }
  const day = dueDay(now, settings.timeZone, settings.sendHour);
  const queued = await runInOrg(deps, { orgId, actor: ENGINE }, request(), async (ctx) => {
    if (!(await queue.tryReminderLock(ctx.tx, orgId))) return null;
    const queued = await queueDue(ctx.tx, orgId, settings, day, now);
    await remindersSent(ctx, queued.occurrenceIds, now);
    return queued;
  });
  if (queued === null) total.skipped++;
  else {
    total.occurrences += queued.occurrences;
    total.deliveries += queued.deliveries;
    total.escalations += queued.escalations;
    total.digests += queued.digests;
    total.summaries += queued.summaries;
  }
  const org: OutboxOrg = {
    id: orgId,
    name: settings.name,
    timeZone: settings.timeZone,
    today: todayIn(settings.timeZone, now),
  };
  // Only the reminders' own kinds: `mail.send` sends the others (and these too, whichever comes first).
  await sendOutbox(deps, org, now, total, { composers: remindersMail, kinds: REMINDER_KINDS });
}

const emptyResult = (): RunResult => ({
  orgs: 0,
  occurrences: 0,
  deliveries: 0,
  escalations: 0,
  digests: 0,
  summaries: 0,
  sent: 0,
  retrying: 0,
  failed: 0,
  bounced: 0,
  skipped: 0,
  errors: 0,
  readOnly: 0,
});

/** The reminder path for one org (the worker's `reminders.run`, org by org); a failure is thrown to the caller. */
export async function runRemindersInOrg(
  deps: Deps,
  orgId: string,
  opts: Omit<RunOptions, 'orgId'> = {},
): Promise<Omit<RunResult, 'orgs' | 'errors'>> {
  const total = emptyResult();
  await runOrg(deps, orgId, opts, total);
  const { orgs: _orgs, errors: _errors, ...counts } = total;
  return counts;
}

/** Runs the reminder path for every org (or one): what `deedbox reminders run` does. */
export async function runReminders(deps: Deps, opts: RunOptions = {}): Promise<RunResult> {
  const total = emptyResult();
  const ids = opts.orgId ? [opts.orgId] : (await transact(deps, {}, (tx) => allOrgs(tx))).map((o) => o.id);
  for (const orgId of ids) {
    try {
      await runOrg(deps, orgId, opts, total);
    } catch (err) {
      // One account's trouble must not hold up everyone else's reminders.
      deps.log.error({ err, orgId }, 'reminder run failed for an org');
      total.errors++;
    }
    total.orgs++;
  }
  return total;
}
