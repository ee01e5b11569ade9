import type { JobDefinition } from '../../platform/jobs/job.js';
import { purgeDocuments } from './documents.purge.js';
import { EXTRACT_TEXT_JOB, extractForOrg } from './documents.text.jobs.js';

/** Files read one at a time per run; an upload wakes the job for its org, and it polls besides. */
const EXTRACT_BATCH = 10;

/**
 * Text extraction whenever an upload wakes it (and every minute for work left over); hourly, the
 * documents' recycle bin after 30 days and the blobs filed for removal.
 */
export const documentsJobs: JobDefinition[] = [
  {
    name: EXTRACT_TEXT_JOB,
    scope: 'per-org',
    schedule: 'queue',
    run: async ({ deps, org, now }) => ({ ...(await extractForOrg(deps, org.id, { limit: EXTRACT_BATCH, now })) }),
  },
  {
    name: 'documents.purge',
    scope: 'per-org',
    schedule: { everyMs: 3_600_000 },
    run: async ({ deps, org, now }) => ({ ...(await purgeDocuments(deps, org.id, now)) }),
  },
];
