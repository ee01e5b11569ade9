import { todayIn } from '../../../common/terms/dates.js';
import type { Deps } from '../context.js';
import type { JobDefinition } from '../jobs/job.js';
import { asSender, type Composers, type SendCounts, sendOutbox } from './outbox.js';
import { mailOrg } from './outbox.repo.js';

/** Wake it in the transaction that queued a mail: `await wake(ctx, MAIL_SEND_JOB)`. */
export const MAIL_SEND_JOB = 'mail.send';

/**
 * Sends one org's due mail of every kind with `composers`. A cancelled (read-only) account's
 * outbox is left as it is, as `reminders.run` leaves it.
 */
export async function sendOrgMail(deps: Deps, orgId: string, now: Date, composers: Composers): Promise<SendCounts> {
  const total: SendCounts = { sent: 0, retrying: 0, failed: 0, bounced: 0 };
  const org = await asSender(deps, orgId)((ctx) => mailOrg(ctx.tx, orgId));
  if (!org || org.readOnly(now)) return total;
  const today = todayIn(org.timeZone, now);
  await sendOutbox(deps, { id: orgId, name: org.name, timeZone: org.timeZone, today }, now, total, { composers });
  return total;
}

/** Whenever a feature queues a mail (and polled besides), org by org: the outbox of every kind is sent. */
export function mailJobs(composers: Composers): JobDefinition[] {
  return [
    {
      name: MAIL_SEND_JOB,
      scope: 'per-org',
      schedule: 'queue',
      run: async ({ deps, org, now }) => ({ ...(await sendOrgMail(deps, org.id, now, composers)) }),
    },
  ];
}
