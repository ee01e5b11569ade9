import { describe, expect, it } from 'vitest';
import { adjustDeadline, latestDayForCancellation, previousBusinessDay, proofSentence } from './deadline.js';
import { parsePeriod } from './periods.js';

const source = { rule: 'indefinite_end', alignment: 'any_day', minimumEnd: null } as const;

describe('latest day for cancellation: ldc(e) = shift(e, noticePeriod, −1)', () => {
  it.each([
    ['2025-12-31', 'P3M', '2025-09-30'],
    ['2025-03-15', 'P1M', '2025-02-15'],
    ['2025-12-31', 'P30D', '2025-12-01'],
    ['2025-03-31', 'P1M', '2025-02-28'],
    ['2024-03-31', 'P1M', '2024-02-29'],
    ['2025-03-30', 'P1M', '2025-02-28'],
    ['2025-01-19', 'P2W', '2025-01-05'],
    ['2025-02-28', 'P1Y', '2024-02-29'],
  ])('end %s, notice %s → %s', (end, notice, deadline) => {
    const proof = latestDayForCancellation(end, parsePeriod(notice), 'none', source);
    expect(proof.deadline).toBe(deadline);
    expect(proof.rawDeadline).toBe(deadline);
    expect(proof.adjustment).toBeNull();
  });
});

describe('previous_business_day', () => {
  it.each([
    ['2026-10-31', '2026-10-30'],
    ['2025-08-31', '2025-08-29'],
    ['2025-06-13', '2025-06-13'],
    ['2025-06-16', '2025-06-16'],
    ['2025-03-01', '2025-02-28'],
    ['2026-01-04', '2026-01-02'],
  ])('moves %s to %s, never later', (date, expected) => {
    expect(previousBusinessDay(date)).toBe(expected);
    expect(adjustDeadline(date, 'previous_business_day')).toBe(expected);
    expect(adjustDeadline(date, 'none')).toBe(date);
  });

  it('records the move in the proof, Saturday → Friday', () => {
    const proof = latestDayForCancellation('2027-01-31', parsePeriod('P3M'), 'previous_business_day', source);
    expect(proof).toMatchObject({
      rawDeadline: '2026-10-31',
      deadline: '2026-10-30',
      adjustment: {
        rule: 'previous_business_day',
        from: '2026-10-31',
        fromWeekday: 'Saturday',
        to: '2026-10-30',
        toWeekday: 'Friday',
      },
    });
    expect(proofSentence(proof)).toBe('end 2027-01-31 − notice 3 months = 2026-10-31; Saturday → Friday 2026-10-30');
  });

  it('records Sunday → Friday', () => {
    const proof = latestDayForCancellation('2025-11-30', parsePeriod('P3M'), 'previous_business_day', source);
    expect(proofSentence(proof)).toBe('end 2025-11-30 − notice 3 months = 2025-08-31; Sunday → Friday 2025-08-29');
  });

  it('leaves a weekday deadline alone and says nothing about it', () => {
    const proof = latestDayForCancellation('2027-12-31', parsePeriod('P3M'), 'previous_business_day', source);
    expect(proof.adjustment).toBeNull();
    expect(proofSentence(proof)).toBe('end 2027-12-31 − notice 3 months = 2027-09-30');
  });
});
