import type { JobSchedule } from './job.js';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** A failed run is tried again after 1, 2, 4, 8 and 16 minutes, then every 30 minutes until it succeeds. */
export const BACKOFF_FIRST_MS = MINUTE_MS;
export const BACKOFF_MAX_MS = 30 * MINUTE_MS;
/** How often a queue job looks for work nobody woke it for (enqueued by another process, or left by a dead worker). */
export const QUEUE_POLL_MS = 5_000;
/** Per-org queue jobs visit every org when they poll, so they poll less often; `wake` names the org. */
export const ORG_QUEUE_POLL_MS = 60_000;

export interface LastRun {
  startedAt: Date;
  status: 'running' | 'ok' | 'failed';
  attempt: number;
}

/** Wait before trying again after the `attempt`th failure in a row (1-based). */
export function backoffMs(attempt: number): number {
  const steps = Math.max(0, Math.min(attempt - 1, 10));
  return Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** steps);
}

/** `HH:MM` (24-hour) as minutes after midnight, or null when it is not one. */
export function parseDailyAt(value: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** The first `HH:MM` UTC strictly after `instant`. */
export function dailySlotAfter(dailyAt: string, instant: Date): Date {
  const minutes = parseDailyAt(dailyAt);
  if (minutes === null) throw new Error(`not a time of day: ${dailyAt}`);
  const midnight = Math.floor(instant.getTime() / DAY_MS) * DAY_MS;
  const slot = midnight + minutes * MINUTE_MS;
  return new Date(slot > instant.getTime() ? slot : slot + DAY_MS);
}

/**
 * When a job is next due, from its last run: never run, at once; failed, its backoff after that
 * attempt started; otherwise its schedule after the last start (a queue job: at once, it polls).
 * A daily job whose slot passed while no worker ran is due at once, and runs once.
 */
export function nextDueAt(schedule: JobSchedule, last: LastRun | null): Date {
  if (last === null) return new Date(0);
  const started = last.startedAt.getTime();
  if (last.status === 'failed') return new Date(started + backoffMs(last.attempt));
  if (schedule === 'queue') return new Date(0);
  if ('everyMs' in schedule) return new Date(started + schedule.everyMs);
  return dailySlotAfter(schedule.dailyAt, last.startedAt);
}

/** The attempt number of the run after `last`: one more after a failure, else 1. */
export function nextAttempt(last: LastRun | null): number {
  return last?.status === 'failed' ? last.attempt + 1 : 1;
}

/** What is wrong with a schedule, or null. */
export function scheduleProblem(schedule: JobSchedule): string | null {
  if (schedule === 'queue') return null;
  if ('everyMs' in schedule)
    return Number.isInteger(schedule.everyMs) && schedule.everyMs >= 1_000
      ? null
      : 'everyMs must be a whole number of milliseconds, at least 1000';
  return parseDailyAt(schedule.dailyAt) === null ? 'dailyAt must be HH:MM (00:00 to 23:59, UTC)' : null;
}

/** A schedule as operators read it: `every 1 min`, `daily at 03:00 UTC`, `queue`. */
export function describeSchedule(schedule: JobSchedule): string {
  if (schedule === 'queue') return 'queue';
  if ('dailyAt' in schedule) return `daily at ${schedule.dailyAt} UTC`;
  const ms = schedule.everyMs;
  if (ms % 3_600_000 === 0) return `every ${ms / 3_600_000} h`;
  if (ms % MINUTE_MS === 0) return `every ${ms / MINUTE_MS} min`;
  return `every ${ms / 1000} s`;
}
