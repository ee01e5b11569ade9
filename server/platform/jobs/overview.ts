import { type Deps, transact } from '../context.js';
import type { JobCounts, JobDefinition } from './job.js';
import * as runs from './runs.repo.js';
import { describeSchedule, nextDueAt, ORG_QUEUE_POLL_MS, QUEUE_POLL_MS } from './schedule.js';

export interface JobOverview {
  job: string;
  scope: JobDefinition['scope'];
  schedule: string;
  lastRun: {
    startedAt: string;
    finishedAt: string | null;
    status: 'running' | 'ok' | 'failed';
    attempt: number;
    counts: JobCounts;
    error: string | null;
  } | null;
  /** An instant (in the past: overdue, no worker has run it), or when a queue job runs. */
  nextDue: string;
  /** Orgs whose part of a per-org job failed last, with when it is tried again. */
  failingOrgs: { orgId: string; attempt: number; error: string | null; retryAt: string }[];
}

/** What `deedbox jobs` shows: each job's last run, when it is next due, and the orgs it is failing for. */
export async function jobsOverview(deps: Deps, jobs: readonly JobDefinition[], now: Date): Promise<JobOverview[]> {
  return transact(deps, { jobs: 'on' }, async (tx) => {
    const out: JobOverview[] = [];
    for (const job of jobs) {
      const last = await runs.lastRun(tx, job.name);
      const due = nextDueAt(job.schedule, last);
      const poll = (job.scope === 'per-org' ? ORG_QUEUE_POLL_MS : QUEUE_POLL_MS) / 1000;
      const failing = job.scope === 'per-org' ? await runs.failingOrgs(tx, job.name) : [];
      out.push({
        job: job.name,
        scope: job.scope,
        schedule: describeSchedule(job.schedule),
        lastRun: last && {
          startedAt: last.startedAt.toISOString(),
          finishedAt: last.finishedAt?.toISOString() ?? null,
          status: last.status,
          attempt: last.attempt,
          counts: last.counts,
          error: last.error,
        },
        nextDue:
          job.schedule === 'queue' && due.getTime() <= now.getTime()
            ? `on wake (polled every ${poll} s)`
            : new Date(Math.max(due.getTime(), last ? 0 : now.getTime())).toISOString(),
        failingOrgs: failing.map((f) => ({
          orgId: f.orgId,
          attempt: f.attempt,
          error: f.error,
          retryAt: nextDueAt(job.schedule, {
            startedAt: f.startedAt,
            status: 'failed',
            attempt: f.attempt,
          }).toISOString(),
        })),
      });
    }
    return out;
  });
}
