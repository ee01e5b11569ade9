import type { Computed } from './computed.js';
import { addDays, formatDate, type IsoDate, isBefore, lastDayOfMonth, maxDate, parseDate } from './dates.js';
import { type DeadlineProof, latestDayForCancellation, proofSentence } from './deadline.js';
import type { NoticeAlignment } from './lifecycle.js';
import { shift } from './periods.js';
import { noticeGivenAsOf, phaseOf } from './phase.js';
import type { IndefiniteTerms } from './resolve.js';

/** Enough to step past any weekend adjustment and any run of equal month-clamped deadlines. */
const MAX_BUMPS = 40;

/** Rounds up to the end of the date's month, quarter or year (unchanged for `any_day`). */
export function alignUp(date: IsoDate, alignment: NoticeAlignment): IsoDate {
  const { year, month } = parseDate(date);
  switch (alignment) {
    case 'any_day':
      return date;
    case 'month_end':
      return lastDayOfMonth(date);
    case 'quarter_end':
      return lastDayOfMonth(formatDate({ year, month: Math.ceil(month / 3) * 3, day: 1 }));
    case 'year_end':
      return formatDate({ year, month: 12, day: 31 });
  }
}

/** The first day after `end` the contract may end on. */
export function nextAlignedEnd(end: IsoDate, alignment: NoticeAlignment): IsoDate {
  return alignUp(addDays(end, 1), alignment);
}

/** `earliestEnd(g) = align(shift(max(g, startDate), noticePeriod))`, not before the aligned minimum term end. */
export function earliestEnd(terms: IndefiniteTerms, noticeOn: IsoDate): IsoDate {
  const byNotice = alignUp(shift(maxDate(noticeOn, terms.start), terms.notice), terms.alignment);
  return terms.minimumEnd === null ? byNotice : maxDate(byNotice, alignUp(terms.minimumEnd, terms.alignment));
}

export function indefiniteDeadline(terms: IndefiniteTerms, end: IsoDate): DeadlineProof {
  return latestDayForCancellation(end, terms.notice, terms.adjustment, {
    rule: 'indefinite_end',
    alignment: terms.alignment,
    minimumEnd: terms.minimumEnd,
  });
}

/** `ldc(earliestEnd(date))`, or the next aligned end's deadline while that lies before `date`. */
export function nextIndefiniteDeadline(terms: IndefiniteTerms, date: IsoDate): DeadlineProof {
  let proof = indefiniteDeadline(terms, earliestEnd(terms, date));
  for (let bumps = 0; isBefore(proof.deadline, date); bumps++) {
    if (bumps >= MAX_BUMPS) throw new Error(`no notice deadline on or after ${date} within ${MAX_BUMPS} ends`);
    proof = indefiniteDeadline(terms, nextAlignedEnd(proof.end, terms.alignment));
  }
  return proof;
}

export function computeIndefinite(terms: IndefiniteTerms, asOf: IsoDate): Computed {
  const given = noticeGivenAsOf(terms.noticeGivenOn, asOf);
  const endsOn = given === null ? null : earliestEnd(terms, given);
  const next = nextIndefiniteDeadline(terms, asOf);
  // Notice given meets the deadline and fixes the end: no deadline is left to keep.
  const proof = given !== null ? null : next;
  return {
    currentTermStart: terms.start,
    currentTermEnd: endsOn,
    noticeDeadline: proof?.deadline ?? null,
    earliestEndDate: proof?.end ?? endsOn,
    endsOn,
    renewalCount: 0,
    phase: phaseOf(terms.start, endsOn, given !== null, asOf),
    proof: proof ? proofSentence(proof) : null,
    proofDetail: proof,
  };
}
