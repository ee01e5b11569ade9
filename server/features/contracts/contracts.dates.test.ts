import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lifecycle, offset, RUNS } from '../../../common/terms/arbitraries.js';
import { addDays } from '../../../common/terms/dates.js';
import { lifecycleSchema } from '../../../common/terms/lifecycle.js';
import { mayHaveRolledOver, storedDates } from './contracts.dates.js';

const case_ = fc
  .tuple(lifecycle, offset(-400, 5000), fc.oneof(offset(1, 30), offset(1, 2000)))
  .map(([input, from, days]) => ({
    lifecycle: lifecycleSchema.parse(input),
    day: addDays(input.startDate, from),
    days,
  }));

describe('stored dates', () => {
  it('stay true on every later day until mayHaveRolledOver says otherwise, so the refresh may skip the rest', () => {
    fc.assert(
      fc.property(case_, ({ lifecycle, day, days }) => {
        const stored = storedDates(lifecycle, day);
        const later = addDays(day, days);
        if (mayHaveRolledOver(stored, lifecycle, later)) return;
        expect({ ...storedDates(lifecycle, later), computedOn: day }).toEqual(stored);
      }),
      RUNS,
    );
  });

  it('roll over once the notice deadline has passed', () => {
    const yearly = lifecycleSchema.parse({
      type: 'auto_renewal',
      startDate: '2025-01-01',
      endDate: '2025-12-31',
      renewalTerm: 'P1Y',
      noticePeriod: 'P3M',
    });
    const stored = storedDates(yearly, '2025-06-01');
    expect(stored.noticeDeadline).toBe('2025-09-30');
    expect(mayHaveRolledOver(stored, yearly, '2025-09-30')).toBe(false);
    expect(mayHaveRolledOver(stored, yearly, '2025-10-01')).toBe(true);
    expect(storedDates(yearly, '2025-10-01').noticeDeadline).toBe('2026-09-30');
  });
});
