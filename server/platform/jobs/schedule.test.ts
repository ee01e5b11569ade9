import { describe, expect, it } from 'vitest';
import {
  BACKOFF_MAX_MS,
  backoffMs,
  dailySlotAfter,
  describeSchedule,
  nextAttempt,
  nextDueAt,
  scheduleProblem,
} from './schedule.js';

const MIN = 60_000;
const at = (iso: string) => new Date(iso);

describe('backoff', () => {
  it('doubles from one minute and stays at thirty', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map((n) => backoffMs(n) / MIN)).toEqual([1, 2, 4, 8, 16, 30, 30, 30]);
    expect(backoffMs(1_000_000)).toBe(BACKOFF_MAX_MS);
  });

  it('counts attempts on from a failure and starts again after success', () => {
    const startedAt = at('2030-01-01T00:00Z');
    expect(nextAttempt(null)).toBe(1);
    expect(nextAttempt({ startedAt, status: 'failed', attempt: 3 })).toBe(4);
    expect(nextAttempt({ startedAt, status: 'ok', attempt: 3 })).toBe(1);
  });
});

describe('nextDueAt', () => {
  const startedAt = at('2030-01-01T10:00:00Z');

  it('makes a job that never ran due at once', () => {
    expect(nextDueAt({ everyMs: MIN }, null).getTime()).toBe(0);
    expect(nextDueAt({ dailyAt: '03:00' }, null).getTime()).toBe(0);
    expect(nextDueAt('queue', null).getTime()).toBe(0);
  });

  it('runs an interval job its interval after the last start, finished or still running', () => {
    expect(nextDueAt({ everyMs: 5 * MIN }, { startedAt, status: 'ok', attempt: 1 })).toEqual(
      at('2030-01-01T10:05:00Z'),
    );
    expect(nextDueAt({ everyMs: 5 * MIN }, { startedAt, status: 'running', attempt: 1 })).toEqual(
      at('2030-01-01T10:05:00Z'),
    );
  });

  it('waits out the backoff after a failure, sooner or later than the schedule', () => {
    const failed = { startedAt, status: 'failed' as const, attempt: 3 };
    expect(nextDueAt({ everyMs: MIN }, failed)).toEqual(at('2030-01-01T10:04:00Z'));
    expect(nextDueAt({ dailyAt: '03:00' }, failed)).toEqual(at('2030-01-01T10:04:00Z'));
    expect(nextDueAt('queue', failed)).toEqual(at('2030-01-01T10:04:00Z'));
  });

  it('keeps a queue job due while its last run succeeded: it polls', () => {
    expect(nextDueAt('queue', { startedAt, status: 'ok', attempt: 1 }).getTime()).toBe(0);
  });

  it('runs a daily job at its next slot, and once at once when a slot passed unrun', () => {
    const daily = { dailyAt: '03:00' };
    expect(nextDueAt(daily, { startedAt, status: 'ok', attempt: 1 })).toEqual(at('2030-01-02T03:00:00Z'));
    expect(nextDueAt(daily, { startedAt: at('2030-01-01T02:59:59Z'), status: 'ok', attempt: 1 })).toEqual(
      at('2030-01-01T03:00:00Z'),
    );
    // Run exactly at its slot: the next is tomorrow's.
    expect(dailySlotAfter('03:00', at('2030-01-01T03:00:00Z'))).toEqual(at('2030-01-02T03:00:00Z'));
    expect(dailySlotAfter('23:59', at('2030-12-31T23:59:30Z'))).toEqual(at('2031-01-01T23:59:00Z'));
  });
});

describe('schedules', () => {
  it('refuses schedules that cannot run', () => {
    expect(scheduleProblem({ everyMs: 60_000 })).toBeNull();
    expect(scheduleProblem('queue')).toBeNull();
    expect(scheduleProblem({ dailyAt: '00:00' })).toBeNull();
    expect(scheduleProblem({ everyMs: 0 })).toMatch(/everyMs/);
    expect(scheduleProblem({ everyMs: 1.5e3 + 0.5 })).toMatch(/everyMs/);
    for (const bad of ['24:00', '3:00', '03:60', 'noon']) expect(scheduleProblem({ dailyAt: bad })).toMatch(/dailyAt/);
  });

  it('describes them as operators read them', () => {
    expect(describeSchedule({ everyMs: 60_000 })).toBe('every 1 min');
    expect(describeSchedule({ everyMs: 3_600_000 })).toBe('every 1 h');
    expect(describeSchedule({ everyMs: 5_000 })).toBe('every 5 s');
    expect(describeSchedule({ dailyAt: '03:30' })).toBe('daily at 03:30 UTC');
    expect(describeSchedule('queue')).toBe('queue');
  });
});
