import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type LifecycleInput, lifecycleSchema } from './lifecycle.js';

const autoRenewal: LifecycleInput = {
  type: 'auto_renewal',
  startDate: '2025-01-01',
  endDate: '2025-12-31',
  renewalTerm: 'P1Y',
  noticePeriod: 'P3M',
};
const fixed: LifecycleInput = { type: 'fixed', startDate: '2026-01-15', initialTerm: 'P6M' };
const indefinite: LifecycleInput = { type: 'indefinite', startDate: '2020-05-01', noticePeriod: 'P3M' };

/** `[field, rule]` of every issue, in order. */
function problems(input: unknown): [string, string][] {
  const result = lifecycleSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const rule = issue.code === 'custom' ? issue.params?.rule : issue.code;
    return [issue.path.join('.'), String(rule)];
  });
}

function message(input: unknown): string | undefined {
  return lifecycleSchema.safeParse(input).error?.issues[0]?.message;
}

describe('lifecycleSchema accepts', () => {
  it.each([
    ['an auto-renewal contract', autoRenewal],
    ['a fixed contract from an initial term', fixed],
    ['a fixed contract with an end date', { type: 'fixed', startDate: '2026-01-15', endDate: '2026-01-15' }],
    ['an indefinite contract', indefinite],
    ['an indefinite contract with a minimum term', { ...indefinite, initialTerm: 'P2Y', noticeAlignment: 'year_end' }],
    ['a notice period as long as the term', { ...autoRenewal, endDate: '2025-03-31', noticePeriod: 'P3M' }],
    ['maxRenewals 0', { ...autoRenewal, maxRenewals: 0 }],
    ['notice given on the start date', { ...autoRenewal, noticeGivenOn: '2025-01-01' }],
    ['a fixed contract with a notice period within its term', { ...fixed, noticePeriod: 'P1M' }],
    [
      'nulls for every optional field',
      {
        ...fixed,
        endDate: null,
        renewalTerm: null,
        noticePeriod: null,
        noticeAlignment: null,
        maxRenewals: null,
        deadlineAdjustment: null,
        noticeGivenOn: null,
      },
    ],
  ])('%s', (_name, input) => {
    expect(problems(input)).toEqual([]);
  });
});

