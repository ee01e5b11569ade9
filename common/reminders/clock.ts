import { addDays, formatDate, type IsoDate, parseDate } from '../terms/dates.js';

/** Wall-clock date and time of an instant in an IANA time zone. */
export interface LocalTime {
  date: IsoDate;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function localTime(instant: Date, timeZone: string): LocalTime {
  const p: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) p[part.type] = part.value;
  return {
    date: formatDate({ year: Number(p.year), month: Number(p.month), day: Number(p.day) }),
    hour: Number(p.hour),
    minute: Number(p.minute),
  };
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * The latest day whose reminders are due at `now`: today once the send hour has begun in the
 * account's time zone, else yesterday. On the night clocks spring forward an hour that does not
 * exist begins when the clock jumps past it.
 */
export function dueDay(now: Date, timeZone: string, sendHour: number): IsoDate {
  const local = localTime(now, timeZone);
  return local.hour >= sendHour ? local.date : addDays(local.date, -1);
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/** The wall-clock time of an instant, written as if it were UTC (ms, whole minutes). */
function wallClock(instant: number, timeZone: string): number {
  const l = localTime(new Date(instant), timeZone);
  const p = parseDate(l.date);
  return Date.UTC(p.year, p.month - 1, p.day, l.hour, l.minute);
}

function offsetAt(instant: number, timeZone: string): number {
  return wallClock(instant, timeZone) - Math.floor(instant / MINUTE) * MINUTE;
}

/**
 * The instant at which `hour`:`minute` begins on `date` in the time zone. A wall time that does
 * not exist (spring forward) maps to the first instant after the gap, when the clock jumps past
 * it; one that occurs twice (fall back) maps to the first of them. So `dueDay(t, tz, h)` is `date`
 * exactly from `instantAt(date, h, tz)` until `instantAt(date + 1, h, tz)`.
 */
export function instantAt(date: IsoDate, hour: number, timeZone: string, minute = 0): Date {
  const { year, month, day } = parseDate(date);
  const wanted = Date.UTC(year, month - 1, day, hour, minute);
  // Offsets are below a day, so the instant lies within a day of `wanted`; at most one change falls there.
  const before = offsetAt(wanted - DAY, timeZone);
  const after = offsetAt(wanted + DAY, timeZone);
  const exact = [wanted - before, wanted - after].filter((t) => wallClock(t, timeZone) === wanted);
  if (exact.length > 0) return new Date(Math.min(...exact));
  // In a gap the clock jumps past `wanted` between these two instants; find the jump to the minute.
  let lo = Math.min(wanted - before, wanted - after);
  let hi = Math.max(wanted - before, wanted - after);
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (wallClock(mid, timeZone) >= wanted) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}
