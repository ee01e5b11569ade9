import { describe, expect, it } from 'vitest';
import { upcomingDeadlines } from './events.js';
import type { LifecycleInput } from './lifecycle.js';
import { yearly } from './worked-examples.js';

function list(input: LifecycleInput, from: string, to: string, limit?: number) {
  return upcomingDeadlines(input, from, to, limit).map((e) => [e.kind, e.date, e.termIndex]);
}

describe('upcomingDeadlines', () => {
  it('lists start and end of a fixed contract within the window only', () => {
    const fixed: LifecycleInput = { type: 'fixed', startDate: '2025-01-01', endDate: '2025-12-31' };
    expect(list(fixed, '2025-01-01', '2025-12-31')).toEqual([
      ['start', '2025-01-01', null],
      ['end', '2025-12-31', null],
    ]);
    expect(list(fixed, '2025-01-02', '2025-12-30')).toEqual([]);
  });

  it('lists renewals, deadlines and the end of a contract with maxRenewals', () => {
    expect(list({ ...yearly, maxRenewals: 2 }, '2025-01-01', '2030-12-31')).toEqual([
      ['start', '2025-01-01', null],
      ['notice_deadline', '2025-09-30', 0],
      ['renewal', '2026-01-01', 1],
      ['notice_deadline', '2026-09-30', 1],
      ['renewal', '2027-01-01', 2],
      ['notice_deadline', '2027-09-30', 2],
      ['end', '2027-12-31', null],
    ]);
  });

  it('lists an open-ended contract within the window, with proofs on deadlines', () => {
    const events = upcomingDeadlines(yearly, '2026-01-01', '2027-12-31');
    expect(events.map((e) => [e.kind, e.date, e.termIndex])).toEqual([
      ['renewal', '2026-01-01', 1],
      ['notice_deadline', '2026-09-30', 1],
      ['renewal', '2027-01-01', 2],
      ['notice_deadline', '2027-09-30', 2],
    ]);
    expect(events[3]?.proof).toBe('end 2027-12-31 − notice 3 months = 2027-09-30');
    expect(events[0]?.proof).toBeNull();
  });

  it('stops at the term that notice already given ends, leaving out the deadline it met', () => {
    expect(list({ ...yearly, noticeGivenOn: '2026-09-30' }, '2025-06-01', '2030-12-31')).toEqual([
      ['notice_deadline', '2025-09-30', 0],
      ['renewal', '2026-01-01', 1],
      ['end', '2026-12-31', null],
    ]);
  });

  it('lists deadlines that lag several renewals behind', () => {
    const monthly = {
      ...yearly,
      startDate: '2024-10-01',
      endDate: '2025-01-31',
      renewalTerm: 'P1M',
      noticePeriod: 'P3M',
    };
    expect(list(monthly, '2026-01-01', '2026-01-31')).toEqual([
      ['renewal', '2026-01-01', 12],
      ['notice_deadline', '2026-01-31', 15],
    ]);
  });

  it('lists the deadlines of aligned ends of an indefinite contract', () => {
    const input: LifecycleInput = {
      type: 'indefinite',
      startDate: '2025-01-01',
      noticePeriod: 'P1M',
      noticeAlignment: 'month_end',
    };
    expect(list(input, '2025-06-01', '2025-08-31')).toEqual([
      ['notice_deadline', '2025-06-30', null],
      ['notice_deadline', '2025-07-31', null],
      ['notice_deadline', '2025-08-31', null],
    ]);
  });

  it('lists an indefinite contract up to the end that notice fixed', () => {
    const input: LifecycleInput = {
      type: 'indefinite',
      startDate: '2020-05-01',
      noticePeriod: 'P3M',
      noticeAlignment: 'quarter_end',
      noticeGivenOn: '2026-11-24',
    };
    expect(list(input, '2026-01-01', '2028-01-01')).toEqual([
      ['notice_deadline', '2026-03-31', null],
      ['notice_deadline', '2026-06-30', null],
      ['notice_deadline', '2026-09-30', null],
      ['end', '2027-03-31', null],
    ]);
  });

  it('lists no daily deadlines for an any_day indefinite contract, only the minimum term one', () => {
    const input: LifecycleInput = { type: 'indefinite', startDate: '2025-01-01', noticePeriod: 'P3M' };
    expect(list(input, '2025-02-01', '2030-01-01')).toEqual([]);
    expect(list({ ...input, endDate: '2026-12-31' }, '2025-02-01', '2030-01-01')).toEqual([
      ['notice_deadline', '2026-09-30', null],
    ]);
  });

  it('is bounded by the limit, even for daily renewals over a century', () => {
    const daily = { ...yearly, endDate: '2025-01-01', renewalTerm: 'P1D', noticePeriod: 'P1D' };
    expect(upcomingDeadlines(daily, '2025-01-01', '2125-01-01')).toHaveLength(500);
    expect(list(daily, '2025-01-01', '2125-01-01', 3)).toEqual([
      ['start', '2025-01-01', null],
      ['notice_deadline', '2025-01-01', 1],
      ['renewal', '2025-01-02', 1],
    ]);
  });

  it('returns nothing for an empty window and refuses a limit below 1', () => {
    expect(upcomingDeadlines(yearly, '2026-01-01', '2025-01-01')).toEqual([]);
    expect(() => upcomingDeadlines(yearly, '2025-01-01', '2026-01-01', 0)).toThrow(RangeError);
  });
});