describe('lifecycleSchema refuses, naming the field and the rule', () => {
  it.each<[string, unknown, [string, string][]]>([
    ['an impossible date', { ...fixed, startDate: '2025-02-30' }, [['startDate', 'invalid_date']]],
    ['a malformed date', { ...autoRenewal, endDate: '31.12.2025' }, [['endDate', 'invalid_date']]],
    ['a zero period', { ...autoRenewal, renewalTerm: 'P0M' }, [['renewalTerm', 'invalid_period']]],
    ['a combined period', { ...autoRenewal, noticePeriod: 'P1M2D' }, [['noticePeriod', 'invalid_period']]],
    ['a fractional period', { ...fixed, initialTerm: 'P1.5M' }, [['initialTerm', 'invalid_period']]],
    ['an unknown type', { ...fixed, type: 'evergreen' }, [['type', 'invalid_value']]],
    ['end before start', { ...autoRenewal, endDate: '2024-12-31' }, [['endDate', 'end_before_start']]],
    ['both endDate and initialTerm', { ...autoRenewal, initialTerm: 'P1Y' }, [['initialTerm', 'end_and_initial_term']]],
    ['a fixed contract without an end', { type: 'fixed', startDate: '2025-01-01' }, [['endDate', 'end_required']]],
    ['an auto-renewal contract without an end', { ...autoRenewal, endDate: undefined }, [['endDate', 'end_required']]],
    [
      'renewalTerm on a fixed contract',
      { ...fixed, renewalTerm: 'P1Y' },
      [['renewalTerm', 'renewal_term_not_allowed']],
    ],
    [
      'renewalTerm on an indefinite contract',
      { ...indefinite, renewalTerm: 'P1Y' },
      [['renewalTerm', 'renewal_term_not_allowed']],
    ],
    [
      'an auto-renewal contract without renewalTerm',
      { ...autoRenewal, renewalTerm: null },
      [['renewalTerm', 'renewal_term_required']],
    ],
    [
      'an auto-renewal contract without noticePeriod',
      { ...autoRenewal, noticePeriod: null },
      [['noticePeriod', 'notice_period_required']],
    ],
    [
      'an indefinite contract without noticePeriod',
      { ...indefinite, noticePeriod: undefined },
      [['noticePeriod', 'notice_period_required']],
    ],
    [
      'a notice period longer than the initial term',
      { ...autoRenewal, endDate: '2025-03-31', noticePeriod: 'P4M' },
      [['noticePeriod', 'notice_longer_than_term']],
    ],
    [
      'a notice period one day longer than the initial term',
      { ...autoRenewal, endDate: '2025-03-31', noticePeriod: 'P91D' },
      [['noticePeriod', 'notice_longer_than_term']],
    ],
    [
      'a fixed contract whose notice period is longer than its term',
      { ...fixed, noticePeriod: 'P1Y' },
      [['noticePeriod', 'notice_longer_than_term']],
    ],
    [
      'noticeAlignment on an auto-renewal contract',
      { ...autoRenewal, noticeAlignment: 'month_end' },
      [['noticeAlignment', 'alignment_not_allowed']],
    ],
    [
      'noticeAlignment on a fixed contract, even any_day',
      { ...fixed, noticeAlignment: 'any_day' },
      [['noticeAlignment', 'alignment_not_allowed']],
    ],
    ['maxRenewals on a fixed contract', { ...fixed, maxRenewals: 2 }, [['maxRenewals', 'max_renewals_not_allowed']]],
    [
      'maxRenewals on an indefinite contract',
      { ...indefinite, maxRenewals: 2 },
      [['maxRenewals', 'max_renewals_not_allowed']],
    ],
    ['negative maxRenewals', { ...autoRenewal, maxRenewals: -1 }, [['maxRenewals', 'too_small']]],
    ['fractional maxRenewals', { ...autoRenewal, maxRenewals: 1.5 }, [['maxRenewals', 'invalid_type']]],
    [
      'notice given before the start',
      { ...autoRenewal, noticeGivenOn: '2024-12-31' },
      [['noticeGivenOn', 'notice_given_before_start']],
    ],
    [
      'a minimum term ending before the start',
      { ...indefinite, endDate: '2020-04-30' },
      [['endDate', 'end_before_start']],
    ],
    ['an initial term ending after 9999', { ...fixed, initialTerm: 'P9999Y' }, [['initialTerm', 'out_of_range']]],
    [
      'maxRenewals taking the last term past 9999',
      { ...autoRenewal, maxRenewals: 9000 },
      [['maxRenewals', 'out_of_range']],
    ],
    [
      'an unknown deadline adjustment',
      { ...autoRenewal, deadlineAdjustment: 'next_business_day' },
      [['deadlineAdjustment', 'invalid_value']],
    ],
  ])('%s', (_name, input, expected) => {
    expect(problems(input)).toEqual(expected);
  });

  it('reports every problem at once', () => {
    const input = { type: 'fixed', startDate: '2026-01-15', endDate: '2026-01-01', renewalTerm: 'P1M', maxRenewals: 2 };
    expect(problems(input)).toEqual([
      ['endDate', 'end_before_start'],
      ['renewalTerm', 'renewal_term_not_allowed'],
      ['maxRenewals', 'max_renewals_not_allowed'],
    ]);
  });

  it('explains problems in plain English', () => {
    expect(message({ ...autoRenewal, endDate: '2024-12-31' })).toBe('must be on or after startDate 2025-01-01');
    expect(message({ ...autoRenewal, endDate: '2025-03-31', noticePeriod: 'P4M' })).toBe(
      'of 4 months is longer than the initial term 2025-01-01 to 2025-03-31',
    );
    expect(message({ ...autoRenewal, endDate: null })).toBe(
      'is required for an auto_renewal contract; give endDate or initialTerm',
    );
    expect(message({ type: 'fixed', startDate: '2025-01-01' })).toBe(
      'is required for a fixed contract; give endDate or initialTerm',
    );
    expect(message({ ...indefinite, noticePeriod: null })).toBe('is required for an indefinite contract');
    expect(message({ ...fixed, startDate: '2025-02-30' })).toBe('does not exist: 2025-02 has no day 30');
    expect(message({ ...autoRenewal, renewalTerm: 'p1y' })).toBe(
      'must be written in capitals, e.g. P30D, P2W, P3M or P1Y',
    );
  });

  it('checks the notice period against a term derived from initialTerm', () => {
    expect(problems({ ...fixed, initialTerm: 'P1M', noticePeriod: 'P1M' })).toEqual([]);
    expect(problems({ ...fixed, initialTerm: 'P1M', noticePeriod: 'P5W' })).toEqual([
      ['noticePeriod', 'notice_longer_than_term'],
    ]);
  });
});

describe('lifecycleSchema as an API schema', () => {
  it('converts to JSON Schema with dates marked as dates', () => {
    const schema = z.toJSONSchema(lifecycleSchema, { io: 'input' }) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual([
      'type',
      'startDate',
      'endDate',
      'initialTerm',
      'renewalTerm',
      'noticePeriod',
      'noticeAlignment',
      'maxRenewals',
      'deadlineAdjustment',
      'noticeGivenOn',
    ]);
    expect(schema.properties.startDate).toMatchObject({ type: 'string', format: 'date' });
  });
});
