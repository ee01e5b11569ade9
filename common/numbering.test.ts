import { describe, expect, it } from 'vitest';
import { formatNumber, numberPeriod, patternProblem } from './numbering.js';

describe('patternProblem', () => {
  it.each(['CT-{YYYY}-{SEQ:5}', '{SEQ:1}', 'V/{YY}/{MM}/{SEQ:9}', 'Vertrag Nr. {SEQ:4}', 'A_{YYYY}{MM}{SEQ:3}'])(
    'accepts %s',
    (pattern) => {
      expect(patternProblem(pattern)).toBeNull();
    },
  );

  it.each([
    ['', /empty/],
    ['CT-{YYYY}', /exactly one counter/],
    ['{SEQ:3}-{SEQ:3}', /exactly one counter/],
    ['CT-{SEQ:0}', /1 to 9/],
    ['CT-{SEQ:10}', /1 to 9/],
    ['CT-{SEQ}', /exactly one counter/],
    ['CT-{DD}-{SEQ:3}', /placeholders/],
    ['CT#{SEQ:3}', /letters, digits/],
    ['{MM}-{SEQ:3}', /needs \{YYYY\}/],
    [`${'X'.repeat(55)}{SEQ:5}`, /at most 60/],
  ])('refuses %j', (pattern, problem) => {
    expect(patternProblem(pattern)).toMatch(problem);
  });
});

describe('numberPeriod', () => {
  it('is the year, the month or nothing, by the tokens used', () => {
    expect(numberPeriod('CT-{YYYY}-{SEQ:5}', '2026-03-01')).toBe('2026');
    expect(numberPeriod('CT-{YY}-{SEQ:5}', '2026-03-01')).toBe('2026');
    expect(numberPeriod('CT-{YYYY}{MM}-{SEQ:5}', '2026-03-01')).toBe('2026-03');
    expect(numberPeriod('CT-{SEQ:5}', '2026-03-01')).toBe('');
  });
});

describe('formatNumber', () => {
  it('fills year and zero-padded counter', () => {
    expect(formatNumber('CT-{YYYY}-{SEQ:5}', '2026-03-01', 42)).toBe('CT-2026-00042');
  });

  it('fills short year and month', () => {
    expect(formatNumber('V/{YY}/{MM}/{SEQ:2}', '2031-11-30', 7)).toBe('V/31/11/07');
  });

  it('lets the counter grow past its width instead of cutting it', () => {
    expect(formatNumber('{SEQ:2}', '2026-01-01', 123)).toBe('123');
  });

  it('refuses a malformed day', () => {
    expect(() => formatNumber('{SEQ:2}', '1.3.2026', 1)).toThrow();
  });
});
