import { describe, expect, it } from 'vitest';
import { type BillingValueLine, billingValues, convertedCents, formatCents, occurrences } from './billing-values.js';

const line = (over: Partial<BillingValueLine>): BillingValueLine => ({
  kind: 'cost',
  frequency: 'monthly',
  amount: '100.00',
  rate: '1',
  firstBillingOn: '2025-01-01',
  lastBillingOn: '2025-12-31',
  ...over,
});
const TODAY = '2025-06-15';

describe('occurrences', () => {
  it('counts monthly billings inclusive of both ends', () => {
    expect(occurrences('monthly', '2025-01-01', '2025-12-31')).toBe(12);
    expect(occurrences('monthly', '2025-01-01', '2025-12-01')).toBe(12);
    expect(occurrences('monthly', '2025-01-15', '2025-12-14')).toBe(11);
  });
  it('keeps month ends: from 31 January the February billing is on the 28th', () => {
    expect(occurrences('monthly', '2025-01-31', '2025-02-28')).toBe(2);
    expect(occurrences('monthly', '2025-01-31', '2025-02-27')).toBe(1);
    expect(occurrences('monthly', '2025-01-30', '2025-03-29')).toBe(2);
  });
  it('counts quarterly and yearly occurrences', () => {
    expect(occurrences('quarterly', '2025-01-01', '2025-12-31')).toBe(4);
    expect(occurrences('quarterly', '2025-02-01', '2025-11-01')).toBe(4);
    expect(occurrences('quarterly', '2025-02-01', '2025-10-31')).toBe(3);
    expect(occurrences('yearly', '2024-02-29', '2027-02-28')).toBe(4);
  });
  it('counts a one-time line once and nothing before its first billing', () => {
    expect(occurrences('one_time', '2025-01-01', '2030-01-01')).toBe(1);
    expect(occurrences('monthly', '2025-01-01', '2024-12-31')).toBe(0);
  });
});

describe('money', () => {
  it('converts with the rate and rounds half away from zero to cents', () => {
    expect(convertedCents('100.00', '1.0825')).toBe(10_825n);
    expect(convertedCents('0.05', '0.5')).toBe(3n);
    expect(convertedCents('0.05', '0.49999999')).toBe(2n);
    expect(convertedCents('999999999999999999.99', '1')).toBe(99_999_999_999_999_999_999n);
  });
  it('formats cents with two decimals and a sign', () => {
    expect(formatCents(5n)).toBe('0.05');
    expect(formatCents(-123_450n)).toBe('-1234.50');
  });
});

describe('billingValues', () => {
  it('annualises recurring lines and keeps costs and revenues apart', () => {
    const v = billingValues(
      [
        line({ frequency: 'monthly', amount: '100.00', lastBillingOn: null }),
        line({ frequency: 'quarterly', amount: '50.00', lastBillingOn: null }),
        line({ kind: 'revenue', frequency: 'yearly', amount: '1000.00', lastBillingOn: null }),
        line({ frequency: 'one_time', amount: '5000.00' }),
      ],
      '2026-12-31',
      TODAY,
    );
    expect(v.annualCost).toBe('1400.00');
    expect(v.annualRevenue).toBe('1000.00');
    expect(v.annualValue).toBe('-400.00');
    // 24 × 100 + 8 × 50 + 5000 against 2 × 1000.
    expect(v.totalCost).toBe('7800.00');
    expect(v.totalRevenue).toBe('2000.00');
    expect(v.totalValue).toBe('-5800.00');
    expect(v.totalOpenEnded).toBe(false);
    expect(v.validUntil).toBe('2026-12-31');
  });
  it('leaves lines whose last billing has passed out of the annual value, not out of the total', () => {
    const v = billingValues([line({ lastBillingOn: '2025-06-14' })], null, TODAY);
    expect(v.annualCost).toBe('0.00');
    expect(v.totalCost).toBe('600.00');
    expect(v.validUntil).toBeNull();
    const running = billingValues([line({ lastBillingOn: TODAY })], null, TODAY);
    expect(running.annualCost).toBe('1200.00');
    expect(running.validUntil).toBe(TODAY);
  });
  it('counts upcoming lines in the annual value', () => {
    const v = billingValues([line({ firstBillingOn: '2026-01-01', lastBillingOn: null })], '2026-12-31', TODAY);
    expect(v.annualCost).toBe('1200.00');
    expect(v.totalCost).toBe('1200.00');
  });
  it('runs an open-ended line to the contract end, and answers open-ended when there is none', () => {
    const bounded = billingValues([line({ kind: 'revenue', lastBillingOn: null })], '2025-03-31', TODAY);
    expect(bounded.totalRevenue).toBe('300.00');
    expect(bounded.annualRevenue).toBe('0.00');
    const open = billingValues(
      [line({ kind: 'revenue', lastBillingOn: null }), line({ kind: 'cost', frequency: 'one_time' })],
      null,
      TODAY,
    );
    expect(open.totalRevenue).toBeNull();
    expect(open.totalCost).toBe('100.00');
    expect(open.totalValue).toBeNull();
    expect(open.totalOpenEnded).toBe(true);
    expect(open.annualRevenue).toBe('1200.00');
  });
  it('converts each billing with its rate, rounded as the line shows it', () => {
    const v = billingValues([line({ amount: '10.05', rate: '0.333', lastBillingOn: '2025-03-01' })], null, TODAY);
    // 10.05 × 0.333 = 3.34665 → 3.35 per billing, three billings.
    expect(v.totalCost).toBe('10.05');
  });
  it('is zero without lines', () => {
    expect(billingValues([], null, TODAY)).toEqual({
      annualCost: '0.00',
      annualRevenue: '0.00',
      annualValue: '0.00',
      totalCost: '0.00',
      totalRevenue: '0.00',
      totalValue: '0.00',
      totalOpenEnded: false,
      validUntil: null,
    });
  });
});
