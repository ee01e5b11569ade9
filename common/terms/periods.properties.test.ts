import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  daysBetween,
  daysInMonth,
  fromDayNumber,
  isLastDayOfMonth,
  isWeekend,
  lastDayOfMonth,
  parseDate,
  toDayNumber,
} from './dates.js';
import { previousBusinessDay } from './deadline.js';
import type { Period, PeriodUnit } from './periods.js';
import { shift } from './periods.js';
import { renewalEnd } from './renewals.js';
import type { AutoRenewalTerms } from './resolve.js';

const RUNS = { numRuns: 500 };

const anyDate = fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2200-12-31') }).map(fromDayNumber);
/** Dates with month ends and the days 28–31 well represented, where the month rules bite. */
const date = fc.oneof(
  anyDate,
  anyDate.map(lastDayOfMonth),
  fc.tuple(anyDate, fc.integer({ min: 28, max: 31 })).map(([d, day]) => {
    const { year, month } = parseDate(d);
    return `${d.slice(0, 8)}${String(Math.min(day, daysInMonth(year, month))).padStart(2, '0')}`;
  }),
);
const monthlyPeriod = fc.record({
  count: fc.integer({ min: 1, max: 24 }),
  unit: fc.constantFrom<PeriodUnit>('M', 'Y'),
});
const period = fc.oneof(
  monthlyPeriod,
  fc.record({ count: fc.integer({ min: 1, max: 400 }), unit: fc.constantFrom<PeriodUnit>('D', 'W') }),
);

/** Where `shift(d, P, k)` lands in month terms, to know whether d's day exists there. */
function targetMonthLength(d: string, p: Period, k: number): number {
  const { year, month } = parseDate(d);
  const index = year * 12 + month - 1 + p.count * k * (p.unit === 'Y' ? 12 : 1);
  return daysInMonth(Math.floor(index / 12), (index % 12) + 1);
}

describe('period arithmetic properties', () => {
  it('days and weeks: shift by +k then −k always returns the date', () => {
    const dayPeriod = fc.record({
      count: fc.integer({ min: 1, max: 400 }),
      unit: fc.constantFrom<PeriodUnit>('D', 'W'),
    });
    fc.assert(
      fc.property(date, dayPeriod, fc.integer({ min: -20, max: 20 }), (d, p, k) => {
        expect(shift(shift(d, p, k), p, -k)).toBe(d);
      }),
      RUNS,
    );
  });

  it('months and years: shift by +k then −k returns d exactly when d is a month end or its day is below the target month length', () => {
    fc.assert(
      fc.property(date, monthlyPeriod, fc.integer({ min: -20, max: 20 }), (d, p, k) => {
        const returns = isLastDayOfMonth(d) || parseDate(d).day < targetMonthLength(d, p, k);
        expect(shift(shift(d, p, k), p, -k) === d).toBe(returns);
      }),
      RUNS,
    );
  });

  it('shift is monotone: a later date never shifts to an earlier one', () => {
    fc.assert(
      fc.property(date, date, period, fc.integer({ min: -20, max: 20 }), (a, b, p, k) => {
        const [early, late] = daysBetween(a, b) >= 0 ? [a, b] : [b, a];
        expect(daysBetween(shift(early, p, k), shift(late, p, k))).toBeGreaterThanOrEqual(0);
      }),
      RUNS,
    );
  });

  it('renewal ends never drift: end_k = shift(anchor, P, k); month-end anchors stay month ends, other days stay put', () => {
    fc.assert(
      fc.property(date, monthlyPeriod, fc.integer({ min: 0, max: 300 }), (anchor, renewal, k) => {
        const terms: AutoRenewalTerms = {
          type: 'auto_renewal',
          start: anchor,
          end: anchor,
          renewal,
          notice: { count: 1, unit: 'D' },
          maxRenewals: null,
          adjustment: 'none',
          noticeGivenOn: null,
        };
        const end = renewalEnd(terms, k);
        expect(end).toBe(shift(anchor, renewal, k));
        if (isLastDayOfMonth(anchor)) expect(isLastDayOfMonth(end)).toBe(true);
        else if (parseDate(anchor).day <= 28) expect(parseDate(end).day).toBe(parseDate(anchor).day);
      }),
      RUNS,
    );
  });

  it('previous_business_day never moves a date later, never lands on a weekend, and moves at most two days', () => {
    fc.assert(
      fc.property(date, (d) => {
        const moved = previousBusinessDay(d);
        const back = daysBetween(moved, d);
        expect(back).toBeGreaterThanOrEqual(0);
        expect(back).toBeLessThanOrEqual(2);
        expect(isWeekend(moved)).toBe(false);
        if (!isWeekend(d)) expect(moved).toBe(d);
      }),
      RUNS,
    );
  });
});
