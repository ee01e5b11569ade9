import { z } from 'zod';
import { addDays, dateInputProblem, type IsoDate, isBefore } from './dates.js';
import { describePeriod, type Period, parsePeriod, periodProblem, shift } from './periods.js';

export const CONTRACT_TYPES = ['fixed', 'auto_renewal', 'indefinite'] as const;
export const NOTICE_ALIGNMENTS = ['any_day', 'month_end', 'quarter_end', 'year_end'] as const;
export const DEADLINE_ADJUSTMENTS = ['none', 'previous_business_day'] as const;

export type ContractType = (typeof CONTRACT_TYPES)[number];
export type NoticeAlignment = (typeof NOTICE_ALIGNMENTS)[number];
export type DeadlineAdjustment = (typeof DEADLINE_ADJUSTMENTS)[number];

/** Rule codes reported in issue `params.rule`, stable for clients to translate. */
export type LifecycleRule =
  | 'invalid_date'
  | 'date_out_of_range'
  | 'invalid_period'
  | 'end_and_initial_term'
  | 'end_required'
  | 'end_before_start'
  | 'renewal_term_required'
  | 'renewal_term_not_allowed'
  | 'notice_period_required'
  | 'notice_longer_than_term'
  | 'alignment_not_allowed'
  | 'max_renewals_not_allowed'
  | 'notice_given_before_start'
  | 'out_of_range';

/** THE date of every input: a real calendar day from 1900-01-01 to 2200-12-31. */
export const calendarDate = z
  .string()
  .max(10)
  .superRefine((value, ctx) => {
    const problem = dateInputProblem(value);
    if (problem) {
      const limits = problem.rule === 'date_out_of_range' ? problem.params : {};
      ctx.addIssue({ code: 'custom', message: problem.message, params: { rule: problem.rule, ...limits } });
    }
  })
  .meta({ format: 'date', examples: ['2025-01-31'] });

export const periodText = z
  .string()
  .max(20)
  .superRefine((value, ctx) => {
    const problem = periodProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { rule: 'invalid_period' } });
  })
  .meta({ examples: ['P30D', 'P2W', 'P3M', 'P1Y'] });

const lifecycleObject = z.object({
  type: z.enum(CONTRACT_TYPES),
  startDate: calendarDate,
  endDate: calendarDate.nullish(),
  initialTerm: periodText.nullish(),
  renewalTerm: periodText.nullish(),
  noticePeriod: periodText.nullish(),
  noticeAlignment: z.enum(NOTICE_ALIGNMENTS).nullish(),
  maxRenewals: z.number().int().min(0).nullish(),
  deadlineAdjustment: z.enum(DEADLINE_ADJUSTMENTS).nullish(),
  noticeGivenOn: calendarDate.nullish(),
});

type LifecycleFields = z.output<typeof lifecycleObject>;

const A_CONTRACT: Record<ContractType, string> = {
  fixed: 'a fixed contract',
  auto_renewal: 'an auto_renewal contract',
  indefinite: 'an indefinite contract',
};
type Report = (field: keyof LifecycleFields, rule: LifecycleRule, message: string) => void;

/** The fields of a lifecycle that parse on their own; cross-field rules skip the rest. */
interface Parsed {
  type: ContractType;
  start: IsoDate | null;
  end: IsoDate | null;
  initialTerm: Period | null;
  renewal: Period | null;
  notice: Period | null;
}

function date(value: string | null | undefined): IsoDate | null {
  return value != null && dateInputProblem(value) === null ? value : null;
}

function period(value: string | null | undefined): Period | null {
  return value != null && periodProblem(value) === null ? parsePeriod(value) : null;
}

/** The date `compute` returns, or null when it would leave the years 0001–9999. */
function inRange(compute: () => IsoDate): IsoDate | null {
  try {
    return compute();
  } catch {
    return null;
  }
}

/** `endDate`, or the end derived from `initialTerm`: `shift(startDate − 1 day, initialTerm)`. */
export function initialTermEnd(startDate: IsoDate, initialTerm: Period): IsoDate {
  return shift(addDays(startDate, -1), initialTerm);
}

