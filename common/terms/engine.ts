import { computeAutoRenewal } from './auto-renewal.js';
import type { Computed } from './computed.js';
import { type IsoDate, parseDate } from './dates.js';
import { computeIndefinite } from './indefinite.js';
import type { LifecycleInput } from './lifecycle.js';
import { noticeGivenAsOf, phaseOf } from './phase.js';
import { type FixedTerms, type ResolvedTerms, resolveTerms } from './resolve.js';

function computeFixed(terms: FixedTerms, asOf: IsoDate): Computed {
  const given = noticeGivenAsOf(terms.noticeGivenOn, asOf);
  return {
    currentTermStart: terms.start,
    currentTermEnd: terms.end,
    noticeDeadline: null,
    earliestEndDate: terms.end,
    endsOn: terms.end,
    renewalCount: 0,
    phase: phaseOf(terms.start, terms.end, given !== null, asOf),
    proof: null,
    proofDetail: null,
  };
}

/** {@link computeTerms} for terms already resolved. */
export function computeResolvedTerms(terms: ResolvedTerms, asOf: IsoDate): Computed {
  parseDate(asOf);
  switch (terms.type) {
    case 'fixed':
      return computeFixed(terms, asOf);
    case 'auto_renewal':
      return computeAutoRenewal(terms, asOf);
    case 'indefinite':
      return computeIndefinite(terms, asOf);
  }
}

/**
 * The dates of terms.md as they stood on `asOf` (the org's "today" by default at the caller).
 * Throws TermsInputError for an invalid lifecycle and RangeError for an invalid `asOf`.
 */
export function computeTerms(input: LifecycleInput, asOf: IsoDate): Computed {
  parseDate(asOf);
  return computeResolvedTerms(resolveTerms(input), asOf);
}
