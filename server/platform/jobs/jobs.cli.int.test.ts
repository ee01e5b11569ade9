import { describe, expect, it } from 'vitest';
import { startServer } from '../../server.js';
import { signUpOrg } from '../../test/api.js';
import { cliRunner } from '../../test/cli.js';
import { startHarness } from '../../test/harness.js';
import { JOBS } from '../../worker.js';
import { transact } from '../context.js';
import { later, workerEnv } from './jobs.fixtures.js';
import type { JobOverview } from './overview.js';
import { JobRegistryError } from './registry.js';
import { recordRun } from './runs.repo.js';
import { step } from './step.js';

const { database, deedbox } = cliRunner('jobs');
const HOUR = 3_600_000;

describe('deedbox jobs', () => {
  it('lists every job with its last run, its counts, when it is next due and the orgs it fails for', async () => {
    const now = new Date();
    const h = await startHarness(database);
    let orgId: string;
    try {
      orgId = (await signUpOrg(h, 'Listed')).me.org.id;
      await step(workerEnv(h.app.deps), JOBS.find((j) => j.name === 'auth.sweep-expired')!, now);
      await transact(h.app.deps, { jobs: 'on' }, (tx) =>
        recordRun(tx, {
          job: 'contracts.purge',
          orgId,
          startedAt: now,
          attempt: 2,
          status: 'failed',
          finishedAt: now,
          counts: {},
          error: 'disk full',
        }),
      );
    } finally {
      await h.close();
    }
    const out = await deedbox('jobs');
    expect(out).toMatchObject({ code: 0, stderr: '' });
    const listed = out.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as JobOverview);
    expect(listed.map((j) => j.job)).toEqual(JOBS.map((j) => j.name));
    expect(listed.find((j) => j.job === 'auth.sweep-expired')).toMatchObject({
      scope: 'global',
      schedule: 'every 1 h',
      lastRun: {
        status: 'ok',
        startedAt: now.toISOString(),
        attempt: 1,
        error: null,
        counts: { signUps: expect.any(Number), throttles: expect.any(Number) },
      },
      nextDue: later(now, HOUR).toISOString(),
      failingOrgs: [],
    });
    expect(listed.find((j) => j.job === 'contracts.purge')!.failingOrgs).toContainEqual({
      orgId: orgId!,
      attempt: 2,
      error: 'disk full',
      retryAt: later(now, 2 * 60_000).toISOString(),
    });
    expect(listed.find((j) => j.job === 'reminders.run')).toMatchObject({ scope: 'per-org', schedule: 'every 1 min' });
  }, 120_000);
});

describe('a worker configured with a job nobody registered', () => {
  it('does not start, naming the job', async () => {
    const misconfigured = cliRunner('jobs-misconfigured', { WORKER_JOBS: 'reminders.run, reminders.sweep' });
    const out = await misconfigured.deedbox('worker');
    expect(out).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'deedbox: Invalid background jobs:\n  - WORKER_JOBS: no job is registered as reminders.sweep\n',
    });
  });

  it('does not serve either', async () => {
    const h = await startHarness(database);
    const config = { ...h.config, port: 0, workerJobs: ['reminders.sweep'] };
    await h.close();
    await expect(startServer(config)).rejects.toThrow(JobRegistryError);
  });
});
