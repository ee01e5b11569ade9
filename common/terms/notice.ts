import { dateInputProblem, type IsoDate, isAfter, isBefore } from './dates.js';
import { computeResolvedTerms } from './engine.js';
import type { LifecycleInput } from './lifecycle.js';
import { firstEndAtOrAfter, lastTermIndex, renewalEnd } from './renewals.js';
import { type ResolvedTerms, resolveTerms, TermsInputError } from './resolve.js';

/** What recording notice on a day means, for the dialog to say before anyone confirms it. */
export interface NoticeOutcome {
  givenOn: IsoDate;
  /** The day the contract ends with this notice. */
  endsOn: IsoDate;
  /** The end of the term running on the notice day: what notice in time would have ended. */
  termEnd: IsoDate;
  /** How many terms later than `termEnd` the contract ends; 0 when the notice is in time. */
  termsLater: number;
  /** True when the notice missed the running term's deadline, so the contract runs on past `termEnd`. */
  late: boolean;
}

function autoRenewalOutcome(terms: ResolvedTerms & { type: 'auto_renewal' }, givenOn: IsoDate) {
  const last = lastTermIndex(terms, givenOn) ?? 0;
  // Before the start the running term is the first one.
  const current = Math.min(isBefore(givenOn, terms.start) ? 0 : firstEndAtOrAfter(terms, givenOn), last);
  return { termEnd: renewalEnd(terms, current), termsLater: last - current };
}

/**
 * The end that notice given on `givenOn` fixes, compared with the end of the term running that day.
 * Only auto-renewal contracts can be "late": a missed deadline commits them to further terms.
 */
export function noticeOutcome(input: LifecycleInput, givenOn: IsoDate): NoticeOutcome {
  const terms = resolveTerms({ ...input, noticeGivenOn: givenOn });
  const endsOn = computeResolvedTerms(terms, givenOn).endsOn;
  // Notice given always fixes an end (terms.md); a null here is a bug in the engine.
  if (endsOn === null) throw new Error(`notice given on ${givenOn} fixed no end`);
  const { termEnd, termsLater } =
    terms.type === 'auto_renewal' ? autoRenewalOutcome(terms, givenOn) : { termEnd: endsOn, termsLater: 0 };
  return { givenOn, endsOn, termEnd, termsLater, late: termsLater > 0 && isAfter(endsOn, termEnd) };
}

/** What notice on `givenOn` would do, or the rule that refuses the day: the server's rules, for a dialog to check first. */
export type NoticePreview = { ok: true; outcome: NoticeOutcome } | { ok: false; rule: string };

export function previewNotice(input: LifecycleInput, givenOn: string, today: IsoDate): NoticePreview {
  if (!givenOn) return { ok: false, rule: 'required' };
  const problem = dateInputProblem(givenOn);
  if (problem) return { ok: false, rule: problem.rule };
  if (isAfter(givenOn, today)) return { ok: false, rule: 'notice_in_future' };
  try {
    return { ok: true, outcome: noticeOutcome(input, givenOn) };
  } catch (error) {
    if (error instanceof TermsInputError) return { ok: false, rule: error.issues[0]?.rule ?? 'invalid' };
    throw error;
  }
}
