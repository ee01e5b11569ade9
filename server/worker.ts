import type { Config } from './config.js';
import { accountExportsJobs } from './features/account-exports/account-exports.jobs.js';
import { approvalsJobs } from './features/approvals/approvals.jobs.js';
import { authJobs } from './features/auth/auth.jobs.js';
import { backupJobs } from './features/backup/backup.jobs.js';
import { contractsJobs } from './features/contracts/contracts.jobs.js';
import { documentsJobs } from './features/documents/documents.jobs.js';
import { remindersJobs } from './features/reminders/reminders.jobs.js';
import { retentionJobs } from './features/retention/retention.run.js';
import { signingJobs } from './features/signing/signing.jobs.js';
import { subscriptionsJobs } from './features/subscriptions/subscriptions.jobs.js';
import { webhooksJobs } from './features/webhooks/webhooks.jobs.js';
import { MAIL_KINDS } from './mail-kinds.js';
import type { Deps } from './platform/context.js';
import type { JobDefinition } from './platform/jobs/job.js';
import { selectJobs } from './platform/jobs/registry.js';
import { type Runner, startRunner } from './platform/jobs/runner.js';
import { runRecordJobs } from './platform/jobs/runs.jobs.js';
import { mailJobs } from './platform/mail/mail.jobs.js';
import type { JobMetrics } from './platform/metrics.js';

/** Every background job, registered by its feature in its `*.jobs.ts`: the one list a worker runs. */
export const JOBS: readonly JobDefinition[] = [
  ...contractsJobs,
  ...documentsJobs,
  ...remindersJobs,
  ...mailJobs(MAIL_KINDS),
  ...approvalsJobs,
  ...authJobs,
  ...subscriptionsJobs,
  ...runRecordJobs,
  ...accountExportsJobs,
  ...backupJobs,
  ...retentionJobs,
  ...signingJobs,
  ...webhooksJobs,
];

/** The jobs this process runs (WORKER_JOBS, or all), checked; throws JobRegistryError listing every problem. */
export function workerJobs(config: Pick<Config, 'workerJobs'>): JobDefinition[] {
  return selectJobs(JOBS, config.workerJobs);
}

/**
 * The background work of a Deedbox process (`deedbox worker`, or `serve` unless WORKER=false).
 * Any number of processes may run it: advisory locks keep two from running the same job (or the
 * same org's part) at once, and SKIP LOCKED claims share queued work.
 */
export function startWorker(deps: Deps, opts: { metrics?: JobMetrics; jobs?: JobDefinition[] } = {}): Runner {
  return startRunner(deps, opts.jobs ?? workerJobs(deps.config), { metrics: opts.metrics });
}
