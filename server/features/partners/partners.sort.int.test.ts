import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARTNER_SORTS } from '../../../common/schemas/partners.js';
import { type Caller, call, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { newContract } from '../contracts/contracts.fixtures.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

type Page = { items: { name: string }[]; nextCursor: string | null; total: number | null; totalCapped: boolean };

async function page(who: Caller, query: string): Promise<Page> {
  const res = await call(h, who, 'GET', `/partners?${query}`);
  if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json() as Page;
}

async function allPages(who: Caller, query: string): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const body: Page = await page(who, `${query}&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
    seen.push(...body.items.map((p) => p.name));
    cursor = body.nextCursor;
  } while (cursor);
  return seen;
}

describe('partner list: every column sorts', () => {
  it('sorts by each column both ways, pages without loss, nulls last, and counts on the first page', async () => {
    const admin = await signUpOrg(h);
    const make = async (body: Record<string, unknown>) =>
      (await call(h, admin, 'POST', '/partners', { type: 'supplier', ...body })).json() as { id: string };
    const berlin = await make({ name: 'Berlin AG', type: 'customer', address: { city: 'Berlin' }, vatId: 'DE2' });
    await make({ name: 'aachen GmbH', address: { city: 'Aachen' }, vatId: 'DE1' });
    await make({ name: 'Celle KG' });
    await newContract(h, admin, { partnerId: berlin.id });
    for (const key of PARTNER_SORTS) {
      for (const sort of [key, `-${key}`]) {
        const whole = (await page(admin, `sort=${sort}`)).items.map((p) => p.name);
        expect([...whole].sort(), sort).toEqual(['Berlin AG', 'Celle KG', 'aachen GmbH']);
        expect(await allPages(admin, `sort=${sort}`), sort).toEqual(whole);
      }
    }
    expect((await page(admin, 'sort=name')).items.map((p) => p.name)).toEqual(['aachen GmbH', 'Berlin AG', 'Celle KG']);
    expect((await page(admin, 'sort=-address.city')).items.map((p) => p.name)).toEqual([
      'Berlin AG',
      'aachen GmbH',
      'Celle KG',
    ]);
    expect((await page(admin, 'sort=-contractCount')).items[0]!.name).toBe('Berlin AG');
    expect((await page(admin, 'sort=vatId')).items.map((p) => p.name)).toEqual([
      'aachen GmbH',
      'Berlin AG',
      'Celle KG',
    ]);
    const first = await page(admin, 'limit=1&type=supplier');
    expect([first.total, first.totalCapped]).toEqual([2, false]);
    expect((await page(admin, `limit=1&type=supplier&cursor=${first.nextCursor}`)).total).toBeNull();
  });

  it('refuses an unknown sort and a cursor from another order with a 422', async () => {
    const admin = await signUpOrg(h);
    await call(h, admin, 'POST', '/partners', { name: 'A', type: 'supplier' });
    await call(h, admin, 'POST', '/partners', { name: 'B', type: 'supplier' });
    expectProblem(await call(h, admin, 'GET', '/partners?sort=colour'), 422, 'validation_failed');
    expectProblem(await call(h, admin, 'GET', '/partners?sort=cf.colour'), 422, 'validation_failed');
    const byName = await page(admin, 'limit=1');
    const res = await call(h, admin, 'GET', `/partners?limit=1&sort=createdAt&cursor=${byName.nextCursor}`);
    expectProblem(res, 422, 'validation_failed');
  });
});
