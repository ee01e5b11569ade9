import { describe, expect, it } from 'vitest';
import { computeTerms } from './engine.js';
import type { LifecycleInput } from './lifecycle.js';
import { TermsInputError } from './resolve.js';
import { yearly } from './worked-examples.js';

describe('worked examples of terms.md', () => {
  it('auto_renewal, start 2025-01-01, end 2025-12-31, renew P1Y, notice P3M, as of 2026-11-24', () => {
    const computed = computeTerms(yearly, '2026-11-24');
    expect(computed).toMatchObject({
      currentTermStart: '2026-01-01',
      currentTermEnd: '2026-12-31',
      renewalCount: 1,
      noticeDeadline: '2027-09-30',
      earliestEndDate: '2027-12-31',
      endsOn: null,
      phase: 'running',
    });
    // The proof says why the deadline belongs to 2027: the current term's deadline passed unused.
    expect(computed.proof).toBe(
      'deadline 2026-09-30 passed without notice, so the contract runs to 2027-12-31; ' +
        'end 2027-12-31 − notice 3 months = 2027-09-30',
    );
    expect(computed.proofDetail?.lapsed).toEqual({ deadline: '2026-09-30', end: '2026-12-31' });
  });

  it('proves a deadline of the current term without a lapsed step', () => {
    const computed = computeTerms(yearly, '2026-06-01');
    expect(computed.proof).toBe('end 2026-12-31 − notice 3 months = 2026-09-30');
    expect(computed.proofDetail?.lapsed).toBeNull();
  });

  it('indefinite, start 2020-05-01, notice P3M, quarter_end, as of 2026-11-24', () => {
    const input: LifecycleInput = {
      type: 'indefinite',
      startDate: '2020-05-01',
      noticePeriod: 'P3M',
      noticeAlignment: 'quarter_end',
    };
    expect(computeTerms(input, '2026-11-24')).toMatchObject({
      noticeDeadline: '2026-12-31',
      earliestEndDate: '2027-03-31',
      endsOn: null,
      phase: 'running',
    });
  });

  it('fixed, start 2026-01-15, initialTerm P6M, as of 2026-11-24', () => {
    expect(computeTerms({ type: 'fixed', startDate: '2026-01-15', initialTerm: 'P6M' }, '2026-11-24')).toEqual({
      currentTermStart: '2026-01-15',
      currentTermEnd: '2026-07-14',
      noticeDeadline: null,
      earliestEndDate: '2026-07-14',
      endsOn: '2026-07-14',
      renewalCount: 0,
      phase: 'ended',
      proof: null,
      proofDetail: null,
    });
  });
});

describe('an initial term ends at shift(startDate − 1 day, initialTerm)', () => {
  it.each([
    ['2025-01-01', 'P1Y', '2025-12-31'],
    ['2025-03-01', 'P1M', '2025-03-31'],
    ['2025-01-31', 'P1M', '2025-02-28'],
    ['2024-01-31', 'P1M', '2024-02-29'],
    ['2024-02-29', 'P1Y', '2025-02-28'],
    ['2025-01-06', 'P2W', '2025-01-19'],
    ['2025-01-01', 'P90D', '2025-03-31'],
  ])('start %s + %s ends %s', (startDate, initialTerm, end) => {
    expect(computeTerms({ type: 'fixed', startDate, initialTerm }, startDate).endsOn).toBe(end);
  });
});

describe('fixed', () => {
  const input: LifecycleInput = { type: 'fixed', startDate: '2025-01-01', endDate: '2025-12-31' };

  it.each([
    ['2024-12-31', 'upcoming'],
    ['2025-01-01', 'running'],
    ['2025-12-31', 'running'],
    ['2026-01-01', 'ended'],
  ])('as of %s is %s, always ending on its end date with no notice deadline', (asOf, phase) => {
    expect(computeTerms(input, asOf)).toMatchObject({
      phase,
      currentTermStart: '2025-01-01',
      currentTermEnd: '2025-12-31',
      endsOn: '2025-12-31',
      earliestEndDate: '2025-12-31',
      noticeDeadline: null,
      renewalCount: 0,
    });
  });

  it('has no notice deadline even with a notice period', () => {
    expect(computeTerms({ ...input, noticePeriod: 'P1M' }, '2025-06-01').noticeDeadline).toBeNull();
  });

  it('shows notice given from the day it was given until it ends', () => {
    const given = { ...input, noticeGivenOn: '2025-06-01' };
    expect(computeTerms(given, '2025-05-31').phase).toBe('running');
    expect(computeTerms(given, '2025-06-01').phase).toBe('notice_given');
    expect(computeTerms(given, '2025-12-31').phase).toBe('notice_given');
    expect(computeTerms(given, '2026-01-01').phase).toBe('ended');
  });
});

describe('input checks', () => {
  it('throws TermsInputError listing every problem', () => {
    const run = () => computeTerms({ ...yearly, renewalTerm: 'P0Y', noticeGivenOn: '2024-01-01' }, '2025-01-01');
    expect(run).toThrow(TermsInputError);
    try {
      run();
    } catch (error) {
      expect((error as TermsInputError).issues).toEqual([
        { field: 'renewalTerm', rule: 'invalid_period', message: 'must be at least 1 unit long' },
        {
          field: 'noticeGivenOn',
          rule: 'notice_given_before_start',
          message: 'must be on or after startDate 2025-01-01',
        },
      ]);
    }
  });

  it('refuses an asOf that is not a date', () => {
    expect(() => computeTerms(yearly, '2025-02-30')).toThrow(RangeError);
  });
});
