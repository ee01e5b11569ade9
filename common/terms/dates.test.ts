import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareDates,
  dateProblem,
  daysBetween,
  daysInMonth,
  formatDate,
  fromDayNumber,
  isLastDayOfMonth,
  isLeapYear,
  isValidDate,
  isWeekend,
  lastDayOfMonth,
  maxDate,
  minDate,
  parseDate,
  toDayNumber,
  todayIn,
  weekday,
  weekdayName,
} from './dates.js';

describe('calendar basics', () => {
  it.each([
    [2024, true],
    [2025, false],
    [1900, false],
    [2000, true],
    [2100, false],
  ])('knows whether %i is a leap year', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
  });

  it('knows the length of every kind of month', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(2025, 4)).toBe(30);
    expect(daysInMonth(2025, 12)).toBe(31);
  });
});

describe('parsing and validating', () => {
  it.each(['2025-01-31', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31'])('accepts %s', (text) => {
    expect(isValidDate(text)).toBe(true);
    expect(formatDate(parseDate(text))).toBe(text);
  });

  it.each([
    ['2025-02-30', 'does not exist: 2025-02 has no day 30'],
    ['2025-02-29', 'does not exist: 2025-02 has no day 29'],
    ['1900-02-29', 'does not exist: 1900-02 has no day 29'],
    ['2025-04-31', 'does not exist: 2025-04 has no day 31'],
    ['2025-13-01', 'has no month 13'],
    ['2025-00-10', 'has no month 00'],
    ['2025-01-00', 'does not exist: 2025-01 has no day 00'],
    ['0000-01-01', 'must have a year from 0001 to 9999'],
    ['2025-1-1', 'must be a date written YYYY-MM-DD, e.g. 2025-01-31'],
    ['2025-01-01T00:00:00Z', 'must be a date written YYYY-MM-DD, e.g. 2025-01-31'],
    [' 2025-01-01', 'must be a date written YYYY-MM-DD, e.g. 2025-01-31'],
    ['', 'must be a date written YYYY-MM-DD, e.g. 2025-01-31'],
  ])('refuses %j: %s', (text, problem) => {
    expect(dateProblem(text)).toBe(problem);
    expect(() => parseDate(text)).toThrow(RangeError);
  });

  it('refuses to format a date outside 0001–9999 or one that does not exist', () => {
    expect(() => formatDate({ year: 10000, month: 1, day: 1 })).toThrow(RangeError);
    expect(() => formatDate({ year: 2025, month: 2, day: 29 })).toThrow(RangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addDays('0001-01-01', -1)).toThrow(RangeError);
  });
});

describe('day arithmetic', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2025-01-01', 365, '2026-01-01'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2025-12-31', -30, '2025-12-01'],
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(days);
  });

  it('numbers days from 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(fromDayNumber(toDayNumber('2000-03-01'))).toBe('2000-03-01');
  });

  it('compares dates', () => {
    expect(compareDates('2025-01-01', '2025-01-02')).toBe(-1);
    expect(compareDates('2025-01-02', '2025-01-02')).toBe(0);
    expect(compareDates('2026-01-01', '2025-12-31')).toBe(1);
    expect(maxDate('2025-01-01', '2024-12-31')).toBe('2025-01-01');
    expect(minDate('2025-01-01', '2024-12-31')).toBe('2024-12-31');
  });
});

describe('weekdays and month ends', () => {
  it.each([
    ['1970-01-01', 4, 'Thursday'],
    ['1969-12-31', 3, 'Wednesday'],
    ['2024-02-29', 4, 'Thursday'],
    ['2027-09-30', 4, 'Thursday'],
    ['2027-10-02', 6, 'Saturday'],
    ['2025-08-31', 7, 'Sunday'],
    ['2025-01-06', 1, 'Monday'],
  ])('%s is weekday %i (%s)', (date, number, name) => {
    expect(weekday(date)).toBe(number);
    expect(weekdayName(date)).toBe(name);
    expect(isWeekend(date)).toBe(number >= 6);
  });

  it('finds the last day of the month', () => {
    expect(lastDayOfMonth('2024-02-10')).toBe('2024-02-29');
    expect(lastDayOfMonth('2025-02-10')).toBe('2025-02-28');
    expect(lastDayOfMonth('2025-04-30')).toBe('2025-04-30');
    expect(isLastDayOfMonth('2025-02-28')).toBe(true);
    expect(isLastDayOfMonth('2024-02-28')).toBe(false);
    expect(isLastDayOfMonth('2025-12-31')).toBe(true);
  });
});

describe('todayIn', () => {
  const instant = new Date('2025-01-01T02:00:00Z');

  it('gives the calendar date in the organization time zone, not UTC', () => {
    expect(todayIn('America/New_York', instant)).toBe('2024-12-31');
    expect(todayIn('Europe/Berlin', instant)).toBe('2025-01-01');
    expect(todayIn('Pacific/Kiritimati', new Date('2025-01-01T11:00:00Z'))).toBe('2025-01-02');
  });
});

describe('properties', () => {
  const utcDate = fc.date({
    min: new Date('1600-01-01T00:00:00Z'),
    max: new Date('2400-12-31T00:00:00Z'),
    noInvalidDate: true,
  });

  it('day numbers agree with UTC milliseconds, and weekdays with getUTCDay', () => {
    fc.assert(
      fc.property(utcDate, (instant) => {
        const text = instant.toISOString().slice(0, 10);
        const days = Math.floor(instant.getTime() / 86_400_000);
        expect(toDayNumber(text)).toBe(days);
        expect(fromDayNumber(days)).toBe(text);
        expect(weekday(text) % 7).toBe(instant.getUTCDay());
      }),
      { numRuns: 500 },
    );
  });

  it('adding days and subtracting them again returns the date', () => {
    fc.assert(
      fc.property(utcDate, fc.integer({ min: -100_000, max: 100_000 }), (instant, days) => {
        const text = instant.toISOString().slice(0, 10);
        expect(addDays(addDays(text, days), -days)).toBe(text);
        expect(daysBetween(text, addDays(text, days))).toBe(days);
      }),
      { numRuns: 500 },
    );
  });
});
