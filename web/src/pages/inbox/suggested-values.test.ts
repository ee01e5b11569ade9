import { describe, expect, it } from 'vitest';
import { emptyValues } from '../contracts/contract-form-values.js';
import { suggestedForm } from './suggested-values.js';

const partnerId = '0b6c2d3e-4f50-4a61-8b72-9c83d4e5f607';

describe('the contract form filled in from an inbox document', () => {
  it('takes each suggested value and marks it with the words it was read from', () => {
    const { values, suggested } = suggestedForm(emptyValues(), {
      title: 'Hosting Services Agreement',
      startDate: '2027-01-01',
      endDate: '2028-12-31',
      noticePeriod: { count: 3, unit: 'month' },
      amount: { value: '1200.00', currency: 'EUR' },
      partnerId,
      evidence: {
        title: 'Hosting Services Agreement',
        startDate: 'commences on 1 January 2027',
        endDate: 'ends on 31 December 2028',
        noticePeriod: 'three (3) months’ notice',
        partnerId: 'Globex Ltd',
        amount: 'EUR 1,200.00',
      },
    });
    expect(values).toMatchObject({
      title: 'Hosting Services Agreement',
      startDate: '2027-01-01',
      endMode: 'endDate',
      endDate: '2028-12-31',
      noticePeriod: { count: '3', unit: 'M' },
      partnerId,
    });
    expect(suggested).toEqual({
      title: 'Hosting Services Agreement',
      startDate: 'commences on 1 January 2027',
      endDate: 'ends on 31 December 2028',
      noticePeriod: 'three (3) months’ notice',
      partnerId: 'Globex Ltd',
    });
  });

  it('leaves untouched what the text did not suggest, and marks nothing without suggestions', () => {
    const base = emptyValues();
    expect(suggestedForm(base, null)).toEqual({ values: base, suggested: {} });
    const { values, suggested } = suggestedForm(base, { startDate: '2027-03-01', evidence: {} });
    expect(values).toEqual({ ...base, startDate: '2027-03-01' });
    expect(suggested).toEqual({ startDate: '2027-03-01' });
  });

  it('turns a notice period in weeks, days and years into the form’s units', () => {
    const period = (unit: 'day' | 'week' | 'year') =>
      suggestedForm(emptyValues(), { noticePeriod: { count: 2, unit }, evidence: {} }).values.noticePeriod;
    expect([period('day'), period('week'), period('year')]).toEqual([
      { count: '2', unit: 'D' },
      { count: '2', unit: 'W' },
      { count: '2', unit: 'Y' },
    ]);
  });
});
