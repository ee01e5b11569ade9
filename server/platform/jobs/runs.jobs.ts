import { transact } from '../context.js';
import type { JobDefinition } from './job.js';
import { pruneRuns } from './runs.repo.js';

/** Run records are kept a week: scheduled jobs write one row per due time across all workers, queue jobs one per run that did work. */
export const HISTORY_DAYS = 7;

/** The runner's own housekeeping. */
export const runRecordJobs: JobDefinition[] = [
  {
    name: 'jobs.prune-runs',
    scope: 'global',
    schedule: { everyMs: 3_600_000 },
    run: async ({ deps, now }) => {
      const before = new Date(now.getTime() - HISTORY_DAYS * 86_400_000);
      return { deleted: await transact(deps, { jobs: 'on' }, (tx) => pruneRuns(tx, before)) };
    },
  },
];
