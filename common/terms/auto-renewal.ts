import type { Computed } from './computed.js';
import { type IsoDate, isBefore } from './dates.js';
import { proofSentence } from './deadline.js';
import { noticeGivenAsOf, phaseOf } from './phase.js';
import {
  firstDeadlineAtOrAfter,
  firstEndAtOrAfter,
  lastTermIndex,
  renewalDeadline,
  renewalEnd,
  termStart,
} from './renewals.js';
import type { AutoRenewalTerms } from './resolve.js';

export function computeAutoRenewal(terms: AutoRenewalTerms, asOf: IsoDate): Computed {
  const given = noticeGivenAsOf(terms.noticeGivenOn, asOf);
  const last = lastTermIndex(terms, given);
  const endsOn = last === null ? null : renewalEnd(terms, last);
  const reached = isBefore(asOf, terms.start) ? 0 : firstEndAtOrAfter(terms, asOf);
  // After the last term ended, the term shown is the last one, as for a fixed contract.
  const current = last === null ? reached : Math.min(reached, last);
  const next = firstDeadlineAtOrAfter(terms, asOf);
  const proof = last !== null && next > last ? null : renewalDeadline(terms, next);
  return {
    currentTermStart: termStart(terms, current),
    currentTermEnd: renewalEnd(terms, current),
    noticeDeadline: proof?.deadline ?? null,
    earliestEndDate: proof?.end ?? endsOn,
    endsOn,
    renewalCount: current,
    phase: phaseOf(terms.start, endsOn, given !== null, asOf),
    proof: proof ? proofSentence(proof) : null,
    proofDetail: proof,
  };
}
