import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { jobRuns } from '../../db/schema/index.js';
import { type Deps, transact } from '../context.js';
import { jobLocks } from './locks.js';
import type { RunnerEnv } from './step.js';

/** A job name no other test uses: test files share the PostgreSQL database. */
export const testJobName = (tag: string) => `test.${tag}-${randomUUID().slice(0, 8)}`;

/** A worker's view of the database (a second `Database` stands for a second process). */
export function workerEnv(deps: Deps, database: Database = deps.database): RunnerEnv {
  const own = { ...deps, database };
  return { deps: own, locks: jobLocks(database, deps.log) };
}

/** Every run record of a job, oldest first. */
export function runsOf(deps: Deps, job: string) {
  return transact(deps, { jobs: 'on' }, (tx) =>
    tx.select().from(jobRuns).where(eq(jobRuns.job, job)).orderBy(asc(jobRuns.startedAt), asc(jobRuns.finishedAt)),
  );
}

/** A promise and the hand that settles it: tests synchronise on these, never on time. */
export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** `base` plus `ms`, for stepping a job through time without waiting. */
export const later = (base: Date, ms: number) => new Date(base.getTime() + ms);
