import { addDays, type IsoDate, isAfter, isBefore } from './dates.js';
import { type DeadlineProof, proofSentence } from './deadline.js';
import { earliestEnd, indefiniteDeadline, nextAlignedEnd, nextIndefiniteDeadline } from './indefinite.js';
import type { LifecycleInput } from './lifecycle.js';
import { shift } from './periods.js';
import {
  firstDeadlineAtOrAfter,
  firstEndAtOrAfter,
  lastTermIndex,
  renewalDeadline,
  renewalEnd,
  termStart,
} from './renewals.js';
import { type AutoRenewalTerms, type IndefiniteTerms, type ResolvedTerms, resolveTerms } from './resolve.js';

export const TERM_EVENT_KINDS = ['start', 'renewal', 'notice_deadline', 'end'] as const;
export type TermEventKind = (typeof TERM_EVENT_KINDS)[number];

export interface TermEvent {
  kind: TermEventKind;
  date: IsoDate;
  /** Auto-renewal: the term that starts (renewal) or whose end the deadline belongs to. */
  termIndex: number | null;
  proof: string | null;
  proofDetail: DeadlineProof | null;
}

export const DEFAULT_EVENT_LIMIT = 500;

interface Window {
  from: IsoDate;
  to: IsoDate;
  limit: number;
}

function within(date: IsoDate, w: Window): boolean {
  return !isBefore(date, w.from) && !isAfter(date, w.to);
}

function plain(kind: TermEventKind, date: IsoDate, termIndex: number | null = null): TermEvent {
  return { kind, date, termIndex, proof: null, proofDetail: null };
}

function deadlineEvent(proof: DeadlineProof, termIndex: number | null): TermEvent {
  return { kind: 'notice_deadline', date: proof.deadline, termIndex, proof: proofSentence(proof), proofDetail: proof };
}

function autoRenewalEvents(terms: AutoRenewalTerms, w: Window): TermEvent[] {
  const last = lastTermIndex(terms, terms.noticeGivenOn);
  const events: TermEvent[] = [];
  const exists = (k: number) => last === null || k <= last;
  const firstRenewal = Math.max(1, firstEndAtOrAfter(terms, addDays(w.from, -1)) + 1);
  for (let k = firstRenewal; exists(k) && k < firstRenewal + w.limit; k++) {
    const date = termStart(terms, k);
    if (isAfter(date, w.to)) break;
    events.push(plain('renewal', date, k));
  }
  const firstDeadline = firstDeadlineAtOrAfter(terms, w.from);
  for (let k = firstDeadline; exists(k) && k < firstDeadline + w.limit; k++) {
    const proof = renewalDeadline(terms, k);
    if (isAfter(proof.deadline, w.to)) break;
    events.push(deadlineEvent(proof, k));
  }
  if (last !== null) events.push(plain('end', renewalEnd(terms, last)));
  return events;
}

function indefiniteEvents(terms: IndefiniteTerms, w: Window): TermEvent[] {
  const endsOn = terms.noticeGivenOn === null ? null : earliestEnd(terms, terms.noticeGivenOn);
  const events: TermEvent[] = endsOn === null ? [] : [plain('end', endsOn)];
  const exists = (end: IsoDate) => endsOn === null || !isAfter(end, endsOn);
  if (terms.alignment === 'any_day') {
    // Without alignment every day has a deadline; only the one fixed by the minimum term is an event.
    const first = earliestEnd(terms, terms.start);
    const minimumTermRules = isAfter(first, shift(terms.start, terms.notice));
    if (minimumTermRules && exists(first)) events.push(deadlineEvent(indefiniteDeadline(terms, first), null));
    return events;
  }
  let proof = nextIndefiniteDeadline(terms, w.from);
  for (let n = 0; n < w.limit && exists(proof.end) && !isAfter(proof.deadline, w.to); n++) {
    events.push(deadlineEvent(proof, null));
    proof = indefiniteDeadline(terms, nextAlignedEnd(proof.end, terms.alignment));
  }
  return events;
}

/** A deadline on or after the day notice was given has been met; it is no longer an event to act on. */
function isMet(event: TermEvent, terms: ResolvedTerms): boolean {
  return event.kind === 'notice_deadline' && terms.noticeGivenOn !== null && !isBefore(event.date, terms.noticeGivenOn);
}

function lifecycleEvents(terms: ResolvedTerms, w: Window): TermEvent[] {
  const start = plain('start', terms.start);
  switch (terms.type) {
    case 'fixed':
      return [start, plain('end', terms.end)];
    case 'auto_renewal':
      return [start, ...autoRenewalEvents(terms, w)];
    case 'indefinite':
      return [start, ...indefiniteEvents(terms, w)];
  }
}

/**
 * The start, renewals, notice deadlines and end of a contract falling within `from`..`to`
 * (inclusive), in date order, at most `limit` of them. Notice already given is taken into account:
 * it fixes the end and meets the deadlines from its day on.
 */
export function upcomingDeadlines(
  input: LifecycleInput,
  from: IsoDate,
  to: IsoDate,
  limit = DEFAULT_EVENT_LIMIT,
): TermEvent[] {
  if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  if (isAfter(from, to)) return [];
  const w: Window = { from, to, limit };
  const terms = resolveTerms(input);
  return lifecycleEvents(terms, w)
    .filter((event) => within(event.date, w) && !isMet(event, terms))
    .sort(compareEvents)
    .slice(0, limit);
}

function compareEvents(a: TermEvent, b: TermEvent): number {
  if (a.date !== b.date) return isBefore(a.date, b.date) ? -1 : 1;
  return TERM_EVENT_KINDS.indexOf(a.kind) - TERM_EVENT_KINDS.indexOf(b.kind);
}
