import type { JobDefinition } from '../../platform/jobs/job.js';
import { runRemindersInOrg } from './engine/run.js';

/**
 * Every minute, org by org: due reminders, escalations, digests and the weekly summary are queued
 * (at each account's send hour in its time zone) and the mail outbox is sent.
 */
export const remindersJobs: JobDefinition[] = [
  {
    name: 'reminders.run',
    scope: 'per-org',
    schedule: { everyMs: 60_000 },
    run: async ({ deps, org, now }) => ({ ...(await runRemindersInOrg(deps, org.id, { asOf: now.toISOString() })) }),
  },
];
