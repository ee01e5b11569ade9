import { describe, expect, it } from 'vitest';
import { addMonths, describePeriod, formatPeriod, parsePeriod, periodProblem, shift } from './periods.js';

const P = parsePeriod;

describe('parsePeriod', () => {
  it.each([
    ['P30D', { count: 30, unit: 'D' }],
    ['P2W', { count: 2, unit: 'W' }],
    ['P3M', { count: 3, unit: 'M' }],
    ['P1Y', { count: 1, unit: 'Y' }],
    ['P9999D', { count: 9999, unit: 'D' }],
  ])('accepts %s', (text, period) => {
    expect(parsePeriod(text)).toEqual(period);
    expect(formatPeriod(parsePeriod(text))).toBe(text);
  });

  it.each([
    ['P0M', 'must be at least 1 unit long'],
    ['P0D', 'must be at least 1 unit long'],
    ['P1M2D', 'must use a single unit, e.g. P30D, P2W, P3M or P1Y, not a combination'],
    ['P1Y2M', 'must use a single unit, e.g. P30D, P2W, P3M or P1Y, not a combination'],
    ['P1.5M', 'must use a whole number, e.g. P6M instead of P0.5Y'],
    ['P1,5M', 'must use a whole number, e.g. P6M instead of P0.5Y'],
    ['p3m', 'must be written in capitals, e.g. P30D, P2W, P3M or P1Y'],
    ['P3m', 'must be written in capitals, e.g. P30D, P2W, P3M or P1Y'],
    ['PT1H', 'must not use hours, minutes or seconds; use days, weeks, months or years'],
    ['P1DT12H', 'must not use hours, minutes or seconds; use days, weeks, months or years'],
    ['3M', 'must start with P, e.g. P30D, P2W, P3M or P1Y'],
    ['P-1M', 'must be positive'],
    ['P01M', 'must not have leading zeros'],
    ['P10000D', 'must not exceed 9999 units'],
    [' P1M', 'must not contain spaces'],
    ['', 'must be a period, e.g. P30D, P2W, P3M or P1Y'],
    ['P', 'must be a period with one unit, e.g. P30D, P2W, P3M or P1Y'],
    ['P3Q', 'must be a period with one unit, e.g. P30D, P2W, P3M or P1Y'],
  ])('refuses %j: %s', (text, problem) => {
    expect(periodProblem(text)).toBe(problem);
    expect(() => parsePeriod(text)).toThrow(problem);
  });

  it('describes periods in words', () => {
    expect(describePeriod(P('P3M'))).toBe('3 months');
    expect(describePeriod(P('P1Y'))).toBe('1 year');
    expect(describePeriod(P('P30D'))).toBe('30 days');
    expect(describePeriod(P('P1W'))).toBe('1 week');
  });
});

describe('shift', () => {
  it.each([
    ['2025-12-31', 'P30D', -1, '2025-12-01'],
    ['2025-01-01', 'P30D', 2, '2025-03-02'],
    ['2025-01-06', 'P2W', 1, '2025-01-20'],
    ['2025-01-06', 'P1W', -1, '2024-12-30'],
    ['2025-06-15', 'P3M', 0, '2025-06-15'],
  ])('%s by %s × %i = %s (days and weeks are plain day arithmetic)', (date, period, k, expected) => {
    expect(shift(date, P(period), k)).toBe(expected);
  });

  it.each([
    ['2025-01-30', 'P1M', 1, '2025-02-28'],
    ['2024-01-30', 'P1M', 1, '2024-02-29'],
    ['2025-01-31', 'P1M', 1, '2025-02-28'],
    ['2024-01-31', 'P1M', 1, '2024-02-29'],
    ['2025-02-28', 'P1M', 1, '2025-03-31'],
    ['2024-02-28', 'P1M', 1, '2024-03-28'],
    ['2025-04-30', 'P1M', 1, '2025-05-31'],
    ['2025-03-31', 'P1M', -1, '2025-02-28'],
    ['2025-03-30', 'P1M', -1, '2025-02-28'],
    ['2025-05-15', 'P1M', -1, '2025-04-15'],
    ['2027-12-31', 'P3M', -1, '2027-09-30'],
    ['2025-11-30', 'P3M', -1, '2025-08-31'],
    ['2025-03-31', 'P1M', 11, '2026-02-28'],
    ['2025-08-31', 'P6M', 1, '2026-02-28'],
  ])('%s by %s × %i = %s (month-end rule, otherwise clamp)', (date, period, k, expected) => {
    expect(shift(date, P(period), k)).toBe(expected);
  });

  it.each([
    ['2024-02-29', 'P1Y', 1, '2025-02-28'],
    ['2024-02-29', 'P4Y', 1, '2028-02-29'],
    ['2024-02-29', 'P1Y', -1, '2023-02-28'],
    ['2025-02-28', 'P1Y', 3, '2028-02-29'],
    ['2024-02-28', 'P1Y', 1, '2025-02-28'],
    ['2025-01-01', 'P1Y', 1, '2026-01-01'],
    ['2025-12-31', 'P1Y', 2, '2027-12-31'],
  ])('%s by %s × %i = %s (years across leap days)', (date, period, k, expected) => {
    expect(shift(date, P(period), k)).toBe(expected);
  });

  it('moves months across year boundaries in both directions', () => {
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
    expect(addMonths('2025-02-15', -3)).toBe('2024-11-15');
    expect(addMonths('2025-01-15', -13)).toBe('2023-12-15');
    expect(addMonths('2025-01-15', 120)).toBe('2035-01-15');
  });

  it('refuses a fractional multiplier and a result beyond the year 9999', () => {
    expect(() => shift('2025-01-01', P('P1M'), 1.5)).toThrow(RangeError);
    expect(() => shift('9999-06-01', P('P1Y'), 1)).toThrow(RangeError);
  });
});

describe('renewal ends from the anchor never drift', () => {
  it('keeps the anchor day where repeated addition would drift to month ends', () => {
    const month = P('P1M');
    expect(shift('2025-01-30', month, 2)).toBe('2025-03-30');
    expect(shift(shift('2025-01-30', month, 1), month, 1)).toBe('2025-03-31');
  });

  it('keeps a Feb 28 month-end anchor on month ends', () => {
    const month = P('P1M');
    expect(shift('2025-02-28', month, 1)).toBe('2025-03-31');
    expect(shift('2025-02-28', month, 2)).toBe('2025-04-30');
    expect(shift('2025-02-28', month, 12)).toBe('2026-02-28');
    expect(shift('2025-02-28', month, 36)).toBe('2028-02-29');
  });

  it('keeps a Feb 28 anchor that is not a month end on the 28th', () => {
    const month = P('P1M');
    expect(shift('2024-02-28', month, 1)).toBe('2024-03-28');
    expect(shift('2024-02-28', month, 12)).toBe('2025-02-28');
    expect(shift('2024-02-28', month, 13)).toBe('2025-03-28');
  });
});
