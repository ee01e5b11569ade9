import type { JobDefinition } from '../../platform/jobs/job.js';
import { BUILD_JOB, buildNext } from './account-exports.build.js';
import { expireExports } from './account-exports.service.js';

/** Builds an export whenever a request wakes the job (and polls besides); hourly, deletes the ZIPs past their 7 days. */
export const accountExportsJobs: JobDefinition[] = [
  {
    name: BUILD_JOB,
    scope: 'per-org',
    schedule: 'queue',
    run: async ({ deps, org, now }) => ({ ...(await buildNext(deps, org.id, now)) }),
  },
  {
    name: 'account-exports.expire',
    scope: 'per-org',
    schedule: { everyMs: 3_600_000 },
    run: async ({ deps, org, now }) => ({ ...(await expireExports(deps, org.id, now)) }),
  },
];
