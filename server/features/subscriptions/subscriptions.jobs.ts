import { randomUUID } from 'node:crypto';
import { type Actor, type Deps, runInOrg } from '../../platform/context.js';
import type { JobDefinition } from '../../platform/jobs/job.js';
import { noticeIfReadOnly } from './subscriptions.notice.js';

const SYSTEM: Actor = { type: 'system', name: 'deedbox subscriptions' };

/** Tells an org's administrators that it turned read-only at the end of its paid period (once). */
export async function readOnlyNotice(deps: Deps, orgId: string, now: Date): Promise<{ notified: number }> {
  const request = { id: randomUUID(), ip: null, userAgent: 'deedbox-subscriptions', via: 'cli' as const };
  const notified = await runInOrg(deps, { orgId, actor: SYSTEM }, request, (ctx) => noticeIfReadOnly(ctx, now));
  return { notified };
}

export const subscriptionsJobs: JobDefinition[] = [
  {
    name: 'subscriptions.read-only-notice',
    scope: 'per-org',
    schedule: { dailyAt: '06:00' },
    run: async ({ deps, org, now }) => readOnlyNotice(deps, org.id, now),
  },
];
