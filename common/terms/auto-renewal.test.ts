import { describe, expect, it } from 'vitest';
import { computeTerms } from './engine.js';
import type { LifecycleInput } from './lifecycle.js';
import { yearly } from './worked-examples.js';

function at(input: LifecycleInput, asOf: string) {
  const { proof: _proof, proofDetail: _detail, ...dates } = computeTerms(input, asOf);
  return dates;
}

describe('auto_renewal: terms and renewals', () => {
  it('before the start: upcoming, term 0, first deadline ahead', () => {
    expect(at(yearly, '2024-12-01')).toEqual({
      currentTermStart: '2025-01-01',
      currentTermEnd: '2025-12-31',
      noticeDeadline: '2025-09-30',
      earliestEndDate: '2025-12-31',
      endsOn: null,
      renewalCount: 0,
      phase: 'upcoming',
    });
  });

  it('runs from the start day', () => {
    expect(at(yearly, '2025-01-01').phase).toBe('running');
  });

  it.each([
    ['2025-12-31', '2025-01-01', '2025-12-31', 0],
    ['2026-01-01', '2026-01-01', '2026-12-31', 1],
    ['2030-07-01', '2030-01-01', '2030-12-31', 5],
  ])('as of %s the current term is %s..%s (%i renewals)', (asOf, start, end, renewals) => {
    expect(at(yearly, asOf)).toMatchObject({ currentTermStart: start, currentTermEnd: end, renewalCount: renewals });
  });

  it('is committed to the next term once the running term deadline has passed', () => {
    expect(at(yearly, '2025-09-30')).toMatchObject({ noticeDeadline: '2025-09-30', earliestEndDate: '2025-12-31' });
    expect(at(yearly, '2025-10-01')).toMatchObject({
      currentTermEnd: '2025-12-31',
      noticeDeadline: '2026-09-30',
      earliestEndDate: '2026-12-31',
    });
  });

  it('keeps month-end anchors on month ends', () => {
    const monthly = { ...yearly, endDate: '2025-01-31', renewalTerm: 'P1M', noticePeriod: 'P1M' };
    expect(at(monthly, '2025-03-15')).toMatchObject({
      currentTermStart: '2025-03-01',
      currentTermEnd: '2025-03-31',
      renewalCount: 2,
      noticeDeadline: '2025-03-31',
      earliestEndDate: '2025-04-30',
    });
  });

  it('computes ends from the anchor, so a 30th anchor stays on the 30th', () => {
    const monthly = { ...yearly, endDate: '2025-01-30', renewalTerm: 'P1M', noticePeriod: 'P1W' };
    expect(at(monthly, '2025-03-30')).toMatchObject({ currentTermStart: '2025-03-01', currentTermEnd: '2025-03-30' });
    expect(at(monthly, '2025-03-31')).toMatchObject({ currentTermStart: '2025-03-31', currentTermEnd: '2025-04-30' });
    expect(at(monthly, '2025-05-15')).toMatchObject({ currentTermStart: '2025-05-01', currentTermEnd: '2025-05-30' });
  });

  it('renews a term ending on a leap day to Feb 28, and back to Feb 29 four years on', () => {
    const leap = { ...yearly, startDate: '2023-03-01', endDate: '2024-02-29' };
    expect(at(leap, '2025-01-10')).toMatchObject({ currentTermStart: '2024-03-01', currentTermEnd: '2025-02-28' });
    expect(at(leap, '2028-01-10')).toMatchObject({ currentTermStart: '2027-03-01', currentTermEnd: '2028-02-29' });
  });

  it('renews in weeks', () => {
    const weekly = { ...yearly, startDate: '2025-01-06', initialTerm: 'P2W', endDate: null, renewalTerm: 'P1W' };
    const input = { ...weekly, noticePeriod: 'P3D' };
    expect(at(input, '2025-02-01')).toMatchObject({
      currentTermStart: '2025-01-27',
      currentTermEnd: '2025-02-02',
      renewalCount: 2,
      noticeDeadline: '2025-02-06',
      earliestEndDate: '2025-02-09',
    });
  });

  it('finds deadlines several renewals ahead when the notice period is longer than the renewal term', () => {
    const input = { ...yearly, renewalTerm: 'P1M', noticePeriod: 'P3M' };
    expect(at(input, '2026-01-15')).toMatchObject({
      currentTermEnd: '2026-01-31',
      noticeDeadline: '2026-01-31',
      earliestEndDate: '2026-04-30',
    });
  });
});

