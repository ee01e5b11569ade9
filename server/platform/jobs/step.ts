import { performance } from 'node:perf_hooks';
import type { FastifyBaseLogger } from 'fastify';
import type { Tx } from '../../db/client.js';
import { type Deps, transact } from '../context.js';
import type { JobMetrics } from '../metrics.js';
import { failureText } from './failure.js';
import type { GlobalJob, JobCounts, JobDefinition, PerOrgJob } from './job.js';
import type { JobLocks } from './locks.js';
import { allOrgs } from './orgs.repo.js';
import * as runs from './runs.repo.js';
import { backoffMs, nextAttempt, nextDueAt } from './schedule.js';

export interface RunnerEnv {
  deps: Deps;
  locks: JobLocks;
  metrics?: JobMetrics;
}

const inJobs = <T>(deps: Deps, fn: (tx: Tx) => Promise<T>) => transact(deps, { jobs: 'on' }, fn);

/** The counts a per-org sweep keeps itself; a queue sweep with nothing else did no work. */
const SWEEP_KEYS = new Set(['orgs', 'orgsWaiting']);
const didWork = (counts: JobCounts) => Object.entries(counts).some(([k, v]) => v !== 0 && !SWEEP_KEYS.has(k));

/**
 * One look at one job as of `now`: a scheduled job runs when it is due, a queue job unless it is
 * backing off after a failure; `orgIds` (a wake-up's) limits a per-org queue job to those orgs.
 * Records the run and answers when the job is next due.
 */
export async function step(env: RunnerEnv, job: JobDefinition, now: Date, orgIds?: string[]): Promise<Date> {
  if (job.schedule === 'queue') await queueStep(env, job, now, orgIds);
  else if (job.scope === 'global') await globalStep(env, job, now);
  else await sweepStep(env, job, now);
  return nextDueAt(job.schedule, await inJobs(env.deps, (tx) => runs.lastRun(tx, job.name)));
}

async function globalStep(env: RunnerEnv, job: GlobalJob, now: Date): Promise<void> {
  const release = await env.locks.tryLock(job.name, null);
  if (!release) return;
  try {
    const run = await inJobs(env.deps, (tx) => runs.startRun(tx, job.name, job.schedule, now, true));
    if (!run) return;
    const outcome = await perform(env, job.name, null, run.attempt, now, (log) =>
      job.run({ deps: env.deps, now, log }),
    );
    await inJobs(env.deps, (tx) => runs.finishRun(tx, run.id, outcome));
    report(env, job.name, outcome);
  } finally {
    await release();
  }
}

/** A per-org job's runs in the metrics are its orgs' parts; the sweep counts only when it failed as a whole. */
async function sweepStep(env: RunnerEnv, job: PerOrgJob, now: Date): Promise<void> {
  const run = await inJobs(env.deps, (tx) => runs.startRun(tx, job.name, job.schedule, now, false));
  if (!run) return;
  const outcome = await perform(env, job.name, null, run.attempt, now, () => sweep(env, job, now, undefined, true));
  await inJobs(env.deps, (tx) => runs.finishRun(tx, run.id, outcome));
  report(env, job.name, outcome, outcome.status === 'failed');
}

/** A queue job's run is recorded when it did something, failed, or ends a run of failures; idle polls leave no trace. */
async function queueStep(env: RunnerEnv, job: JobDefinition, now: Date, orgIds?: string[]): Promise<void> {
  const last = await inJobs(env.deps, (tx) => runs.lastRun(tx, job.name));
  if (nextDueAt(job.schedule, last).getTime() > now.getTime()) return;
  const attempt = nextAttempt(last);
  const outcome = await perform(env, job.name, null, attempt, now, (log) =>
    job.scope === 'global' ? job.run({ deps: env.deps, now, log }) : sweep(env, job, now, orgIds, false),
  );
  if (outcome.status === 'ok' && !didWork(outcome.counts) && last?.status !== 'failed') return;
  await inJobs(env.deps, (tx) =>
    runs.recordRun(tx, { job: job.name, orgId: null, startedAt: now, attempt, ...outcome }),
  );
  report(env, job.name, outcome, job.scope === 'global' || outcome.status === 'failed');
}

