import { describe, expect, it } from 'vitest';
import type { JobDefinition } from './job.js';
import { JobRegistryError, selectJobs } from './registry.js';

const job = (name: string, schedule: JobDefinition['schedule'] = { everyMs: 60_000 }): JobDefinition => ({
  name,
  scope: 'global',
  schedule,
  run: async () => ({}),
});

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof JobRegistryError) return error.problems;
    throw error;
  }
  throw new Error('expected a JobRegistryError');
}

describe('selectJobs', () => {
  const registry = [job('reminders.run'), job('auth.sweep-expired'), job('documents.extract-text', 'queue')];

  it('runs every registered job, or the configured ones', () => {
    expect(selectJobs(registry, null).map((j) => j.name)).toEqual([
      'reminders.run',
      'auth.sweep-expired',
      'documents.extract-text',
    ]);
    expect(selectJobs(registry, ['documents.extract-text']).map((j) => j.name)).toEqual(['documents.extract-text']);
  });

  it('refuses to start when two jobs share a name', () => {
    expect(problemsOf(() => selectJobs([...registry, job('reminders.run')], null))).toEqual([
      'reminders.run: registered twice',
    ]);
  });

  it('refuses to start when a configured job has no handler, naming every one', () => {
    const configured = ['reminders.run', 'reminders.sweep', 'documents.ocr'];
    expect(problemsOf(() => selectJobs(registry, configured))).toEqual([
      'WORKER_JOBS: no job is registered as reminders.sweep',
      'WORKER_JOBS: no job is registered as documents.ocr',
    ]);
    expect(() => selectJobs(registry, configured)).toThrow(/^Invalid background jobs:\n {2}- WORKER_JOBS: /);
  });

  it('refuses malformed names and schedules that cannot run, all at once', () => {
    expect(problemsOf(() => selectJobs([job('Reminders'), job('x.y', { dailyAt: '25:00' })], null))).toEqual([
      'Reminders: a job name is feature.action in lower case',
      'x.y: dailyAt must be HH:MM (00:00 to 23:59, UTC)',
    ]);
  });
});
