import { describe, expect, it } from 'vitest';
import type { DeadlineProof } from '../../../../common/terms/deadline.js';
import { mailProof } from './proof.js';

const adjusted: DeadlineProof = {
  rule: 'latest_day_for_cancellation',
  end: '2027-12-31',
  endSource: { rule: 'renewal_end', anchor: '2025-12-31', renewalTerm: 'P1Y', renewals: 2 },
  noticePeriod: 'P3M',
  rawDeadline: '2027-10-02',
  adjustment: {
    rule: 'previous_business_day',
    from: '2027-10-02',
    fromWeekday: 'Saturday',
    to: '2027-10-01',
    toWeekday: 'Friday',
  },
  deadline: '2027-10-01',
  lapsed: { deadline: '2026-10-02', end: '2027-12-31' },
};

describe('mailProof', () => {
  it('words the proof in the mail’s language with its dates, the lapsed deadline and the weekend step', () => {
    expect(mailProof('en', adjusted)).toBe(
      'the deadline 2 October 2026 passed without notice, so the contract runs to 31 December 2027; ' +
        'end 31 December 2027 − notice 3 months = 2 October 2027; Saturday → Friday 1 October 2027',
    );
    expect(mailProof('de', adjusted)).toBe(
      'der letzte Kündigungstag 2. Oktober 2026 verstrich ohne Kündigung, daher läuft der Vertrag bis 31. Dezember 2027; ' +
        'Ende 31. Dezember 2027 − Kündigungsfrist 3 Monate = 2. Oktober 2027; Samstag → Freitag 1. Oktober 2027',
    );
  });

  it('says one month, one day in the singular', () => {
    const plain = { ...adjusted, noticePeriod: 'P1M', adjustment: null, lapsed: null, rawDeadline: '2027-11-30' };
    expect(mailProof('de', plain)).toBe('Ende 31. Dezember 2027 − Kündigungsfrist 1 Monat = 30. November 2027');
    expect(mailProof('en', { ...plain, noticePeriod: 'P1D' })).toBe(
      'end 31 December 2027 − notice 1 day = 30 November 2027',
    );
  });
});
