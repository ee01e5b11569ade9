/** fast-check generators of valid lifecycles, shared by the property tests of the term engine and its users. */
import fc from 'fast-check';
import { addDays, fromDayNumber, toDayNumber } from './dates.js';
import { alignUp } from './indefinite.js';
import { type LifecycleInput, lifecycleSchema } from './lifecycle.js';

export const RUNS = { numRuns: 500 };

export const date = fc.integer({ min: toDayNumber('1990-01-01'), max: toDayNumber('2090-12-31') }).map(fromDayNumber);
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
export const offset = (min: number, max: number) => fc.integer({ min, max });

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

export const lifecycle = raw.map(toLifecycle).filter((input) => lifecycleSchema.safeParse(input).success);
