import { addDays, daysBetween, type IsoDate, isAfter, isBefore, parseDate } from './dates.js';
import { adjustDeadline, type DeadlineProof, latestDayForCancellation } from './deadline.js';
import { formatPeriod, shift } from './periods.js';
import type { AutoRenewalTerms } from './resolve.js';

/** `end_k = shift(end_0, renewalTerm, k)`: always from the anchor, so ends never drift. */
export function renewalEnd(terms: AutoRenewalTerms, k: number): IsoDate {
  return k === 0 ? terms.end : shift(terms.end, terms.renewal, k);
}

/** Term k starts the day after `end_(k−1)`; term 0 on the start date. */
export function termStart(terms: AutoRenewalTerms, k: number): IsoDate {
  return k === 0 ? terms.start : addDays(renewalEnd(terms, k - 1), 1);
}

export function renewalDeadline(terms: AutoRenewalTerms, k: number): DeadlineProof {
  return latestDayForCancellation(renewalEnd(terms, k), terms.notice, terms.adjustment, {
    rule: 'renewal_end',
    anchor: terms.end,
    renewalTerm: formatPeriod(terms.renewal),
    renewals: k,
  });
}

function deadlineDate(terms: AutoRenewalTerms, k: number): IsoDate {
  return adjustDeadline(shift(renewalEnd(terms, k), terms.notice, -1), terms.adjustment);
}

/** A k no larger than the smallest with `end_k ≥ date`, and at most one below it. */
function estimateIndex(terms: AutoRenewalTerms, date: IsoDate): number {
  const { count, unit } = terms.renewal;
  switch (unit) {
    case 'D':
    case 'W':
      return Math.ceil(daysBetween(terms.end, date) / (unit === 'W' ? count * 7 : count));
    case 'M':
    case 'Y': {
      const from = parseDate(terms.end);
      const to = parseDate(date);
      const months = to.year * 12 + to.month - (from.year * 12 + from.month);
      return Math.ceil(months / (unit === 'Y' ? count * 12 : count));
    }
  }
}

/** The smallest k ≥ 0 with `end_k ≥ date`: the index of the term containing `date`. */
export function firstEndAtOrAfter(terms: AutoRenewalTerms, date: IsoDate): number {
  if (!isAfter(date, terms.end)) return 0;
  let k = Math.max(0, estimateIndex(terms, date));
  for (let step = 0; isBefore(renewalEnd(terms, k), date); step++) {
    if (step >= 2) throw new Error(`renewal index estimate for ${date} is off by more than one`);
    k++;
  }
  return k;
}

/** The smallest k ≥ 0 whose (adjusted) latest day for cancellation is on or after `date`. */
export function firstDeadlineAtOrAfter(terms: AutoRenewalTerms, date: IsoDate): number {
  // ldc(e) ≤ e, so no earlier end qualifies; an end ≥ shift(date + 2, notice) always does,
  // because the adjustment moves a deadline back by at most two days.
  let low = firstEndAtOrAfter(terms, date);
  let high = firstEndAtOrAfter(terms, shift(addDays(date, 2), terms.notice, 1));
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (isBefore(deadlineDate(terms, mid), date)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The index of the last term: `maxRenewals`, or the term that notice given on `noticeGiven`
 * ends (the first with `ldc(end_k) ≥ g`), whichever is earlier; null while it renews forever.
 */
export function lastTermIndex(terms: AutoRenewalTerms, noticeGiven: IsoDate | null): number | null {
  const byNotice = noticeGiven === null ? null : firstDeadlineAtOrAfter(terms, noticeGiven);
  if (byNotice === null) return terms.maxRenewals;
  return terms.maxRenewals === null ? byNotice : Math.min(byNotice, terms.maxRenewals);
}
