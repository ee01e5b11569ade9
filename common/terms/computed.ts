import { z } from 'zod';
import { WEEKDAY_NAMES } from './dates.js';
import type { DeadlineProof } from './deadline.js';
import { NOTICE_ALIGNMENTS } from './lifecycle.js';

export const PHASES = ['upcoming', 'running', 'notice_given', 'ended'] as const;
export type Phase = (typeof PHASES)[number];

const date = z.iso.date();

const proofDetail = z.object({
  rule: z.literal('latest_day_for_cancellation'),
  end: date,
  endSource: z.discriminatedUnion('rule', [
    z.object({ rule: z.literal('renewal_end'), anchor: date, renewalTerm: z.string(), renewals: z.number().int() }),
    z.object({ rule: z.literal('indefinite_end'), alignment: z.enum(NOTICE_ALIGNMENTS), minimumEnd: date.nullable() }),
  ]),
  noticePeriod: z.string(),
  rawDeadline: date,
  adjustment: z
    .object({
      rule: z.literal('previous_business_day'),
      from: date,
      fromWeekday: z.enum(WEEKDAY_NAMES),
      to: date,
      toWeekday: z.enum(WEEKDAY_NAMES),
    })
    .nullable(),
  deadline: date,
  /** The deadline that passed without notice, so the deadline above belongs to a later end. */
  lapsed: z.object({ deadline: date, end: date }).nullable(),
}) satisfies z.ZodType<DeadlineProof>;

/** The `computed` object of terms.md, as the API returns it. */
export const computedSchema = z.object({
  currentTermStart: date.nullable(),
  currentTermEnd: date.nullable(),
  noticeDeadline: date.nullable(),
  earliestEndDate: date.nullable(),
  endsOn: date.nullable(),
  renewalCount: z.number().int().min(0).nullable(),
  phase: z.enum(PHASES),
  /** One line a person can check: "end 2027-12-31 − notice 3 months = 2027-09-30". */
  proof: z.string().nullable(),
  /** The same proof as data, for the UI to translate. */
  proofDetail: proofDetail.nullable(),
});

export type Computed = z.infer<typeof computedSchema>;
