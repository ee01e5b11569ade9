import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lifecycle, offset, RUNS } from './arbitraries.js';
import { addDays, isAfter, isBefore, isLastDayOfMonth, isWeekend } from './dates.js';
import { latestDayForCancellation } from './deadline.js';
import { computeTerms } from './engine.js';
import { upcomingDeadlines } from './events.js';
import { alignUp } from './indefinite.js';
import { initialTermEnd } from './lifecycle.js';
import { parsePeriod, shift } from './periods.js';

const withAsOf = fc
  .tuple(lifecycle, offset(-400, 5000))
  .map(([input, days]) => ({ input, asOf: addDays(input.startDate, days) }));

describe('engine properties over random valid lifecycles', () => {
  it('a notice deadline is never after the end it belongs to, and never before asOf', () => {
    fc.assert(
      fc.property(withAsOf, ({ input, asOf }) => {
        const c = computeTerms(input, asOf);
        if (c.noticeDeadline === null) return;
        expect(c.proofDetail?.end).toBe(c.earliestEndDate);
        expect(isBefore(c.noticeDeadline, c.earliestEndDate!)).toBe(true);
        expect(isBefore(c.noticeDeadline, asOf)).toBe(false);
        if (c.endsOn) expect(isAfter(c.earliestEndDate!, c.endsOn)).toBe(false);
      }),
      RUNS,
    );
  });

  it('the phase agrees with the dates', () => {
    fc.assert(
      fc.property(withAsOf, ({ input, asOf }) => {
        const c = computeTerms(input, asOf);
        const upcoming = isBefore(asOf, input.startDate);
        const ended = !upcoming && c.endsOn !== null && isAfter(asOf, c.endsOn);
        const noticeGiven = input.noticeGivenOn != null && !isAfter(input.noticeGivenOn, asOf);
        const expected = upcoming ? 'upcoming' : ended ? 'ended' : noticeGiven ? 'notice_given' : 'running';
        expect(c.phase).toBe(expected);
        if (c.phase === 'ended') expect(c.noticeDeadline).toBeNull();
        // Notice given meets the deadline and fixes the end: never "open-ended", nothing left to remind of.
        if (noticeGiven) expect([c.noticeDeadline, c.endsOn !== null]).toEqual([null, true]);
        if (c.currentTermStart && c.currentTermEnd) expect(isAfter(c.currentTermStart, c.currentTermEnd)).toBe(false);
        const inTerm = input.type !== 'indefinite' && (c.phase === 'running' || c.phase === 'notice_given');
        if (inTerm) expect(!isBefore(asOf, c.currentTermStart!) && !isAfter(asOf, c.currentTermEnd!)).toBe(true);
      }),
      RUNS,
    );
  });

  it('auto_renewal: the current term comes from the anchor, and the deadline is the first one not yet passed', () => {
    const autoRenewal = withAsOf.filter(({ input }) => input.type === 'auto_renewal');
    fc.assert(
      fc.property(autoRenewal, ({ input, asOf }) => {
        const c = computeTerms(input, asOf);
        const anchor = computeTerms(input, input.startDate).currentTermEnd!;
        const renewal = parsePeriod(input.renewalTerm!);
        expect(c.currentTermEnd).toBe(shift(anchor, renewal, c.renewalCount!));
        if (isLastDayOfMonth(anchor) && renewal.unit !== 'D' && renewal.unit !== 'W') {
          expect(isLastDayOfMonth(c.currentTermEnd!)).toBe(true);
        }
        const source = c.proofDetail?.endSource;
        if (source?.rule !== 'renewal_end' || source.renewals === 0) return;
        const notice = parsePeriod(input.noticePeriod!);
        const previousEnd = shift(anchor, renewal, source.renewals - 1);
        const previous = latestDayForCancellation(previousEnd, notice, input.deadlineAdjustment ?? 'none', source);
        expect(isBefore(previous.deadline, asOf)).toBe(true);
      }),
      RUNS,
    );
  });

  it('with previous_business_day a deadline is never later than the raw one and never on a weekend', () => {
    const adjusted = withAsOf.map(({ input, asOf }) => ({
      input: { ...input, deadlineAdjustment: 'previous_business_day' as const },
      asOf,
    }));
    fc.assert(
      fc.property(adjusted, ({ input, asOf }) => {
        const { proofDetail } = computeTerms(input, asOf);
        if (!proofDetail) return;
        expect(isAfter(proofDetail.deadline, proofDetail.rawDeadline)).toBe(false);
        expect(isWeekend(proofDetail.deadline)).toBe(false);
      }),
      RUNS,
    );
  });

  it('indefinite: the earliest end is aligned, at least a notice period ahead, and not before the aligned minimum term', () => {
    const indefinite = withAsOf.filter(({ input }) => input.type === 'indefinite');
    fc.assert(
      fc.property(indefinite, ({ input, asOf }) => {
        const c = computeTerms(input, asOf);
        const alignment = input.noticeAlignment ?? 'any_day';
        if (c.earliestEndDate === null) return;
        expect(alignUp(c.earliestEndDate, alignment)).toBe(c.earliestEndDate);
        const from = isBefore(asOf, input.startDate) ? input.startDate : asOf;
        const byNotice = shift(from, parsePeriod(input.noticePeriod!));
        if (c.noticeDeadline) expect(isBefore(c.earliestEndDate, byNotice)).toBe(false);
        const term = input.initialTerm ? initialTermEnd(input.startDate, parsePeriod(input.initialTerm)) : null;
        const minimumEnd = input.endDate ?? term;
        if (minimumEnd) expect(isBefore(c.earliestEndDate, alignUp(minimumEnd, alignment))).toBe(false);
      }),
      RUNS,
    );
  });

  it('deadlines never move back in time as asOf moves forward', () => {
    fc.assert(
      fc.property(withAsOf, offset(0, 800), ({ input, asOf }, later) => {
        const first = computeTerms(input, asOf).noticeDeadline;
        const second = computeTerms(input, addDays(asOf, later)).noticeDeadline;
        if (first && second) expect(isBefore(second, first)).toBe(false);
      }),
      RUNS,
    );
  });

  it('every listed notice deadline is the deadline computeTerms shows on that day', () => {
    fc.assert(
      fc.property(withAsOf, offset(0, 1500), ({ input, asOf }, span) => {
        const to = addDays(asOf, span);
        const events = upcomingDeadlines(input, asOf, to, 50);
        expect(events.length).toBeLessThanOrEqual(50);
        for (const [i, event] of events.entries()) {
          expect(isBefore(event.date, asOf) || isAfter(event.date, to)).toBe(false);
          if (i > 0) expect(isBefore(event.date, events[i - 1]!.date)).toBe(false);
          if (event.kind === 'notice_deadline') expect(computeTerms(input, event.date).noticeDeadline).toBe(event.date);
        }
      }),
      RUNS,
    );
  });
});