describe('auto_renewal: maxRenewals', () => {
  const limited = { ...yearly, maxRenewals: 2 };

  it('ends after the last renewal', () => {
    expect(at(limited, '2025-06-01').endsOn).toBe('2027-12-31');
  });

  it('keeps the deadline of the last term until its very day, then has none', () => {
    expect(at(limited, '2027-09-30')).toMatchObject({ noticeDeadline: '2027-09-30', earliestEndDate: '2027-12-31' });
    expect(at(limited, '2027-10-01')).toMatchObject({
      noticeDeadline: null,
      earliestEndDate: '2027-12-31',
      endsOn: '2027-12-31',
      phase: 'running',
    });
  });

  it('is ended the day after the last term, still showing that term', () => {
    expect(at(limited, '2027-12-31').phase).toBe('running');
    expect(at(limited, '2028-01-01')).toMatchObject({
      phase: 'ended',
      currentTermStart: '2027-01-01',
      currentTermEnd: '2027-12-31',
      renewalCount: 2,
      noticeDeadline: null,
    });
  });

  it('with maxRenewals 0 ends after the initial term', () => {
    expect(at({ ...yearly, maxRenewals: 0 }, '2025-10-01')).toMatchObject({
      endsOn: '2025-12-31',
      noticeDeadline: null,
      earliestEndDate: '2025-12-31',
    });
  });
});

describe('auto_renewal: noticeGivenOn', () => {
  it('notice on the deadline day ends the running term and meets the deadline', () => {
    const input = { ...yearly, noticeGivenOn: '2026-09-30' };
    expect(at(input, '2026-09-30')).toMatchObject({
      endsOn: '2026-12-31',
      noticeDeadline: null,
      earliestEndDate: '2026-12-31',
      phase: 'notice_given',
    });
    expect(at(input, '2026-10-15')).toMatchObject({
      endsOn: '2026-12-31',
      noticeDeadline: null,
      earliestEndDate: '2026-12-31',
      phase: 'notice_given',
    });
    expect(at(input, '2027-01-01')).toMatchObject({ phase: 'ended', currentTermEnd: '2026-12-31', renewalCount: 1 });
  });

  it('notice the day after the deadline ends the following term', () => {
    const input = { ...yearly, noticeGivenOn: '2026-10-01' };
    expect(at(input, '2026-10-01')).toMatchObject({
      endsOn: '2027-12-31',
      noticeDeadline: null,
      earliestEndDate: '2027-12-31',
      phase: 'notice_given',
    });
    expect(at(input, '2027-01-01')).toMatchObject({ phase: 'notice_given', renewalCount: 2 });
    expect(at(input, '2028-01-01').phase).toBe('ended');
  });

  it('does not count notice as of a day before it was given', () => {
    expect(at({ ...yearly, noticeGivenOn: '2026-09-30' }, '2026-09-29')).toMatchObject({
      endsOn: null,
      noticeDeadline: '2026-09-30',
      phase: 'running',
    });
  });

  it('has no deadline left once notice is given well ahead of it', () => {
    expect(at({ ...yearly, noticeGivenOn: '2026-03-01' }, '2026-03-02')).toMatchObject({
      endsOn: '2026-12-31',
      noticeDeadline: null,
      earliestEndDate: '2026-12-31',
      phase: 'notice_given',
    });
  });

  it('is capped at the last term allowed by maxRenewals', () => {
    const input = { ...yearly, maxRenewals: 1, noticeGivenOn: '2026-11-01' };
    expect(at(input, '2026-11-02')).toMatchObject({
      endsOn: '2026-12-31',
      noticeDeadline: null,
      phase: 'notice_given',
    });
  });
});

describe('auto_renewal: previous_business_day', () => {
  const input: LifecycleInput = {
    ...yearly,
    startDate: '2026-02-01',
    endDate: '2027-01-31',
    deadlineAdjustment: 'previous_business_day',
  };

  it('moves a Saturday deadline to Friday and proves it', () => {
    const computed = computeTerms(input, '2026-06-01');
    expect(computed.noticeDeadline).toBe('2026-10-30');
    expect(computed.proof).toBe('end 2027-01-31 − notice 3 months = 2026-10-31; Saturday → Friday 2026-10-30');
  });

  it('treats the moved deadline as passed on the Saturday itself', () => {
    expect(at(input, '2026-10-30').noticeDeadline).toBe('2026-10-30');
    expect(at(input, '2026-10-31')).toMatchObject({ noticeDeadline: '2027-10-29', earliestEndDate: '2028-01-31' });
    expect(at({ ...input, deadlineAdjustment: 'none' }, '2026-10-31').noticeDeadline).toBe('2026-10-31');
  });

  it('counts notice given on the Saturday as too late for that term', () => {
    expect(at({ ...input, noticeGivenOn: '2026-10-31' }, '2026-11-01').endsOn).toBe('2028-01-31');
    expect(at({ ...input, noticeGivenOn: '2026-10-30' }, '2026-11-01').endsOn).toBe('2027-01-31');
  });
});
