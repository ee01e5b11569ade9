import type { JobDefinition } from '../../platform/jobs/job.js';
import { sealDue } from './seal.job.js';
import { SEAL_JOB } from './sign.service.js';

/** Woken when the last signer signed (and polled): seals the org's completed envelopes, design §3. */
export const signingJobs: JobDefinition[] = [
  {
    name: SEAL_JOB,
    scope: 'per-org',
    schedule: 'queue',
    run: async ({ deps, org, now }) => ({ ...(await sealDue(deps, org.id, now)) }),
  },
];
