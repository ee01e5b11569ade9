import { describe, expect, it } from 'vitest';
import { checkCustomValues, FIELD_KEY, type FieldDefinition, keyFromLabel } from './custom-fields.js';

const def = (key: string, type: FieldDefinition['type'], extra: Partial<FieldDefinition> = {}): FieldDefinition => ({
  key,
  label: key.toUpperCase(),
  type,
  options: [],
  mandatory: false,
  ...extra,
});

const defs: FieldDefinition[] = [
  def('note', 'text'),
  def('body', 'long_text'),
  def('count', 'number'),
  def('fee', 'money'),
  def('signed', 'date'),
  def('tier', 'dropdown', { options: ['Gold', 'Silver'] }),
  def('tags', 'multi_select', { options: ['a', 'b', 'c'] }),
  def('active', 'checkbox'),
  def('link', 'url'),
  def('owner', 'user'),
  def('ref', 'text', { mandatory: true, label: 'Reference' }),
];

const check = (values: Record<string, unknown>, requireMandatory = false) =>
  checkCustomValues(defs, values, { requireMandatory });

describe('checkCustomValues', () => {
  it('normalises every type of value', () => {
    const result = check({
      note: '  hi  ',
      body: '  kept  ',
      count: 2.5,
      fee: { amount: '1200.50', currency: 'EUR', extra: 1 },
      signed: '2026-02-28',
      tier: 'Gold',
      tags: ['c', 'a', 'c'],
      active: false,
      link: ' https://example.com/x ',
      owner: '0B8F3C2E-1D2A-4C5B-9E8F-0123456789AB',
    });
    expect(result.issues).toEqual([]);
    expect(result.values).toEqual({
      note: 'hi',
      body: '  kept  ',
      count: 2.5,
      fee: { amount: '1200.50', currency: 'EUR' },
      signed: '2026-02-28',
      tier: 'Gold',
      tags: ['a', 'c'],
      active: false,
      link: 'https://example.com/x',
      owner: '0b8f3c2e-1d2a-4c5b-9e8f-0123456789ab',
    });
  });

  it('takes only ISO 4217 currencies for money', () => {
    expect(check({ fee: { amount: '1', currency: 'XYZ' } }).issues).toEqual([
      { field: 'custom.fee', rule: 'unknown_currency', message: '"XYZ" is not an ISO 4217 currency code' },
    ]);
    expect(check({ fee: { amount: '1', currency: 'CHF' } }).issues).toEqual([]);
  });

  it('drops empty values instead of storing them', () => {
    expect(check({ note: '', tags: [], count: null, tier: undefined })).toEqual({ values: {}, issues: [] });
  });

  it.each([
    ['note', 5, 'wrong_type'],
    ['note', 'x'.repeat(1_001), 'too_long'],
    ['body', 'x'.repeat(20_001), 'too_long'],
    ['count', '5', 'wrong_type'],
    ['count', Number.POSITIVE_INFINITY, 'wrong_type'],
    ['fee', { amount: 12, currency: 'EUR' }, 'wrong_type'],
    ['fee', { amount: '1.234', currency: 'EUR' }, 'wrong_type'],
    ['fee', { amount: '1.23', currency: 'eur' }, 'wrong_type'],
    ['fee', ['1', 'EUR'], 'wrong_type'],
    ['signed', '2025-02-30', 'invalid_date'],
    ['signed', 20250101, 'wrong_type'],
    ['tier', 'Bronze', 'unknown_option'],
    ['tier', ['Gold'], 'wrong_type'],
    ['tags', ['a', 'z'], 'unknown_option'],
    ['tags', 'a', 'wrong_type'],
    ['active', 'true', 'wrong_type'],
    ['link', 'ftp://example.com', 'invalid_url'],
    ['link', 'not a url', 'invalid_url'],
    ['owner', 'someone', 'wrong_type'],
    ['nope', 'x', 'unknown_field'],
  ])('reports %s = %j as %s', (key, value, rule) => {
    const result = check({ [key]: value });
    expect(result.issues).toEqual([{ field: `custom.${key}`, rule, message: expect.any(String) }]);
    expect(result.values).toEqual({});
  });

  it('reports every issue at once', () => {
    const { issues } = check({ count: 'x', tier: 'Bronze', zzz: 1 }, true);
    expect(issues.map((i) => [i.field, i.rule])).toEqual([
      ['custom.count', 'wrong_type'],
      ['custom.tier', 'unknown_option'],
      ['custom.zzz', 'unknown_field'],
      ['custom.ref', 'required'],
    ]);
  });

  it('asks for mandatory fields only when told, and does not repeat a field already reported', () => {
    expect(check({}).issues).toEqual([]);
    expect(check({}, true).issues).toEqual([
      { field: 'custom.ref', rule: 'required', message: 'Reference is required' },
    ]);
    expect(check({ ref: '' }, true).issues.map((i) => i.rule)).toEqual(['required']);
    expect(check({ ref: 7 }, true).issues.map((i) => i.rule)).toEqual(['wrong_type']);
  });
});

describe('keyFromLabel', () => {
  it.each([
    ['Service tier', 'service_tier'],
    ['Kündigungsfrist (Tage)', 'kundigungsfrist_tage'],
    ['Straße', 'strasse'],
    ['  --Cost centre--  ', 'cost_centre'],
    ['2nd owner', 'f_2nd_owner'],
    ['€€€', 'f'],
  ])('%j → %s', (label, key) => {
    expect(keyFromLabel(label)).toBe(key);
  });

  it('always makes a valid key, also from long labels starting with a digit', () => {
    for (const label of ['9'.repeat(80), `1 ${'word '.repeat(20)}`, 'a'.repeat(80), '_', '']) {
      expect(keyFromLabel(label)).toMatch(FIELD_KEY);
    }
  });
});
