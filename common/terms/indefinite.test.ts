import { describe, expect, it } from 'vitest';
import { computeTerms } from './engine.js';
import { alignUp } from './indefinite.js';
import type { LifecycleInput } from './lifecycle.js';

const base: LifecycleInput = { type: 'indefinite', startDate: '2025-01-01', noticePeriod: 'P3M' };

function at(input: LifecycleInput, asOf: string) {
  const { proof: _proof, proofDetail: _detail, ...dates } = computeTerms(input, asOf);
  return dates;
}

describe('alignUp', () => {
  it.each([
    ['2025-05-10', 'any_day', '2025-05-10'],
    ['2025-05-10', 'month_end', '2025-05-31'],
    ['2025-05-31', 'month_end', '2025-05-31'],
    ['2024-02-03', 'month_end', '2024-02-29'],
    ['2025-05-10', 'quarter_end', '2025-06-30'],
    ['2025-01-01', 'quarter_end', '2025-03-31'],
    ['2025-09-30', 'quarter_end', '2025-09-30'],
    ['2025-10-01', 'quarter_end', '2025-12-31'],
    ['2025-05-10', 'year_end', '2025-12-31'],
    ['2025-12-31', 'year_end', '2025-12-31'],
  ] as const)('%s aligned to %s is %s', (date, alignment, expected) => {
    expect(alignUp(date, alignment)).toBe(expected);
  });
});

describe('indefinite: earliest end and deadline', () => {
  it('any_day: notice today ends the contract one notice period later', () => {
    expect(at({ ...base, noticePeriod: 'P30D' }, '2025-06-10')).toEqual({
      currentTermStart: '2025-01-01',
      currentTermEnd: null,
      noticeDeadline: '2025-06-10',
      earliestEndDate: '2025-07-10',
      endsOn: null,
      renewalCount: 0,
      phase: 'running',
    });
  });

  it.each([
    ['month_end', 'P1M', '2025-06-30', '2025-07-31'],
    ['quarter_end', 'P3M', '2025-06-30', '2025-09-30'],
    ['year_end', 'P3M', '2025-09-30', '2025-12-31'],
  ] as const)(
    '%s with notice %s as of 2025-06-10: deadline %s, earliest end %s',
    (alignment, notice, deadline, end) => {
      const input = { ...base, noticePeriod: notice, noticeAlignment: alignment };
      expect(at(input, '2025-06-10')).toMatchObject({ noticeDeadline: deadline, earliestEndDate: end });
    },
  );

  it('year_end: once the year’s deadline passed, the next year end is the earliest', () => {
    const input = { ...base, noticeAlignment: 'year_end' } as const;
    expect(at(input, '2025-09-30')).toMatchObject({ noticeDeadline: '2025-09-30', earliestEndDate: '2025-12-31' });
    expect(at(input, '2025-10-01')).toMatchObject({ noticeDeadline: '2026-09-30', earliestEndDate: '2026-12-31' });
  });

  it('before the start: upcoming, counting the notice from the start date', () => {
    expect(at(base, '2024-11-01')).toMatchObject({
      phase: 'upcoming',
      noticeDeadline: '2025-01-01',
      earliestEndDate: '2025-04-01',
    });
  });
});

