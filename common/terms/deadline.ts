import { addDays, type IsoDate, type WeekdayName, weekday, weekdayName } from './dates.js';
import type { DeadlineAdjustment, NoticeAlignment } from './lifecycle.js';
import { describePeriod, formatPeriod, type Period, parsePeriod, shift } from './periods.js';

export interface AdjustmentStep {
  rule: 'previous_business_day';
  from: IsoDate;
  fromWeekday: WeekdayName;
  to: IsoDate;
  toWeekday: WeekdayName;
}

/** Where the end a deadline belongs to came from. */
export type EndSource =
  | { rule: 'renewal_end'; anchor: IsoDate; renewalTerm: string; renewals: number }
  | { rule: 'indefinite_end'; alignment: NoticeAlignment; minimumEnd: IsoDate | null };

/** An earlier deadline that passed without notice, which is why the deadline belongs to a later end. */
export interface LapsedDeadline {
  deadline: IsoDate;
  /** The end that deadline would have given; the contract now runs past it. */
  end: IsoDate;
}

/** The structured proof of a notice deadline, for the UI to render in any language. */
export interface DeadlineProof {
  rule: 'latest_day_for_cancellation';
  end: IsoDate;
  endSource: EndSource;
  noticePeriod: string;
  rawDeadline: IsoDate;
  adjustment: AdjustmentStep | null;
  deadline: IsoDate;
  lapsed: LapsedDeadline | null;
}

/** Saturday and Sunday move back to Friday; a deadline never moves later. */
export function previousBusinessDay(date: IsoDate): IsoDate {
  const day = weekday(date);
  return day >= 6 ? addDays(date, 5 - day) : date;
}

export function adjustDeadline(date: IsoDate, adjustment: DeadlineAdjustment): IsoDate {
  switch (adjustment) {
    case 'none':
      return date;
    case 'previous_business_day':
      return previousBusinessDay(date);
  }
}

/** `ldc(e) = shift(e, noticePeriod, −1)`, then the deadline adjustment, with its proof. */
export function latestDayForCancellation(
  end: IsoDate,
  notice: Period,
  adjustment: DeadlineAdjustment,
  endSource: EndSource,
): DeadlineProof {
  const rawDeadline = shift(end, notice, -1);
  const deadline = adjustDeadline(rawDeadline, adjustment);
  const step: AdjustmentStep | null =
    deadline === rawDeadline || adjustment === 'none'
      ? null
      : {
          rule: adjustment,
          from: rawDeadline,
          fromWeekday: weekdayName(rawDeadline),
          to: deadline,
          toWeekday: weekdayName(deadline),
        };
  return {
    rule: 'latest_day_for_cancellation',
    end,
    endSource,
    noticePeriod: formatPeriod(notice),
    rawDeadline,
    adjustment: step,
    deadline,
    lapsed: null,
  };
}

/**
 * "end 2027-12-31 − notice 3 months = 2027-09-30; Saturday → Friday 2027-09-29", preceded by
 * "deadline 2026-09-30 passed without notice, so the contract runs to 2027-12-31; " when a lapsed
 * deadline explains why the end is not the current term's.
 */
export function proofSentence(proof: DeadlineProof): string {
  const notice = describePeriod(parsePeriod(proof.noticePeriod));
  const lapsed = proof.lapsed
    ? `deadline ${proof.lapsed.deadline} passed without notice, so the contract runs to ${proof.end}; `
    : '';
  const base = `${lapsed}end ${proof.end} − notice ${notice} = ${proof.rawDeadline}`;
  const step = proof.adjustment;
  return step ? `${base}; ${step.fromWeekday} → ${step.toWeekday} ${step.to}` : base;
}
