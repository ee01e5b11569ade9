import type { Computed } from './computed.js';
import { type IsoDate, isBefore } from './dates.js';
import { type DeadlineProof, proofSentence } from './deadline.js';
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

/** The deadline of term k, saying which earlier deadline passed unused when k is not the current term. */
function withLapsed(terms: AutoRenewalTerms, k: number, current: number): DeadlineProof {
  const proof = renewalDeadline(terms, k);
  if (k <= current || k === 0) return proof;
  const previous = renewalDeadline(terms, k - 1);
  return { ...proof, lapsed: { deadline: previous.deadline, end: previous.end } };
}

export function computeAutoRenewal(terms: AutoRenewalTerms, asOf: IsoDate): Computed {
  const given = noticeGivenAsOf(terms.noticeGivenOn, asOf);
  const last = lastTermIndex(terms, given);
  const endsOn = last === null ? null : renewalEnd(terms, last);
  const reached = isBefore(asOf, terms.start) ? 0 : firstEndAtOrAfter(terms, asOf);
  // After the last term ended, the term shown is the last one, as for a fixed contract.
  const current = last === null ? reached : Math.min(reached, last);
  const next = firstDeadlineAtOrAfter(terms, asOf);
  // Notice given meets the deadline: none is left to keep, so nothing reminds of one.
  const proof = given !== null || (last !== null && next > last) ? null : withLapsed(terms, next, current);
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
