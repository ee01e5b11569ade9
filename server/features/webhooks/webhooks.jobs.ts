import { type Deps, transact } from '../../platform/context.js';
import type { JobDefinition } from '../../platform/jobs/job.js';
import { deliverDue } from './webhooks.deliver.js';
import { WEBHOOKS_DELIVER_JOB } from './webhooks.emit.js';
import { pruneFinished } from './webhooks.repo.js';

/** How long an endpoint's delivery log keeps a delivery that is done (delivered or given up). */
export const DELIVERY_LOG_DAYS = 30;

/** Deletes the org's deliveries finished more than DELIVERY_LOG_DAYS ago, with their attempts. */
export function pruneDeliveries(deps: Deps, orgId: string, now: Date): Promise<number> {
  const before = new Date(now.getTime() - DELIVERY_LOG_DAYS * 86_400_000);
  return transact(deps, { orgId }, (tx) => pruneFinished(tx, orgId, before));
}

/** Woken when an event is queued (and polled): POSTs the org's due webhooks, retries, disables failing endpoints. */
export const webhooksJobs: JobDefinition[] = [
  {
    name: WEBHOOKS_DELIVER_JOB,
    scope: 'per-org',
    schedule: 'queue',
    run: async ({ deps, org, now }) => ({ ...(await deliverDue(deps, org.id, now)) }),
  },
  {
    name: 'webhooks.prune',
    scope: 'per-org',
    schedule: { everyMs: 86_400_000 },
    run: async ({ deps, org, now }) => ({ deleted: await pruneDeliveries(deps, org.id, now) }),
  },
];
