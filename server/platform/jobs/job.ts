import type { FastifyBaseLogger } from 'fastify';
import type { Deps } from '../context.js';

/**
 * When a job runs: every `everyMs` after its last start, once a day at `dailyAt` (`HH:MM`, UTC),
 * or `'queue'`: whenever `wake` says work was enqueued, and polled besides.
 */
export type JobSchedule = { everyMs: number } | { dailyAt: string } | 'queue';

/** What one run did, by name (`{ sent: 3, retrying: 1 }`); kept in the run record. */
export type JobCounts = Readonly<Record<string, number>>;

export interface JobContext {
  deps: Deps;
  /** The moment the run acts as of. */
  now: Date;
  /** The worker's log, naming the job (and org). */
  log: FastifyBaseLogger;
}

export interface OrgJobContext extends JobContext {
  org: { id: string; timeZone: string };
}

interface JobBase {
  /** `feature.action`, lower case (`reminders.run`); unique across the registry. */
  name: string;
  schedule: JobSchedule;
}

/** Runs once per due time, under the job's advisory lock. */
export interface GlobalJob extends JobBase {
  scope: 'global';
  run(ctx: JobContext): Promise<JobCounts>;
}

/**
 * Runs once per org per due time, each org under its own advisory lock; one org's failure backs
 * off that org only. The sweep's record adds up the orgs' counts, with `orgs` (run), `orgsFailed`
 * and `orgsWaiting` (locked elsewhere, or backing off).
 */
export interface PerOrgJob extends JobBase {
  scope: 'per-org';
  run(ctx: OrgJobContext): Promise<JobCounts>;
}

export type JobDefinition = GlobalJob | PerOrgJob;
