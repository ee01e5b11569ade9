import type { z } from 'zod';
import type { IsoDate } from './dates.js';
import {
  type DeadlineAdjustment,
  initialTermEnd,
  type LifecycleInput,
  lifecycleSchema,
  type NoticeAlignment,
} from './lifecycle.js';
import { type Period, parsePeriod } from './periods.js';

interface CommonTerms {
  start: IsoDate;
  adjustment: DeadlineAdjustment;
  noticeGivenOn: IsoDate | null;
}

export interface FixedTerms extends CommonTerms {
  type: 'fixed';
  end: IsoDate;
}

export interface AutoRenewalTerms extends CommonTerms {
  type: 'auto_renewal';
  /** The anchor: end of the initial term; every renewal end is computed from it. */
  end: IsoDate;
  renewal: Period;
  notice: Period;
  maxRenewals: number | null;
}

export interface IndefiniteTerms extends CommonTerms {
  type: 'indefinite';
  minimumEnd: IsoDate | null;
  notice: Period;
  alignment: NoticeAlignment;
}

/** A validated lifecycle with parsed periods and defaults applied, narrowed by type. */
export type ResolvedTerms = FixedTerms | AutoRenewalTerms | IndefiniteTerms;

export interface TermsIssue {
  field: string;
  rule: string;
  message: string;
}

/** Thrown when the engine is handed a lifecycle that fails {@link lifecycleSchema}. */
export class TermsInputError extends Error {
  constructor(readonly issues: TermsIssue[]) {
    super(`Invalid contract lifecycle: ${issues.map((i) => `${i.field} ${i.message}`).join('; ')}`);
    this.name = 'TermsInputError';
  }
}

export function toTermsIssues(error: z.ZodError): TermsIssue[] {
  return error.issues.map((issue) => {
    const rule = issue.code === 'custom' ? issue.params?.rule : undefined;
    return {
      field: issue.path.join('.'),
      rule: typeof rule === 'string' ? rule : issue.code,
      message: issue.message,
    };
  });
}

function required<T>(value: T | null | undefined, field: string): T {
  // The schema guarantees these; a failure here is a bug in the schema, not bad input.
  if (value == null) throw new Error(`lifecycle schema let ${field} through without a value`);
  return value;
}

/** Validates `input` and returns the terms the engine computes with; throws {@link TermsInputError}. */
export function resolveTerms(input: LifecycleInput): ResolvedTerms {
  const result = lifecycleSchema.safeParse(input);
  if (!result.success) throw new TermsInputError(toTermsIssues(result.error));
  const v = result.data;
  const common: CommonTerms = {
    start: v.startDate,
    adjustment: v.deadlineAdjustment ?? 'none',
    noticeGivenOn: v.noticeGivenOn ?? null,
  };
  const end = v.endDate ?? (v.initialTerm ? initialTermEnd(v.startDate, parsePeriod(v.initialTerm)) : null);
  switch (v.type) {
    case 'fixed':
      return { ...common, type: 'fixed', end: required(end, 'endDate') };
    case 'auto_renewal':
      return {
        ...common,
        type: 'auto_renewal',
        end: required(end, 'endDate'),
        renewal: parsePeriod(required(v.renewalTerm, 'renewalTerm')),
        notice: parsePeriod(required(v.noticePeriod, 'noticePeriod')),
        maxRenewals: v.maxRenewals ?? null,
      };
    case 'indefinite':
      return {
        ...common,
        type: 'indefinite',
        minimumEnd: end,
        notice: parsePeriod(required(v.noticePeriod, 'noticePeriod')),
        alignment: v.noticeAlignment ?? 'any_day',
      };
  }
}
