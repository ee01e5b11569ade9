import type { JobDefinition } from '../../platform/jobs/job.js';
import { deliverDue } from './webhooks.deliver.js';
import { WEBHOOKS_DELIVER_JOB } from './webhooks.emit.js';

/** Woken when an event is queued (and polled): POSTs the org's due webhooks, retries, disables failing endpoints. */
export const webhooksJobs: JobDefinition[] = [
  {
    name: WEBHOOKS_DELIVER_JOB,
    scope: 'per-org',
    schedule: 'queue',
    run: async ({ deps, org, now }) => ({ ...(await deliverDue(deps, org.id, now)) }),
  },
];
