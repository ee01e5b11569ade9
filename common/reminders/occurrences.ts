import type { Repeat } from '../schemas/reminders.js';
import {
  addDays,
  daysBetween,
  daysInMonth,
  formatDate,
  type IsoDate,
  isAfter,
  isBefore,
  parseDate,
} from '../terms/dates.js';

/**
 * When a reminder is due. A reminder on an event dated D with lead times L mails on each day
 * D − l; with repetition it mails again every day, week or month after the earliest of those
 * days (the anchor) until the event, unless dismissed. Monthly steps count from the anchor and
 * keep its day of month, clamped to shorter months (Jan 31 → Feb 28 → Mar 31).
 *
 * These functions are the specification; the SQL functions reminder_next_due and
 * reminder_first_due (migration 0013) do the same set-wise, and a test holds them equal.
 */

/** The anchor moved by whole months, its day of month clamped to the target month. */
export function addMonthsClamped(anchor: IsoDate, months: number): IsoDate {
  const { year, month, day } = parseDate(anchor);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return formatDate({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

function monthsBetween(from: IsoDate, to: IsoDate): number {
  const a = parseDate(from);
  const b = parseDate(to);
  return (b.year - a.year) * 12 + (b.month - a.month);
}

/** The first repetition day on or after `from` (the anchor itself counts). */
function nextRepetition(anchor: IsoDate, repeat: Repeat, from: IsoDate): IsoDate | null {
  if (!isBefore(anchor, from)) return anchor;
  switch (repeat) {
    case 'once':
      return null;
    case 'daily':
      return from;
    case 'weekly':
      return addDays(anchor, 7 * Math.ceil(daysBetween(anchor, from) / 7));
    case 'monthly': {
      const k = monthsBetween(anchor, from);
      const candidate = addMonthsClamped(anchor, k);
      return isBefore(candidate, from) ? addMonthsClamped(anchor, k + 1) : candidate;
    }
  }
}

/** The first day on or after `from` on which the reminder is due; null when none is left before the event. */
export function nextDue(
  eventDate: IsoDate,
  leadTimes: readonly number[],
  repeat: Repeat,
  from: IsoDate,
): IsoDate | null {
  if (leadTimes.length === 0 || isAfter(from, eventDate)) return null;
  const candidates = leadTimes.map((l) => addDays(eventDate, -l));
  if (repeat !== 'once') {
    const anchor = addDays(eventDate, -Math.max(...leadTimes));
    const r = nextRepetition(anchor, repeat, from);
    if (r) candidates.push(r);
  }
  const due = candidates.filter((d) => !isBefore(d, from) && !isAfter(d, eventDate)).sort();
  return due[0] ?? null;
}

/**
 * The first due day of a reminder made on `createdOn` (or whose event moved): lead days already
 * past are skipped, and when all of them are past while the event is still ahead, the reminder is
 * due at once — one catch-up mail rather than silence or a wait for the next weekly or monthly
 * repetition (which follow as scheduled).
 */
export function firstDue(
  eventDate: IsoDate | null,
  leadTimes: readonly number[],
  repeat: Repeat,
  createdOn: IsoDate,
): IsoDate | null {
  if (eventDate === null || leadTimes.length === 0 || isAfter(createdOn, eventDate)) return null;
  const leadDayAhead = leadTimes.some((l) => !isBefore(addDays(eventDate, -l), createdOn));
  return (leadDayAhead ? nextDue(eventDate, leadTimes, repeat, createdOn) : null) ?? createdOn;
}

/** Every due day of a reminder from `createdOn` to the event, in order (for display and tests). */
export function dueDays(
  eventDate: IsoDate,
  leadTimes: readonly number[],
  repeat: Repeat,
  createdOn: IsoDate,
  limit = 400,
): IsoDate[] {
  const days: IsoDate[] = [];
  let next = firstDue(eventDate, leadTimes, repeat, createdOn);
  while (next !== null && days.length < limit) {
    days.push(next);
    next = nextDue(eventDate, leadTimes, repeat, addDays(next, 1));
  }
  return days;
}
