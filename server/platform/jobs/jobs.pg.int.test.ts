import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../db/client.js';
import { signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { type Actor, runInOrg } from '../context.js';
import type { GlobalJob, JobCounts, PerOrgJob } from './job.js';
import { deferred, later, runsOf, testJobName, workerEnv } from './jobs.fixtures.js';
import { startRunner } from './runner.js';
import { step } from './step.js';
import { wake } from './wake.js';

// Two workers are two connections to one PostgreSQL (PGlite is one process by design).
let h: Harness;
let other: Database;
beforeAll(async () => {
  h = await startHarness();
  other = await openDatabase(h.config);
});
afterAll(async () => {
  await other.close();
  await h.close();
});

const MIN = 60_000;
const T0 = new Date('2032-06-01T10:00:00Z');

/** Runs that wait at a gate the test opens; `arrived(n)` resolves when the nth run is inside. */
function gate() {
  const open = deferred();
  const arrivals = [deferred(), deferred(), deferred()];
  let entered = 0;
  return {
    entered: () => entered,
    arrived: (n: number) => arrivals[n - 1]!.promise,
    open: () => open.resolve(),
    async pass(): Promise<JobCounts> {
      arrivals[entered++]?.resolve();
      await open.promise;
      return { gated: 1 };
    },
  };
}

/** Worker A on the app's connection pool, worker B on another: two processes as far as PostgreSQL can tell. */
function twoWorkers() {
  const a = workerEnv(h.app.deps);
  const b = workerEnv(h.app.deps, other);
  return { a, b, close: () => Promise.all([a.locks.close(), b.locks.close()]) };
}

const globalJob = (g: ReturnType<typeof gate>): GlobalJob => ({
  name: testJobName('gated'),
  scope: 'global',
  schedule: { everyMs: MIN },
  run: () => g.pass(),
});

describe('two workers on one database', () => {
  it('never run the same global job at once, however late the second one comes', async () => {
    const g = gate();
    const job = globalJob(g);
    const { a, b, close } = twoWorkers();
    try {
      const first = step(a, job, T0);
      await g.arrived(1);
      // While A runs, B finds the job locked: at once, and long after its interval.
      await step(b, job, T0);
      await step(b, job, later(T0, 5 * MIN));
      expect(g.entered()).toBe(1);
      g.open();
      await first;
      // A has finished: B runs it, as it is due.
      await step(b, job, later(T0, 5 * MIN));
      expect(g.entered()).toBe(2);
      expect((await runsOf(h.app.deps, job.name)).map((r) => r.status)).toEqual(['ok', 'ok']);
    } finally {
      g.open();
      await close();
    }
  });

  it('never run the same org of a per-org job at once; the other orgs go on', async () => {
    const gated = (await signUpOrg(h, 'Gated')).me.org.id;
    const free = (await signUpOrg(h, 'Free')).me.org.id;
    const g = gate();
    const visits: string[] = [];
    const job: PerOrgJob = {
      name: testJobName('gated-orgs'),
      scope: 'per-org',
      schedule: { everyMs: MIN },
      run: async ({ org, now }) => {
        visits.push(`${org.id}@${now.getTime() - T0.getTime()}`);
        return org.id === gated ? g.pass() : {};
      },
    };
    const { a, b, close } = twoWorkers();
    try {
      const first = step(a, job, T0);
      await g.arrived(1);
      // B starts the next sweep while A is still inside the gated org: B leaves that org to A.
      await step(b, job, later(T0, MIN));
      expect(g.entered()).toBe(1);
      expect(visits).toContain(`${free}@${MIN}`);
      expect(visits).not.toContain(`${gated}@${MIN}`);
      const rows = await runsOf(h.app.deps, job.name);
      expect(rows.map((r) => [r.status, r.orgId])).toEqual([
        ['running', null],
        ['ok', null],
      ]);
      expect(rows[1]!.counts.orgsWaiting).toBeGreaterThanOrEqual(1);
      g.open();
      await first;
      expect(g.entered()).toBe(1);
    } finally {
      g.open();
      await close();
    }
  });

  it('lets another worker take over when one loses its connection, marking the run left behind', async () => {
    const g = gate();
    const job = globalJob(g);
    const { a, b, close } = twoWorkers();
    try {
      const first = step(a, job, T0);
      await g.arrived(1);
      // As if A's process died: its lock connection goes, and its lock with it.
      await a.locks.close();
      const second = step(b, job, later(T0, MIN));
      await g.arrived(2);
      const [left, taken] = await runsOf(h.app.deps, job.name);
      expect(left).toMatchObject({ status: 'failed', attempt: 1, error: 'the worker stopped before the run finished' });
      expect(taken).toMatchObject({ status: 'running', attempt: 2 });
      g.open();
      await Promise.all([first, second]);
    } finally {
      g.open();
      await close();
    }
  });

  it('hears a wake-up from another process through NOTIFY', async () => {
    const orgId = (await signUpOrg(h, 'Woken')).me.org.id;
    const name = testJobName('notify');
    const runs = new Map<Date, string[]>();
    const woken = deferred();
    const job: PerOrgJob = {
      name,
      scope: 'per-org',
      schedule: 'queue',
      run: async ({ org, now }) => {
        runs.set(now, [...(runs.get(now) ?? []), org.id]);
        if (runs.size > 1 && org.id === orgId) woken.resolve();
        return {};
      },
    };
    // The worker is on the second connection; the wake-up comes from the app's, so only NOTIFY carries it.
    const runner = startRunner({ ...h.app.deps, database: other }, [job]);
    try {
      await runner.listening;
      const actor: Actor = { type: 'system', name: 'jobs test' };
      const request = { id: randomUUID(), ip: null, userAgent: null, via: 'cli' as const };
      await runInOrg(h.app.deps, { orgId, actor }, request, (ctx) => wake(ctx, name));
      await woken.promise;
    } finally {
      await runner.stop();
    }
    // After the poll at start, through every org, the runs are the woken org's alone.
    const [, ...afterWake] = [...runs.values()];
    for (const visited of afterWake) expect(visited).toEqual([orgId]);
  });
});