/**
 * Runs a per-org job in every org (or those named), each under its (job, org) lock when `lock`:
 * an org whose last part failed waits out its backoff, a failure is recorded for that org alone
 * while the others go on, and an org that recovers gets an ok row that ends its backoff.
 */
async function sweep(
  env: RunnerEnv,
  job: PerOrgJob,
  now: Date,
  orgIds: string[] | undefined,
  lock: boolean,
): Promise<JobCounts> {
  const { deps } = env;
  const orgs = await transact(deps, {}, (tx) => allOrgs(tx, orgIds));
  const failing = new Map((await inJobs(deps, (tx) => runs.failingOrgs(tx, job.name))).map((f) => [f.orgId, f]));
  const totals: Record<string, number> = { orgs: 0, orgsFailed: 0, orgsWaiting: 0 };
  for (const org of orgs) {
    const failed = failing.get(org.id);
    const backingOff = failed && failed.startedAt.getTime() + backoffMs(failed.attempt) > now.getTime();
    const release = backingOff ? null : lock ? await env.locks.tryLock(job.name, org.id) : async () => {};
    if (!release) {
      totals.orgsWaiting! += 1;
      continue;
    }
    try {
      const attempt = failed ? failed.attempt + 1 : 1;
      const outcome = await perform(env, job.name, org.id, attempt, now, (log) => job.run({ deps, now, log, org }));
      totals.orgs! += 1;
      if (outcome.status === 'failed') totals.orgsFailed! += 1;
      for (const [k, v] of Object.entries(outcome.counts)) totals[k] = (totals[k] ?? 0) + v;
      // The org's own row drives its backoff; one that cannot be written (the org was just deleted) stops no one else.
      if (outcome.status === 'failed' || failed)
        await inJobs(deps, (tx) =>
          runs.recordRun(tx, { job: job.name, orgId: org.id, startedAt: now, attempt, ...outcome }),
        ).catch((err: unknown) =>
          deps.log.warn({ job: job.name, orgId: org.id, error: failureText(err) }, 'job run not recorded'),
        );
      env.metrics?.observe(job.name, outcome.status, outcome.seconds);
    } finally {
      await release();
    }
  }
  return totals;
}

type Performed = runs.Outcome & { seconds: number };

/** Runs one unit of work (a global job, one org's part, or a sweep), timing it; a failure becomes the outcome, logged without secrets. */
async function perform(
  env: RunnerEnv,
  job: string,
  orgId: string | null,
  attempt: number,
  now: Date,
  work: (log: FastifyBaseLogger) => Promise<JobCounts>,
): Promise<Performed> {
  const log = env.deps.log.child(orgId ? { job, orgId } : { job });
  const started = performance.now();
  const over = () => {
    const seconds = (performance.now() - started) / 1000;
    return { seconds, finishedAt: new Date(now.getTime() + seconds * 1000) };
  };
  try {
    const counts = await work(log);
    return { status: 'ok', counts, error: null, ...over() };
  } catch (err) {
    const error = failureText(err);
    // The stack's frames only: its first line repeats the message, which may hold what failureText leaves out.
    const stack =
      err instanceof Error && err.stack?.includes('\n    at ') ? err.stack.slice(err.stack.indexOf('\n    at ')) : '';
    log.error({ error, attempt, retryInMs: backoffMs(attempt), stack }, 'job failed');
    return { status: 'failed', counts: {}, error, ...over() };
  }
}

/** Metrics (when `observe`) and a log line for a run that did something. */
function report(env: RunnerEnv, job: string, outcome: Performed, observe = true): void {
  if (observe) env.metrics?.observe(job, outcome.status, outcome.seconds);
  if (outcome.status === 'ok' && didWork(outcome.counts))
    env.deps.log.info({ job, counts: outcome.counts, seconds: outcome.seconds }, 'job ran');
}
