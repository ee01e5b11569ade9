import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.js';
import { withClaims } from '../../db/tx.js';
import { signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { type Actor, runInOrg, transact } from '../context.js';
import type { JobDefinition, OrgJobContext } from './job.js';
import { deferred, later, runsOf, testJobName, workerEnv } from './jobs.fixtures.js';
import { startRunner } from './runner.js';
import { runRecordJobs } from './runs.jobs.js';
import { recordRun } from './runs.repo.js';
import { step } from './step.js';
import { wake } from './wake.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const MIN = 60_000;
// Runs act as of a moment the test chooses: the schedule and backoff are stepped through without waiting.
const T0 = new Date('2031-03-01T10:00:00Z');
const TESTER: Actor = { type: 'system', name: 'jobs test' };
const request = () => ({ id: randomUUID(), ip: null, userAgent: null, via: 'cli' as const });
const env = () => ({ ...workerEnv(h.app.deps), metrics: h.app.jobMetrics });

describe('a scheduled job', () => {
  it('runs when due, records its run and counts, and waits for its interval', async () => {
    const name = testJobName('tick');
    let runs = 0;
    const job: JobDefinition = {
      name,
      scope: 'global',
      schedule: { everyMs: 10 * MIN },
      run: async () => ({ done: ++runs }),
    };
    expect(await step(env(), job, T0)).toEqual(later(T0, 10 * MIN));
    expect(await step(env(), job, later(T0, 9 * MIN))).toEqual(later(T0, 10 * MIN));
    expect(runs).toBe(1);
    await step(env(), job, later(T0, 10 * MIN));
    expect(runs).toBe(2);
    const rows = await runsOf(h.app.deps, name);
    expect(rows.map((r) => [r.status, r.counts, r.attempt, r.orgId, r.error])).toEqual([
      ['ok', { done: 1 }, 1, null, null],
      ['ok', { done: 2 }, 1, null, null],
    ]);
    expect(rows[0]!.startedAt).toEqual(T0);
    expect(rows[0]!.finishedAt!.getTime()).toBeGreaterThanOrEqual(T0.getTime());
    const metrics = await h.app.inject({ url: '/metrics', remoteAddress: '127.0.0.1' });
    expect(metrics.body).toContain(`deedbox_job_runs_total{job="${name}",status="ok"} 2`);
    expect(metrics.body).toContain(`deedbox_job_run_duration_seconds_count{job="${name}"} 2`);
  });

  it('records a failure without its secrets and retries with a growing backoff until it succeeds', async () => {
    const name = testJobName('flaky');
    let failures = 2;
    const job: JobDefinition = {
      name,
      scope: 'global',
      schedule: { everyMs: 60 * MIN },
      run: async () => {
        if (failures-- > 0) throw new Error('cannot reach smtp://mailer:hunter2@smtp.example.com');
        return { sent: 1 };
      },
    };
    expect(await step(env(), job, T0)).toEqual(later(T0, MIN));
    expect(await step(env(), job, later(T0, MIN - 1))).toEqual(later(T0, MIN));
    expect(await step(env(), job, later(T0, MIN))).toEqual(later(T0, 3 * MIN));
    expect(await step(env(), job, later(T0, 3 * MIN - 1))).toEqual(later(T0, 3 * MIN));
    expect(await step(env(), job, later(T0, 3 * MIN))).toEqual(later(T0, 63 * MIN));
    const rows = await runsOf(h.app.deps, name);
    expect(rows.map((r) => [r.status, r.attempt, r.startedAt.getTime() - T0.getTime()])).toEqual([
      ['failed', 1, 0],
      ['failed', 2, MIN],
      ['ok', 3, 3 * MIN],
    ]);
    expect(rows[0]!.error).toBe('cannot reach smtp://[redacted]@smtp.example.com');
    const logged = await h.waitForLog((line) => line.includes('"job failed"') && line.includes(name));
    expect(logged).toContain('"attempt":1');
    expect(h.logs.filter((line) => line.includes(name)).join('\n')).not.toContain('hunter2');
    const metrics = await h.app.inject({ url: '/metrics', remoteAddress: '127.0.0.1' });
    expect(metrics.body).toContain(`deedbox_job_runs_total{job="${name}",status="failed"} 2`);
  });
});

describe('a per-org job', () => {
  let orgA: string;
  let orgB: string;
  beforeAll(async () => {
    orgA = (await signUpOrg(h, 'Jobs A')).me.org.id;
    orgB = (await signUpOrg(h, 'Jobs B')).me.org.id;
  });

  it('runs in every org; one org failing backs off alone and is recorded until it recovers', async () => {
    const name = testJobName('per-org');
    const seen: string[] = [];
    let aFails = true;
    const job: JobDefinition = {
      name,
      scope: 'per-org',
      schedule: { everyMs: MIN / 2 },
      run: async ({ org, now }: OrgJobContext) => {
        if (org.id === orgA || org.id === orgB)
          seen.push(`${org.id === orgA ? 'A' : 'B'}@${now.getTime() - T0.getTime()}`);
        if (org.id === orgA && aFails) throw new Error('org A is broken');
        return { mine: org.id === orgB ? 1 : 0 };
      },
    };
    await step(env(), job, T0);
    // Half a minute on: due again, but A waits out its minute of backoff.
    await step(env(), job, later(T0, MIN / 2));
    aFails = false;
    await step(env(), job, later(T0, MIN));
    expect(seen.sort()).toEqual(['A@0', `A@${MIN}`, 'B@0', `B@${MIN / 2}`, `B@${MIN}`].sort());

    const rows = await runsOf(h.app.deps, name);
    const sweeps = rows.filter((r) => r.orgId === null);
    expect(sweeps.map((r) => [r.status, r.counts.mine, r.counts.orgsFailed])).toEqual([
      ['ok', 1, 1],
      ['ok', 1, 0],
      ['ok', 1, 0],
    ]);
    expect(sweeps[1]!.counts.orgsWaiting).toBeGreaterThanOrEqual(1);
    // Only A has rows of its own: the failure, then the recovery that ends its backoff.
    expect(rows.filter((r) => r.orgId !== null).map((r) => [r.orgId, r.status, r.attempt, r.error])).toEqual([
      [orgA, 'failed', 1, 'org A is broken'],
      [orgA, 'ok', 2, null],
    ]);
  });

  it('runs a queue job when woken after the enqueueing transaction commits, for the org that woke it', async () => {
    const name = testJobName('queue');
    // The orgs each run visited, by the moment it acted as of (one Date per run).
    const runs = new Map<Date, string[]>();
    const wokenForB = deferred();
    const job: JobDefinition = {
      name,
      scope: 'per-org',
      schedule: 'queue',
      run: async ({ org, now }) => {
        runs.set(now, [...(runs.get(now) ?? []), org.id]);
        if (runs.size > 1 && org.id === orgB) wokenForB.resolve();
        return {};
      },
    };
    const runner = startRunner(h.app.deps, [job]);
    try {
      // Rolled back: nothing was enqueued, so nobody is woken.
      const rolledBack = runInOrg(h.app.deps, { orgId: orgA, actor: TESTER }, request(), async (ctx) => {
        await wake(ctx, name);
        throw new Error('changed my mind');
      });
      await expect(rolledBack).rejects.toThrow('changed my mind');
      await runInOrg(h.app.deps, { orgId: orgB, actor: TESTER }, request(), (ctx) => wake(ctx, name));
      await wokenForB.promise;
    } finally {
      await runner.stop();
    }
    const [poll, ...woken] = [...runs.values()];
    // The first run is the poll at start, through every org; every run after it is for B alone.
    expect(poll).toEqual(expect.arrayContaining([orgA, orgB]));
    expect(woken.length).toBeGreaterThanOrEqual(1);
    for (const visited of woken) expect(visited).toEqual([orgB]);
  });
});

describe('a queue job', () => {
  it('leaves no record when idle, and after a failure waits out its backoff even when woken', async () => {
    const name = testJobName('outbox');
    const outcomes: (number | Error)[] = [0, new Error('extractor crashed'), 2, 0];
    const job: JobDefinition = {
      name,
      scope: 'global',
      schedule: 'queue',
      run: async () => {
        const next = outcomes.shift()!;
        if (next instanceof Error) throw next;
        return { extracted: next };
      },
    };
    expect((await step(env(), job, T0)).getTime()).toBe(0);
    expect(await runsOf(h.app.deps, name)).toEqual([]);
    const failedAt = later(T0, 5_000);
    expect(await step(env(), job, failedAt)).toEqual(later(failedAt, MIN));
    // Woken (or polled) within the minute: still backing off, nothing runs.
    expect(await step(env(), job, later(failedAt, MIN - 1))).toEqual(later(failedAt, MIN));
    expect(outcomes).toHaveLength(2);
    await step(env(), job, later(failedAt, MIN));
    await step(env(), job, later(failedAt, MIN + 5_000));
    expect(outcomes).toHaveLength(0);
    const rows = await runsOf(h.app.deps, name);
    expect(rows.map((r) => [r.status, r.attempt, r.counts, r.error])).toEqual([
      ['failed', 1, {}, 'extractor crashed'],
      ['ok', 2, { extracted: 2 }, null],
    ]);
  });
});

describe('run records', () => {
  it('are the runner’s alone: a request sees none and cannot write one', async () => {
    const name = testJobName('hidden');
    await transact(h.app.deps, { jobs: 'on' }, (tx) =>
      recordRun(tx, {
        job: name,
        orgId: null,
        startedAt: T0,
        attempt: 1,
        status: 'ok',
        finishedAt: T0,
        counts: {},
        error: null,
      }),
    );
    const seen = await withClaims(h.database.db, {}, async (tx) =>
      rowsOf(await tx.execute(sql`select * from job_runs where job = ${name}`)),
    );
    expect(seen).toEqual([]);
    const forged = withClaims(h.database.db, {}, (tx) =>
      tx.execute(
        sql`insert into job_runs (id, job, started_at, status) values (gen_random_uuid(), ${name}, now(), 'ok')`,
      ),
    );
    await expect(forged).rejects.toThrow();
    expect(await runsOf(h.app.deps, name)).toHaveLength(1);
  });

  it('are kept a week', async () => {
    const name = testJobName('old');
    const now = new Date();
    for (const days of [8, 6]) {
      const startedAt = new Date(now.getTime() - days * 86_400_000);
      await transact(h.app.deps, { jobs: 'on' }, (tx) =>
        recordRun(tx, {
          job: name,
          orgId: null,
          startedAt,
          attempt: 1,
          status: 'ok',
          finishedAt: startedAt,
          counts: {},
          error: null,
        }),
      );
    }
    const prune = runRecordJobs.find((j) => j.name === 'jobs.prune-runs')!;
    await step(env(), prune, now);
    const kept = await runsOf(h.app.deps, name);
    expect(kept.map((r) => Math.round((now.getTime() - r.startedAt.getTime()) / 86_400_000))).toEqual([6]);
  });
});
