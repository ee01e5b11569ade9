import { daysBetween } from '../../../../common/terms/dates.js';
import type { DeadlineProof } from '../../../../common/terms/deadline.js';
import { type Period, parsePeriod } from '../../../../common/terms/periods.js';
import type { Formatters } from '../../i18n/format.js';
import type { Translate } from '../../i18n/translate.js';

/** green > 90 days, amber ≤ 90, red ≤ 30, grey once passed (issue 3). */
export type Urgency = 'later' | 'soon' | 'urgent' | 'passed';

export const URGENCY_COLOR: Record<Urgency, string> = {
  later: 'green',
  soon: 'yellow',
  urgent: 'red',
  passed: 'gray',
};

export function urgencyOf(days: number): Urgency {
  if (days < 0) return 'passed';
  if (days <= 30) return 'urgent';
  if (days <= 90) return 'soon';
  return 'later';
}

/** Days from the API's `asOf` (the org's today) to the deadline, never from the browser clock. */
export function countdown(asOf: string, deadline: string): { days: number; urgency: Urgency } {
  const days = daysBetween(asOf, deadline);
  return { days, urgency: urgencyOf(days) };
}

export function countdownLabel(t: Translate, days: number): string {
  if (days < 0) return t('deadline.passedDays', { count: -days });
  if (days === 0) return t('deadline.today');
  if (days === 1) return t('deadline.tomorrow');
  return t('deadline.inDays', { count: days });
}

export function periodLabel(t: Translate, period: Period | string): string {
  const { count, unit } = typeof period === 'string' ? parsePeriod(period) : period;
  return t(count === 1 ? `period.${unit}.one` : `period.${unit}.other`, { count });
}

/** The proof of terms.md in the reader's language: "end 2027-12-31 − notice 3 months = 2027-09-30". */
export function proofText(t: Translate, fmt: Formatters, proof: DeadlineProof): string {
  const rule = t('deadline.proof', {
    end: fmt.date(proof.end),
    notice: periodLabel(t, proof.noticePeriod),
    deadline: fmt.date(proof.rawDeadline),
  });
  // A deadline of a later term first says which deadline passed unused, so the end is not a surprise.
  const base = proof.lapsed
    ? t('deadline.proofLapsed', { deadline: fmt.date(proof.lapsed.deadline), end: fmt.date(proof.end), rule })
    : rule;
  const step = proof.adjustment;
  if (!step) return base;
  return t('deadline.proofAdjusted', {
    base,
    from: t(`weekday.${step.fromWeekday}`),
    to: t(`weekday.${step.toWeekday}`),
    date: fmt.date(step.to),
  });
}
