import { describe, expect, it } from 'vitest';
import { dateProblem } from '../../../../common/terms/dates.js';
import { lifecycleSchema } from '../../../../common/terms/lifecycle.js';
import { periodProblem } from '../../../../common/terms/periods.js';
import { makeTranslate } from '../../i18n/translate.js';
import { importReason } from './import-reasons.js';

const en = makeTranslate('en');
const de = makeTranslate('de');

function lifecycleMessages(input: Record<string, unknown>): string[] {
  const parsed = lifecycleSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
}

// The sentences the import check writes today (server/features/imports), and those it passes on from common/.
const REASONS = [
  'is required',
  'is required in this account',
  'must be at most 300 characters',
  'each tag must be at most 60 characters',
  'is not a business unit of this account',
  'is not a organizational unit of this account',
  'is not a member e-mail address of this account',
  'is not a business partner of this account',
  'is not a category of this account',
  'is not a date (YYYY-MM-DD or DD.MM.YYYY)',
  'is not a date in the format DD.MM.YYYY',
  'is not a period such as P3M, "3 months" or "3 Monate"',
  'is not one of active, terminated',
  '"Gold" is not one of the options',
  'is not a number',
  'is not a whole number',
  'is not an amount such as 1200.50 EUR',
  'is not yes or no',
  'is not the e-mail address of a member of this account',
  'must be an ISO 3166 country code such as DE',
  'must be an http or https address',
  'is not a custom field of this account',
  'Budget is required',
  'must be a number',
  'your role does not allow adding contracts to this business unit',
  'is already used by another contract',
  'is used twice in this file (first in row 4)',
  'Invalid option: expected one of "fixed"|"auto_renewal"|"indefinite"',
  ...['2025-13-01', '2025-02-30', '0000-01-01', 'tomorrow'].map((d) => dateProblem(d) ?? ''),
  ...['', ' P3M', 'p3m', '3M', 'PT3H', 'P0.5Y', 'P-3M', 'P0M', 'P03M', 'P1Y3M', 'PXM'].map(
    (p) => periodProblem(p) ?? '',
  ),
  ...lifecycleMessages({ type: 'fixed', startDate: '2025-01-01', endDate: '2024-01-01', initialTerm: 'P1Y' }),
  ...lifecycleMessages({ type: 'fixed', startDate: '2025-01-01', endDate: '2024-01-01' }),
  ...lifecycleMessages({ type: 'auto_renewal', startDate: '2025-01-01', endDate: '2025-12-31' }),
  ...lifecycleMessages({ type: 'indefinite', startDate: '2025-01-01', renewalTerm: 'P1Y', maxRenewals: 2 }),
  ...lifecycleMessages({
    type: 'fixed',
    startDate: '2025-01-01',
    endDate: '2025-12-31',
    noticeAlignment: 'month_end',
  }),
  ...lifecycleMessages({
    type: 'auto_renewal',
    startDate: '2025-01-01',
    endDate: '2025-03-31',
    renewalTerm: 'P1Y',
    noticePeriod: 'P1Y',
  }),
];

describe('importReason', () => {
  it.each(REASONS.filter((reason) => reason !== ''))('reads “%s” in English and German', (reason) => {
    const english = importReason(en, reason);
    const german = importReason(de, reason);
    expect(english).not.toBe(reason);
    expect(german).not.toBe(reason);
    expect(german).not.toBe(english);
  });

  it('keeps the values a reason names', () => {
    expect(importReason(de, 'is used twice in this file (first in row 4)')).toBe(
      'Diese Vertragsnummer steht zweimal in der Datei (zuerst in Zeile 4).',
    );
    expect(importReason(de, 'must be at most 300 characters')).toBe('Bitte geben Sie höchstens 300 Zeichen ein.');
  });
});