describe('indefinite: minimum term', () => {
  const minimum = { ...base, endDate: '2026-12-31' };

  it('cannot end before the minimum term', () => {
    expect(at(minimum, '2025-03-01')).toMatchObject({ noticeDeadline: '2026-09-30', earliestEndDate: '2026-12-31' });
  });

  it('runs on by notice after the minimum term deadline', () => {
    expect(at(minimum, '2026-09-30')).toMatchObject({ noticeDeadline: '2026-09-30', earliestEndDate: '2026-12-31' });
    expect(at(minimum, '2026-10-01')).toMatchObject({ noticeDeadline: '2026-10-01', earliestEndDate: '2027-01-01' });
  });

  it('takes a minimum term given as initialTerm', () => {
    const input = { ...base, initialTerm: 'P2Y' };
    expect(at(input, '2025-03-01')).toMatchObject({ noticeDeadline: '2026-09-30', earliestEndDate: '2026-12-31' });
  });

  it('aligns the minimum term end too', () => {
    const input = { ...base, endDate: '2026-11-15', noticeAlignment: 'quarter_end' } as const;
    expect(at(input, '2025-03-01')).toMatchObject({ noticeDeadline: '2026-09-30', earliestEndDate: '2026-12-31' });
  });

  it('with month_end alignment after the minimum term', () => {
    const input = { ...base, endDate: '2025-06-30', noticePeriod: 'P1M', noticeAlignment: 'month_end' } as const;
    expect(at(input, '2025-01-10')).toMatchObject({ noticeDeadline: '2025-05-31', earliestEndDate: '2025-06-30' });
    expect(at(input, '2025-06-01')).toMatchObject({ noticeDeadline: '2025-06-30', earliestEndDate: '2025-07-31' });
  });
});

describe('indefinite: deadline before asOf moves to the next aligned end', () => {
  it('a Saturday deadline moved to Friday has passed on Saturday; the next end whose deadline is ahead counts', () => {
    const input = { ...base, noticePeriod: 'P1M', deadlineAdjustment: 'previous_business_day' } as const;
    const computed = computeTerms(input, '2025-06-14');
    expect(computed).toMatchObject({ noticeDeadline: '2025-06-16', earliestEndDate: '2025-07-16' });
    expect(computed.proof).toBe('end 2025-07-16 − notice 1 month = 2025-06-16');
  });

  it('month_end: a month-end deadline on a Sunday moves to Friday, and from Saturday on the next month counts', () => {
    const input = {
      ...base,
      noticePeriod: 'P3M',
      noticeAlignment: 'month_end',
      deadlineAdjustment: 'previous_business_day',
    } as const;
    expect(computeTerms(input, '2025-08-29').proof).toBe(
      'end 2025-11-30 − notice 3 months = 2025-08-31; Sunday → Friday 2025-08-29',
    );
    expect(at(input, '2025-08-30')).toMatchObject({ noticeDeadline: '2025-09-30', earliestEndDate: '2025-12-31' });
  });
});

describe('indefinite: noticeGivenOn', () => {
  const quarterly = { ...base, noticeAlignment: 'quarter_end', noticeGivenOn: '2026-11-24' } as const;

  it('ends on the earliest end after notice, with the deadline met', () => {
    expect(at(quarterly, '2026-11-24')).toMatchObject({
      endsOn: '2027-03-31',
      currentTermEnd: '2027-03-31',
      noticeDeadline: null,
      earliestEndDate: '2027-03-31',
      phase: 'notice_given',
    });
  });

  it('has no deadline once only ends after the notice end remain', () => {
    expect(at(quarterly, '2027-01-05')).toMatchObject({
      endsOn: '2027-03-31',
      noticeDeadline: null,
      earliestEndDate: '2027-03-31',
      phase: 'notice_given',
    });
    expect(at(quarterly, '2027-03-31').phase).toBe('notice_given');
    expect(at(quarterly, '2027-04-01').phase).toBe('ended');
  });

  it('ignores notice as of a day before it was given', () => {
    expect(at(quarterly, '2026-11-23')).toMatchObject({ endsOn: null, phase: 'running' });
  });

  it('notice during the minimum term ends at the minimum term end', () => {
    expect(at({ ...base, endDate: '2026-12-31', noticeGivenOn: '2025-03-01' }, '2025-03-02')).toMatchObject({
      endsOn: '2026-12-31',
      phase: 'notice_given',
    });
  });

  it('notice on the start date counts from the start date', () => {
    expect(at({ ...base, noticeGivenOn: '2025-01-01' }, '2025-01-01').endsOn).toBe('2025-04-01');
  });
});
