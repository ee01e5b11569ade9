import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fromDayNumber, isAfter, isBefore, isLastDayOfMonth, isWeekend, toDayNumber } from './dates.js';
import { latestDayForCancellation } from './deadline.js';
import { computeTerms } from './engine.js';
import { upcomingDeadlines } from './events.js';
import { alignUp } from './indefinite.js';
import { initialTermEnd, type LifecycleInput, lifecycleSchema } from './lifecycle.js';
import { parsePeriod, shift } from './periods.js';

const RUNS = { numRuns: 500 };

const date = fc.integer({ min: toDayNumber('1990-01-01'), max: toDayNumber('2090-12-31') }).map(fromDayNumber);
const monthEnd = date.map((d) => addDays(`${d.slice(0, 8)}01`, -1));
const startDate = fc.oneof(
  date,
  monthEnd.map((d) => addDays(d, 1)),
);
const periodText = fc.oneof(
  fc.integer({ min: 1, max: 120 }).map((n) => `P${n}D`),
  fc.integer({ min: 1, max: 16 }).map((n) => `P${n}W`),
  fc.integer({ min: 1, max: 24 }).map((n) => `P${n}M`),
  fc.integer({ min: 1, max: 3 }).map((n) => `P${n}Y`),
);
const adjustment = fc.constantFrom('none', 'previous_business_day', null);
const offset = (min: number, max: number) => fc.integer({ min, max });

/** An end given as a date (often a month end) or as an initial term. */
const initialEnd = fc.oneof(
  offset(0, 1500).map((days) => ({ kind: 'days' as const, days })),
  periodText.map((term) => ({ kind: 'term' as const, term })),
);

const raw = fc.record({
  type: fc.constantFrom('fixed', 'auto_renewal', 'indefinite'),
  startDate,
  end: fc.option(initialEnd, { nil: null }),
  monthEndAnchor: fc.boolean(),
  renewalTerm: periodText,
  noticePeriod: periodText,
  noticeAlignment: fc.constantFrom('any_day', 'month_end', 'quarter_end', 'year_end', null),
  maxRenewals: fc.option(offset(0, 12), { nil: null }),
  deadlineAdjustment: adjustment,
  noticeAfter: fc.option(offset(0, 4000), { nil: null }),
});
type Raw = typeof raw extends fc.Arbitrary<infer T> ? T : never;

function toLifecycle(r: Raw): LifecycleInput {
  const given = r.noticeAfter === null ? null : addDays(r.startDate, r.noticeAfter);
  const base = { startDate: r.startDate, deadlineAdjustment: r.deadlineAdjustment, noticeGivenOn: given };
  const initialTerm = r.end?.kind === 'term' ? r.end.term : null;
  let endDate = r.end?.kind === 'days' ? addDays(r.startDate, r.end.days) : null;
  if (endDate && r.monthEndAnchor) endDate = alignUp(endDate, 'month_end');
  const end = { endDate: endDate ?? (initialTerm ? null : addDays(r.startDate, 364)), initialTerm };
  switch (r.type) {
    case 'fixed':
      return { ...base, ...end, type: 'fixed' };
    case 'auto_renewal':
      return {
        ...base,
        ...end,
        type: 'auto_renewal',
        renewalTerm: r.renewalTerm,
        noticePeriod: r.noticePeriod,
        maxRenewals: r.maxRenewals,
      };
    case 'indefinite':
      return {
        ...base,
        endDate,
        initialTerm,
        type: 'indefinite',
        noticePeriod: r.noticePeriod,
        noticeAlignment: r.noticeAlignment,
      };
  }
}

const lifecycle = raw.map(toLifecycle).filter((input) => lifecycleSchema.safeParse(input).success);

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
