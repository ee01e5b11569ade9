import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../db/client.js';
import { jobRuns } from '../../db/schema/index.js';
import type { JobCounts, JobSchedule } from './job.js';
import { type LastRun, nextAttempt, nextDueAt } from './schedule.js';

// Every function here needs the app.jobs claim (migration 0021): transact(deps, { jobs: 'on' }, …).

export type RunRow = typeof jobRuns.$inferSelect;

/** The latest run of a job as a whole (org_id null): what its schedule and backoff count from. */
export async function lastRun(tx: Tx, job: string): Promise<RunRow | null> {
  const [row] = await tx
    .select()
    .from(jobRuns)
    .where(and(eq(jobRuns.job, job), isNull(jobRuns.orgId)))
    .orderBy(desc(jobRuns.startedAt))
    .limit(1);
  return row ?? null;
}

/**
 * Starts a run of a scheduled job when it is due at `now`: records it as running and answers its
 * id and attempt, or null when it is not due (another worker just ran it). Serialised per job by a
 * transaction lock, so two workers checking at once start it once. `abandoned`: the caller holds
 * the job's lock, so a run still marked running was left by a worker that died.
 */
export async function startRun(
  tx: Tx,
  job: string,
  schedule: JobSchedule,
  now: Date,
  abandoned: boolean,
): Promise<{ id: string; attempt: number } | null> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('deedbox.jobs.start'), hashtext(${job}))`);
  let last: LastRun | null = await lastRun(tx, job);
  // Left behind, it counts as a failed attempt: retried after its backoff, not at the next slot.
  if (abandoned && last?.status === 'running') last = { ...last, status: 'failed' };
  if (nextDueAt(schedule, last).getTime() > now.getTime()) return null;
  if (abandoned)
    await tx
      .update(jobRuns)
      .set({ status: 'failed', error: 'the worker stopped before the run finished' })
      .where(and(eq(jobRuns.job, job), isNull(jobRuns.orgId), eq(jobRuns.status, 'running')));
  const id = randomUUID();
  const attempt = nextAttempt(last);
  await tx.insert(jobRuns).values({ id, job, orgId: null, startedAt: now, status: 'running', attempt });
  return { id, attempt };
}

export interface Outcome {
  status: 'ok' | 'failed';
  finishedAt: Date;
  counts: JobCounts;
  error: string | null;
}

const outcomeOf = (o: Outcome): Outcome => ({
  status: o.status,
  finishedAt: o.finishedAt,
  counts: o.counts,
  error: o.error,
});

export async function finishRun(tx: Tx, id: string, outcome: Outcome): Promise<void> {
  await tx.update(jobRuns).set(outcomeOf(outcome)).where(eq(jobRuns.id, id));
}

/** Records a run that is already over (a queue job's, or one org's part of a per-org job). */
export async function recordRun(
  tx: Tx,
  run: { job: string; orgId: string | null; startedAt: Date; attempt: number } & Outcome,
): Promise<void> {
  const { job, orgId, startedAt, attempt } = run;
  await tx.insert(jobRuns).values({ id: randomUUID(), job, orgId, startedAt, attempt, ...outcomeOf(run) });
}

export interface FailingOrg {
  orgId: string;
  startedAt: Date;
  attempt: number;
  error: string | null;
}

/** Orgs whose last part of this per-org job failed (a recovered org has an ok row after its failures). */
export async function failingOrgs(tx: Tx, job: string): Promise<FailingOrg[]> {
  const result = await tx.execute(sql`
    SELECT org_id, started_at, attempt, error FROM (
      SELECT DISTINCT ON (org_id) org_id, started_at, attempt, error, status
      FROM job_runs WHERE job = ${job} AND org_id IS NOT NULL
      ORDER BY org_id, started_at DESC
    ) latest
    WHERE status = 'failed'
    ORDER BY started_at`);
  return rowsOf<{ org_id: string; started_at: string | Date; attempt: number; error: string | null }>(result).map(
    (r) => ({ orgId: r.org_id, startedAt: new Date(r.started_at), attempt: Number(r.attempt), error: r.error }),
  );
}

/** Keeps the history bounded: drops runs started before `before` (an org still failing has a row within its last backoff). */
export async function pruneRuns(tx: Tx, before: Date): Promise<number> {
  const deleted = await tx.delete(jobRuns).where(lt(jobRuns.startedAt, before)).returning({ id: jobRuns.id });
  return deleted.length;
}
