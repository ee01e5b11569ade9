import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, call, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { addCategory, addField, addOrgUnit, newContract } from './contracts.fixtures.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const titles = async (who: Caller, query: string) => {
  const res = await call(h, who, 'GET', `/contracts?${query}`);
  if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
  return (res.json() as { items: { title: string }[] }).items.map((c) => c.title);
};

/** Follows the cursor to the end, two at a time. */
async function allPages(who: Caller, query: string): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const url = `/contracts?${query}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
    const body = (await call(h, who, 'GET', url)).json() as { items: { title: string }[]; nextCursor: string | null };
    seen.push(...body.items.map((c) => c.title));
    cursor = body.nextCursor;
  } while (cursor);
  return seen;
}

const fixed = (endDate: string) => ({ type: 'fixed', startDate: '2090-01-01', endDate });

describe('contract list', () => {
  it('filters by category, organizational unit, tags and custom fields', async () => {
    const admin = await signUpOrg(h);
    const lease = await addCategory(h, admin, 'Lease');
    const legal = await addOrgUnit(h, admin, 'Legal');
    await addField(h, admin, { key: 'tier', type: 'dropdown', options: ['Gold', 'Silver'] });
    await addField(h, admin, { key: 'regions', type: 'multi_select', options: ['EU', 'US'] });
    await addField(h, admin, { key: 'seats', type: 'number' });
    await addField(h, admin, { key: 'budget', type: 'money' });
    await addField(h, admin, { key: 'signed', type: 'date' });
    await addField(h, admin, { key: 'auto', type: 'checkbox' });
    await newContract(h, admin, {
      title: 'A',
      categoryId: lease,
      tags: ['rent', 'office'],
      custom: { tier: 'Gold', regions: ['EU', 'US'], seats: 10, budget: { amount: '100.00', currency: 'EUR' } },
    });
    await newContract(h, admin, {
      title: 'B',
      orgUnitId: legal,
      tags: ['rent'],
      custom: { tier: 'Silver', regions: ['US'], seats: 50, signed: '2024-05-01', auto: true },
    });
    await newContract(h, admin, { title: 'C', custom: { budget: { amount: '2500.50', currency: 'USD' } } });
    expect(await titles(admin, `categoryId=${lease}`)).toEqual(['A']);
    expect(await titles(admin, `orgUnitId=${legal}`)).toEqual(['B']);
    expect((await titles(admin, 'tags=rent')).sort()).toEqual(['A', 'B']);
    expect(await titles(admin, 'tags=rent&tags=office')).toEqual(['A']);
    expect(await titles(admin, 'cf.tier=Gold')).toEqual(['A']);
    expect((await titles(admin, 'cf.tier=Gold&cf.tier=Silver')).sort()).toEqual(['A', 'B']);
    expect((await titles(admin, 'cf.regions=US')).sort()).toEqual(['A', 'B']);
    expect(await titles(admin, 'cf.regions=EU')).toEqual(['A']);
    expect(await titles(admin, 'cf.seats.from=20')).toEqual(['B']);
    expect(await titles(admin, 'cf.seats.to=20')).toEqual(['A']);
    expect(await titles(admin, 'cf.budget.from=1000')).toEqual(['C']);
    expect(await titles(admin, 'cf.signed.from=2024-01-01&cf.signed.to=2024-12-31')).toEqual(['B']);
    expect(await titles(admin, 'cf.auto=true')).toEqual(['B']);
  });

  it('answers unknown or unfit custom-field filters with a 422 naming the query field', async () => {
    const admin = await signUpOrg(h);
    await addField(h, admin, { key: 'tier', type: 'dropdown', options: ['Gold'] });
    await addField(h, admin, { key: 'seats', type: 'number' });
    const first = async (query: string) =>
      expectProblem(await call(h, admin, 'GET', `/contracts?${query}`), 422, 'validation_failed').errors?.[0];
    expect(await first('cf.colour=red')).toMatchObject({ field: 'cf.colour', rule: 'unknown_field' });
    expect(await first('cf.tier.from=1')).toMatchObject({ field: 'cf.tier.from', rule: 'not_a_range' });
    expect(await first('cf.tier=Platinum')).toMatchObject({ field: 'cf.tier', rule: 'unknown_option' });
    expect(await first('cf.seats.from=many')).toMatchObject({ field: 'cf.seats.from', rule: 'wrong_type' });
    expect(await first('sort=cf.colour')).toMatchObject({ field: 'sort', rule: 'unknown_field' });
    expect((await first('sort=price'))?.field).toBe('sort');
  });

  it('sorts by every offered key in both directions, nulls last, across cursor pages', async () => {
    const admin = await signUpOrg(h);
    await addField(h, admin, { key: 'seats', type: 'number' });
    await addField(h, admin, { key: 'code', type: 'text' });
    await newContract(h, admin, { title: 'Beta', lifecycle: fixed('2091-06-30'), custom: { seats: 9, code: 'b' } });
    await newContract(h, admin, { title: 'Alpha', lifecycle: fixed('2092-12-31'), custom: { seats: 100 } });
    await newContract(h, admin, { title: 'Delta', lifecycle: fixed('2090-12-31'), custom: { code: 'a' } });
    await newContract(h, admin, {
      title: 'Gamma',
      lifecycle: { type: 'indefinite', startDate: '2090-01-01', noticePeriod: 'P1M' },
      custom: { seats: 9 },
    });
    expect(await allPages(admin, 'sort=endsOn')).toEqual(['Delta', 'Beta', 'Alpha', 'Gamma']);
    expect(await allPages(admin, 'sort=-endsOn')).toEqual(['Alpha', 'Beta', 'Delta', 'Gamma']);
    expect(await allPages(admin, 'sort=-computed.endsOn')).toEqual(['Alpha', 'Beta', 'Delta', 'Gamma']);
    expect(await allPages(admin, 'sort=title')).toEqual(['Alpha', 'Beta', 'Delta', 'Gamma']);
    expect(await allPages(admin, 'sort=-title')).toEqual(['Gamma', 'Delta', 'Beta', 'Alpha']);
    expect(await allPages(admin, 'sort=updatedAt')).toEqual(['Beta', 'Alpha', 'Delta', 'Gamma']);
    expect(await allPages(admin, 'sort=-updatedAt')).toEqual(['Gamma', 'Delta', 'Alpha', 'Beta']);
    const bySeats = await allPages(admin, 'sort=cf.seats');
    expect(bySeats.slice(0, 2).sort()).toEqual(['Beta', 'Gamma']);
    expect(bySeats.slice(2)).toEqual(['Alpha', 'Delta']);
    expect((await allPages(admin, 'sort=-cf.seats'))[0]).toBe('Alpha');
    expect((await allPages(admin, 'sort=-cf.seats')).at(-1)).toBe('Delta');
    expect((await allPages(admin, 'sort=cf.code')).slice(0, 2)).toEqual(['Delta', 'Beta']);
    const noticeFirst = (await call(h, admin, 'GET', '/contracts?sort=-computed.noticeDeadline&limit=1')).json();
    const other = await call(h, admin, 'GET', `/contracts?sort=title&cursor=${noticeFirst.nextCursor}`);
    expect(expectProblem(other, 422, 'validation_failed').errors?.[0]?.field).toBe('cursor');
  });

  it('searches title, number, description and the partner name by word prefixes', async () => {
    const admin = await signUpOrg(h);
    const partner = await call(h, admin, 'POST', '/partners', { name: 'Müller-Lüdenscheidt GmbH', type: 'supplier' });
    expect(partner.statusCode).toBe(201);
    await newContract(h, admin, { title: 'Office lease', contractNumber: 'CT-2025-00017' });
    await newContract(h, admin, { title: 'Cleaning', description: 'Weekly window cleaning of the warehouse' });
    await newContract(h, admin, { title: 'Printers', partnerId: partner.json().id });
    expect(await titles(admin, 'q=leas')).toEqual(['Office lease']);
    expect(await titles(admin, 'q=OFFICE%20LEA')).toEqual(['Office lease']);
    expect(await titles(admin, 'q=CT-2025-00017')).toEqual(['Office lease']);
    expect(await titles(admin, 'q=2025')).toEqual(['Office lease']);
    expect(await titles(admin, 'q=wareh')).toEqual(['Cleaning']);
    expect(await titles(admin, 'q=l%C3%BCdensch')).toEqual(['Printers']);
    expect(await titles(admin, 'q=m%C3%BCller')).toEqual(['Printers']);
    expect(await titles(admin, "q=o'neil%20%5C%20%26%20%7C")).toEqual([]);
    expect(await titles(admin, 'q=zzz')).toEqual([]);
  });
});
