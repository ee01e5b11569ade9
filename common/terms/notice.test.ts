import { describe, expect, it } from 'vitest';
import { noticeOutcome, previewNotice } from './notice.js';
import { yearly } from './worked-examples.js';

describe('noticeOutcome', () => {
  it('notice on the running term deadline ends that term', () => {
    expect(noticeOutcome(yearly, '2026-09-30')).toEqual({
      givenOn: '2026-09-30',
      endsOn: '2026-12-31',
      termEnd: '2026-12-31',
      termsLater: 0,
      late: false,
    });
  });

  it('notice the day after the deadline ends one term later, and says so', () => {
    expect(noticeOutcome(yearly, '2026-10-01')).toEqual({
      givenOn: '2026-10-01',
      endsOn: '2027-12-31',
      termEnd: '2026-12-31',
      termsLater: 1,
      late: true,
    });
  });

  it('counts several terms when the notice period is longer than the renewal term', () => {
    const monthly = { ...yearly, renewalTerm: 'P1M', noticePeriod: 'P3M' };
    // Term 2026-06-01..2026-06-30; the 2026-09-30 end is the first whose deadline is still ahead.
    expect(noticeOutcome(monthly, '2026-06-15')).toMatchObject({
      endsOn: '2026-09-30',
      termEnd: '2026-06-30',
      termsLater: 3,
      late: true,
    });
  });

  it('is never late once maxRenewals caps the contract', () => {
    expect(noticeOutcome({ ...yearly, maxRenewals: 1 }, '2026-11-01')).toMatchObject({
      endsOn: '2026-12-31',
      termsLater: 0,
      late: false,
    });
  });

  it('is never late for an indefinite or a fixed contract', () => {
    const indefinite = { type: 'indefinite', startDate: '2020-05-01', noticePeriod: 'P3M' } as const;
    expect(noticeOutcome(indefinite, '2026-11-24')).toMatchObject({ endsOn: '2027-02-24', late: false });
    const fixed = { type: 'fixed', startDate: '2026-01-01', endDate: '2026-12-31' } as const;
    expect(noticeOutcome(fixed, '2026-03-01')).toMatchObject({ endsOn: '2026-12-31', late: false });
  });
});

describe('previewNotice', () => {
  it('refuses a day after today, an empty or impossible day, and a day before the start', () => {
    expect(previewNotice(yearly, '2026-12-07', '2026-12-06')).toEqual({ ok: false, rule: 'notice_in_future' });
    expect(previewNotice(yearly, '', '2026-12-06')).toEqual({ ok: false, rule: 'required' });
    expect(previewNotice(yearly, '2026-02-30', '2026-12-06')).toEqual({ ok: false, rule: 'invalid_date' });
    expect(previewNotice(yearly, '2024-12-31', '2026-12-06')).toEqual({
      ok: false,
      rule: 'notice_given_before_start',
    });
  });

  it('says when notice after the deadline ends the contract a term later', () => {
    expect(previewNotice(yearly, '2026-12-06', '2026-12-06')).toEqual({
      ok: true,
      outcome: { givenOn: '2026-12-06', endsOn: '2027-12-31', termEnd: '2026-12-31', termsLater: 1, late: true },
    });
    expect(previewNotice(yearly, '2026-09-30', '2026-12-06')).toMatchObject({
      ok: true,
      outcome: { endsOn: '2026-12-31', late: false },
    });
  });
});
