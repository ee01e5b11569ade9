import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_SORTS } from '../../../common/schemas/contracts.js';
import { type Caller, call, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { addCategory, addField, addOrgUnit, newContract } from './contracts.fixtures.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

type Item = { title: string; names: Record<string, string | null> };
type Page = { items: Item[]; nextCursor: string | null; total: number | null; totalCapped: boolean };

async function page(who: Caller, query: string): Promise<Page> {
  const res = await call(h, who, 'GET', `/contracts?${query}`);
  if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json() as Page;
}

/** Follows the cursor to the end, two at a time. */
async function allPages(who: Caller, query: string): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const body: Page = await page(who, `${query}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
    seen.push(...body.items.map((c) => c.title));
    cursor = body.nextCursor;
  } while (cursor);
  return seen;
}

async function partner(who: Caller, name: string) {
  const res = await call(h, who, 'POST', '/partners', { name, type: 'supplier' });
  return (res.json() as { id: string }).id;
}

describe('contract list: every column sorts, rows carry names, the first page counts', () => {
  let admin: Awaited<ReturnType<typeof signUpOrg>>;
  beforeAll(async () => {
    admin = await signUpOrg(h);
    const zeta = await partner(admin, 'zeta Supplies');
    const alpha = await partner(admin, 'Alpha GmbH');
    const lease = await addCategory(h, admin, 'Lease');
    const legal = await addOrgUnit(h, admin, 'Legal');
    await addField(h, admin, { key: 'seats', type: 'number' });
    await newContract(h, admin, {
      title: 'A',
      status: 'archived',
      partnerId: zeta,
      contractNumber: 'N-2',
      tags: ['rent'],
      custom: { seats: 5 },
      lifecycle: { type: 'fixed', startDate: '2020-01-01', endDate: '2020-12-31' },
    });
    await newContract(h, admin, {
      title: 'B',
      status: 'draft',
      partnerId: alpha,
      categoryId: lease,
      orgUnitId: legal,
      ownerId: admin.me.user!.id,
      contractNumber: 'N-1',
      custom: { seats: 50 },
    });
    await newContract(h, admin, { title: 'C', status: 'active' });
  });

  it('sorts by each built-in column both ways, pages through each order without loss, nulls last', async () => {
    for (const key of CONTRACT_SORTS) {
      for (const sort of [key, `-${key}`]) {
        const whole = (await page(admin, `sort=${sort}`)).items.map((c) => c.title);
        expect(whole.sort(), sort).toEqual(['A', 'B', 'C']);
        const paged = await allPages(admin, `sort=${sort}`);
        expect(paged, sort).toEqual((await page(admin, `sort=${sort}`)).items.map((c) => c.title));
      }
    }
    expect((await page(admin, 'sort=partner')).items.map((c) => c.title)).toEqual(['B', 'A', 'C']);
    expect((await page(admin, 'sort=-partner')).items.map((c) => c.title)).toEqual(['A', 'B', 'C']);
    expect((await page(admin, 'sort=status')).items.map((c) => c.title)).toEqual(['B', 'C', 'A']);
    expect((await page(admin, 'sort=contractNumber')).items.map((c) => c.title)).toEqual(['B', 'A', 'C']);
    expect((await page(admin, 'sort=category')).items.map((c) => c.title)[0]).toBe('B');
    expect((await page(admin, 'sort=phase')).items.map((c) => c.title)[2]).toBe('A');
    expect(await allPages(admin, 'sort=-cf.seats')).toEqual(['B', 'A', 'C']);
  });

  it('returns the names of partner, owner, units and category with each row', async () => {
    const items = (await page(admin, 'sort=title')).items;
    expect(items[1]!.names).toEqual({
      partner: 'Alpha GmbH',
      owner: admin.me.user!.name,
      backupOwner: null,
      businessUnit: expect.any(String),
      category: 'Lease',
      orgUnit: 'Legal',
    });
    expect(items[2]!.names.partner).toBeNull();
  });

  it('counts every match on the first page only', async () => {
    const first = await page(admin, 'limit=2&status=draft');
    expect([first.total, first.totalCapped]).toEqual([1, false]);
    const all = await page(admin, 'limit=2');
    expect(all.total).toBe(3);
    expect((await page(admin, `limit=2&cursor=${all.nextCursor}`)).total).toBeNull();
  });
});
