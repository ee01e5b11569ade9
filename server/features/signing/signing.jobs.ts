import type { JobDefinition } from '../../platform/jobs/job.js';
import { sealDue } from './seal.job.js';
import { SEAL_JOB } from './sign.service.js';
import { sweepSigning } from './signing.sweep.js';

export const SWEEP_JOB = 'signing.sweep';

/**
 * Woken when the last signer signed (and polled): seals the org's completed envelopes, design §3. Every
 * minute: envelopes whose time ran out expire, and due reminders are mailed.
 */
export const signingJobs: JobDefinition[] = [
  {
    name: SEAL_JOB,
    scope: 'per-org',
    schedule: 'queue',
    run: async ({ deps, org, now }) => ({ ...(await sealDue(deps, org.id, now)) }),
  },
  {
    name: SWEEP_JOB,
    scope: 'per-org',
    schedule: { everyMs: 60_000 },
    run: async ({ deps, org, now }) => ({ ...(await sweepSigning(deps, org.id, now)) }),
  },
];
