import { addDays, daysInMonth, formatDate, type IsoDate, isLastDayOfMonth, parseDate } from './dates.js';

/** ISO 8601 duration units the engine accepts: days, weeks, months, years. */
export type PeriodUnit = 'D' | 'W' | 'M' | 'Y';

/** A single-unit ISO 8601 duration such as `P3M`: `count` ≥ 1 of `unit`. */
export interface Period {
  count: number;
  unit: PeriodUnit;
}

export const MAX_PERIOD_COUNT = 9999;

const PERIOD_PATTERN = /^P([1-9]\d*)([DWMY])$/;
const EXAMPLES = 'e.g. P30D, P2W, P3M or P1Y';

/** Why `text` is not a single-unit period, or null when it is one. */
export function periodProblem(text: string): string | null {
  const match = PERIOD_PATTERN.exec(text);
  if (match) {
    return Number(match[1]) > MAX_PERIOD_COUNT ? `must not exceed ${MAX_PERIOD_COUNT} units` : null;
  }
  if (text.trim() === '') return `must be a period, ${EXAMPLES}`;
  if (text !== text.trim()) return 'must not contain spaces';
  if (/^p/i.test(text) && /[a-z]/.test(text)) return `must be written in capitals, ${EXAMPLES}`;
  if (!text.startsWith('P')) return `must start with P, ${EXAMPLES}`;
  if (text.includes('T')) return 'must not use hours, minutes or seconds; use days, weeks, months or years';
  if (/[.,]/.test(text)) return 'must use a whole number, e.g. P6M instead of P0.5Y';
  if (text.includes('-')) return 'must be positive';
  if (/^P0+[DWMY]$/.test(text)) return 'must be at least 1 unit long';
  if (/^P0\d+[DWMY]$/.test(text)) return 'must not have leading zeros';
  if (/^P(\d+[DWMY]){2,}$/.test(text)) return `must use a single unit, ${EXAMPLES}, not a combination`;
  return `must be a period with one unit, ${EXAMPLES}`;
}

export function isValidPeriod(text: string): boolean {
  return periodProblem(text) === null;
}

/** Parses a period; throws a RangeError naming the problem when it is not a valid one. */
export function parsePeriod(text: string): Period {
  const problem = periodProblem(text);
  const match = PERIOD_PATTERN.exec(text);
  if (problem || !match) throw new RangeError(`${JSON.stringify(text)} ${problem ?? 'is not a period'}`);
  return { count: Number(match[1]), unit: match[2] as PeriodUnit };
}

export function formatPeriod({ count, unit }: Period): string {
  return `P${count}${unit}`;
}

const UNIT_WORDS: Record<PeriodUnit, string> = { D: 'day', W: 'week', M: 'month', Y: 'year' };

/** English words for a period: `3 months`, `1 year`. */
export function describePeriod({ count, unit }: Period): string {
  return `${count} ${UNIT_WORDS[unit]}${count === 1 ? '' : 's'}`;
}

/**
 * Moves the date by whole months. The last day of a month maps to the last day of the
 * target month; any other day is kept and clamped to the target month's length.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parseDate(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  if (targetYear < 1 || targetYear > 9999) throw new RangeError(`${date} moved by ${months} months leaves 0001–9999`);
  const length = daysInMonth(targetYear, targetMonth);
  const targetDay = isLastDayOfMonth(date) ? length : Math.min(day, length);
  return formatDate({ year: targetYear, month: targetMonth, day: targetDay });
}

/** `shift(d, P, k)` of terms.md: moves `date` by `k × period` (k may be negative). */
export function shift(date: IsoDate, period: Period, k = 1): IsoDate {
  if (!Number.isSafeInteger(k)) throw new RangeError(`shift needs a whole multiplier, got ${k}`);
  const steps = period.count * k;
  switch (period.unit) {
    case 'D':
      return addDays(date, steps);
    case 'W':
      return addDays(date, steps * 7);
    case 'M':
      return addMonths(date, steps);
    case 'Y':
      return addMonths(date, steps * 12);
  }
}
