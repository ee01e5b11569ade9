import { describe, expect, it } from 'vitest';
import { makeFormatters } from '../../../i18n/format.js';
import { makeTranslate } from '../../../i18n/translate.js';
import { changeRows } from './change-rows.js';
import type { ChangeContext } from './change-value.js';

const PARTNER = '11111111-1111-4111-8111-111111111111';
const GONE = '22222222-2222-4222-8222-222222222222';
const OWNER = '33333333-3333-4333-8333-333333333333';
const UNIT = '44444444-4444-4444-8444-444444444444';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}/i;

function context(locale: 'en' | 'de', objectType = 'contract'): ChangeContext {
  return {
    t: makeTranslate(locale),
    fmt: makeFormatters({ locale, dateFormat: 'DD.MM.YYYY', timeZone: 'Europe/Berlin' }),
    locale,
    event: { objectType, names: { [PARTNER]: 'Bosch GmbH', [UNIT]: 'Sales' }, fieldLabels: { budget: 'Budget' } },
  };
}

const lifecycle = {
  type: 'auto_renewal',
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  renewalTerm: 'P1Y',
  noticePeriod: 'P3M',
  deadlineAdjustment: 'none',
};

describe('what changed, in words', () => {
  it('names ids, labels fields, and never shows an id, even of something gone', () => {
    const rows = changeRows(context('en'), {
      partnerId: { before: GONE, after: PARTNER },
      ownerId: { before: OWNER, after: null },
      status: { before: 'draft', after: 'active' },
    });
    expect(rows).toEqual([
      { key: 'status', label: 'Status', before: 'Draft', after: 'Active' },
      { key: 'partnerId', label: 'Business partner', before: 'Not available', after: 'Bosch GmbH' },
      { key: 'ownerId', label: 'Owner', before: 'Former member', after: null },
    ]);
    expect(JSON.stringify(rows)).not.toMatch(UUID);
  });

  it('writes a new lifecycle as one sentence in the contract page’s words, and a change term by term', () => {
    const [created] = changeRows(context('en'), { lifecycle: { before: null, after: lifecycle } });
    expect(created).toEqual({
      key: 'lifecycle',
      label: 'Terms',
      before: null,
      after: 'Auto-renewing · Start date 01.01.2026 · End date 31.12.2026 · Renews for 1 year · Notice period 3 months',
    });
    const changed = changeRows(context('de'), {
      lifecycle: { before: lifecycle, after: { ...lifecycle, noticePeriod: 'P6M', maxRenewals: 2 } },
    });
    expect(changed).toEqual([
      { key: 'lifecycle.maxRenewals', label: 'Höchstens Verlängerungen', before: 'Unbegrenzt', after: '2' },
      { key: 'lifecycle.noticePeriod', label: 'Kündigungsfrist', before: '3 Monate', after: '6 Monate' },
    ]);
  });

  it('opens custom values up by field label, with money, dates and numbers in the reader’s format', () => {
    const rows = changeRows(context('de'), {
      custom: {
        before: { budget: { amount: '1200.5', currency: 'EUR' }, review: '2026-03-01' },
        after: { budget: { amount: '1234567.25', currency: 'EUR' }, review: '2026-03-01', seats: 1500 },
      },
    });
    expect(rows).toEqual([
      { key: 'custom.budget', label: 'Budget', before: '1.200,50 EUR', after: '1.234.567,25 EUR' },
      { key: 'custom.seats', label: 'Seats', before: null, after: '1.500' },
    ]);
  });

  it('shows roles, addresses and countries by name', () => {
    const rows = changeRows(context('de', 'user'), {
      roles: { before: null, after: { [UNIT]: 'editor' } },
      address: { before: null, after: { street: 'Hauptstr. 1', postalCode: '10115', city: 'Berlin', country: 'DE' } },
    });
    expect(rows.map((r) => r.after)).toEqual(['Sales: Bearbeiter', 'Hauptstr. 1, 10115 Berlin, Deutschland']);
  });
});

describe('a new object', () => {
  it('lists what it was created with in the form’s order and leaves out what is empty', () => {
    const rows = changeRows(context('en'), {
      tags: { before: null, after: [] },
      title: { before: null, after: 'Wartung' },
      description: { before: null, after: null },
      status: { before: null, after: 'draft' },
    });
    expect(rows.map((r) => [r.label, r.after])).toEqual([
      ['Title', 'Wartung'],
      ['Status', 'Draft'],
    ]);
  });
});
