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

/** The structured proof of a notice deadline, for the UI to render in any language. */
export interface DeadlineProof {
  rule: 'latest_day_for_cancellation';
  end: IsoDate;
  endSource: EndSource;
  noticePeriod: string;
  rawDeadline: IsoDate;
  adjustment: AdjustmentStep | null;
  deadline: IsoDate;
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
  };
}

/** "end 2027-12-31 − notice 3 months = 2027-09-30; Saturday → Friday 2027-09-29" */
export function proofSentence(proof: DeadlineProof): string {
  const notice = describePeriod(parsePeriod(proof.noticePeriod));
  const base = `end ${proof.end} − notice ${notice} = ${proof.rawDeadline}`;
  const step = proof.adjustment;
  return step ? `${base}; ${step.fromWeekday} → ${step.toWeekday} ${step.to}` : base;
}
