import type { JobDefinition } from '../../platform/jobs/job.js';
import { sweepOrg } from './approvals.sweep.js';

/** Every minute, org by org: overdue approval steps are mailed about, once a day each. */
export const approvalsJobs: JobDefinition[] = [
  {
    name: 'approvals.sweep',
    scope: 'per-org',
    schedule: { everyMs: 60_000 },
    run: async ({ deps, org, now }) => ({ ...(await sweepOrg(deps, org, now)) }),
  },
];