function checkEnd(v: LifecycleFields, p: Parsed, report: Report): void {
  if (v.endDate != null && v.initialTerm != null) {
    report('initialTerm', 'end_and_initial_term', 'cannot be given together with endDate; give one of them');
  }
  if (p.type !== 'indefinite' && v.endDate == null && v.initialTerm == null) {
    report('endDate', 'end_required', `is required for ${A_CONTRACT[p.type]}; give endDate or initialTerm`);
  }
  if (p.start && p.end && isBefore(p.end, p.start)) {
    report('endDate', 'end_before_start', `must be on or after startDate ${p.start}`);
  }
  if (p.start && p.initialTerm && v.endDate == null && p.end == null) {
    report('initialTerm', 'out_of_range', 'is so long that the term would end after the year 9999');
  }
}

function checkRenewal(v: LifecycleFields, p: Parsed, report: Report): void {
  if (p.type === 'auto_renewal' && v.renewalTerm == null) {
    report('renewalTerm', 'renewal_term_required', `is required for ${A_CONTRACT.auto_renewal}`);
  }
  if (p.type !== 'auto_renewal' && v.renewalTerm != null) {
    report('renewalTerm', 'renewal_term_not_allowed', 'is only for auto_renewal contracts');
  }
  if (v.maxRenewals != null && p.type !== 'auto_renewal') {
    report('maxRenewals', 'max_renewals_not_allowed', 'is only for auto_renewal contracts');
  }
  const { end, renewal } = p;
  const maxRenewals = v.maxRenewals;
  if (maxRenewals != null && end && renewal && inRange(() => shift(end, renewal, maxRenewals)) === null) {
    report('maxRenewals', 'out_of_range', 'is so large that the last term would end after the year 9999');
  }
}

function checkNotice(v: LifecycleFields, p: Parsed, report: Report): void {
  if (p.type !== 'fixed' && v.noticePeriod == null) {
    report('noticePeriod', 'notice_period_required', `is required for ${A_CONTRACT[p.type]}`);
  }
  if (p.type !== 'indefinite' && v.noticeAlignment != null) {
    report('noticeAlignment', 'alignment_not_allowed', 'is only for indefinite contracts');
  }
  const { start, end, notice } = p;
  // An end before the start is already reported; comparing the notice with it would only add noise.
  if (p.type === 'indefinite' || !start || !end || !notice || isBefore(end, start)) return;
  const dayBeforeStart = inRange(() => addDays(start, -1));
  const deadline = inRange(() => shift(end, notice, -1));
  // Notice as long as the term puts the deadline on the day before the start; longer cannot be honoured.
  if (dayBeforeStart && (deadline === null || isBefore(deadline, dayBeforeStart))) {
    report(
      'noticePeriod',
      'notice_longer_than_term',
      `of ${describePeriod(notice)} is longer than the initial term ${start} to ${end}`,
    );
  }
}

function checkNoticeGiven(v: LifecycleFields, p: Parsed, report: Report): void {
  const given = date(v.noticeGivenOn);
  if (given && p.start && isBefore(given, p.start)) {
    report('noticeGivenOn', 'notice_given_before_start', `must be on or after startDate ${p.start}`);
  }
}

function parseFields(v: LifecycleFields): Parsed {
  const start = date(v.startDate);
  const initialTerm = period(v.initialTerm);
  const derivedEnd =
    start && initialTerm && v.endDate == null ? inRange(() => initialTermEnd(start, initialTerm)) : null;
  return {
    type: v.type,
    start,
    end: date(v.endDate) ?? derivedEnd,
    initialTerm,
    renewal: period(v.renewalTerm),
    notice: period(v.noticePeriod),
  };
}

/**
 * The lifecycle of a contract as terms.md defines it. Cross-field problems are reported on
 * the offending field with `params.rule` set to a {@link LifecycleRule}.
 */
export const lifecycleSchema = lifecycleObject.superRefine((value, ctx) => {
  const report: Report = (field, rule, message) =>
    ctx.addIssue({ code: 'custom', path: [field], message, params: { rule } });
  const parsed = parseFields(value);
  checkEnd(value, parsed, report);
  checkRenewal(value, parsed, report);
  checkNotice(value, parsed, report);
  checkNoticeGiven(value, parsed, report);
});

/** What callers send: optional fields may be missing or null. */
export type LifecycleInput = z.input<typeof lifecycleSchema>;
/** A lifecycle that passed {@link lifecycleSchema}. */
export type Lifecycle = z.output<typeof lifecycleSchema>;
