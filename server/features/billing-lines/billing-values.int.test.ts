import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, call, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { contractRow, newContract, setContract } from '../contracts/contracts.fixtures.js';
import { refresh } from '../contracts/contracts.jobs.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const monthlyCost = {
  kind: 'cost',
  frequency: 'monthly',
  amount: '100.00',
  currency: 'EUR',
  firstBillingOn: '2090-01-01',
};

async function addLine(who: Caller, contractId: string, line: Record<string, unknown>): Promise<string> {
  const res = await call(h, who, 'POST', `/contracts/${contractId}/billing-lines`, line);
  if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
  return (res.json() as { id: string }).id;
}

const billingOf = async (who: Caller, id: string) => (await call(h, who, 'GET', `/contracts/${id}`)).json().billing;

async function titles(who: Caller, query: string): Promise<string[]> {
  const res = await call(h, who, 'GET', `/contracts?${query}`);
  if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
  return (res.json() as { items: { title: string }[] }).items.map((c) => c.title);
}

describe('billing values on contracts', () => {
  it('stores annual and total values, lists and sorts by them, and follows lines and dates', async () => {
    const admin = await signUpOrg(h);
    const fixed = await newContract(h, admin, { title: 'Fixed' });
    const lineId = await addLine(admin, fixed.id, monthlyCost);
    await addLine(admin, fixed.id, {
      kind: 'revenue',
      frequency: 'yearly',
      amount: '1000.00',
      currency: 'USD',
      rate: '1.1',
      firstBillingOn: '2090-01-01',
    });
    const open = await newContract(h, admin, {
      title: 'Open',
      lifecycle: { type: 'indefinite', startDate: '2090-01-01', noticePeriod: 'P3M' },
    });
    await addLine(admin, open.id, { ...monthlyCost, kind: 'revenue', amount: '50.00' });
    await newContract(h, admin, { title: 'Empty' });

    expect(await billingOf(admin, fixed.id)).toEqual({
      annualCost: '1200.00',
      annualRevenue: '1100.00',
      annualValue: '-100.00',
      totalCost: '1200.00',
      totalRevenue: '1100.00',
      totalValue: '-100.00',
      totalOpenEnded: false,
    });
    expect(await billingOf(admin, open.id)).toMatchObject({
      annualValue: '600.00',
      totalRevenue: null,
      totalValue: null,
      totalOpenEnded: true,
    });
    const listed = (await call(h, admin, 'GET', '/contracts?sort=title')).json().items;
    expect(listed.map((c: { billing: { annualValue: string } }) => c.billing.annualValue)).toEqual([
      '0.00',
      '-100.00',
      '600.00',
    ]);

    expect(await titles(admin, 'sort=annualValue')).toEqual(['Fixed', 'Empty', 'Open']);
    expect(await titles(admin, 'sort=-annualValue')).toEqual(['Open', 'Empty', 'Fixed']);
    expect(await titles(admin, 'sort=totalValue')).toEqual(['Fixed', 'Empty', 'Open']);
    expect(await titles(admin, 'sort=-totalValue')).toEqual(['Empty', 'Fixed', 'Open']);
    expect(await titles(admin, 'sort=-annualValue&limit=1')).toEqual(['Open']);
    expect(await titles(admin, 'sort=title&annualValueFrom=0')).toEqual(['Empty', 'Open']);
    expect(await titles(admin, 'sort=title&totalValueTo=-0.01')).toEqual(['Fixed']);
    const bad = await call(h, admin, 'GET', '/contracts?annualValueFrom=12,5');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('annualValueFrom');

    const csv = await call(
      h,
      admin,
      'GET',
      '/contracts/export?format=csv&sort=title&columns=title,annualValue,totalValue',
    );
    expect(
      csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/),
    ).toEqual(['Title,Annual value,Total value', 'Empty,0.00,0.00', 'Fixed,-100.00,-100.00', 'Open,600.00,']);

    await call(h, admin, 'PATCH', `/contracts/${fixed.id}/billing-lines/${lineId}`, { amount: '200.00' });
    expect(await billingOf(admin, fixed.id)).toMatchObject({ annualCost: '2400.00', totalValue: '-1300.00' });
    // A longer contract runs the open-ended lines longer: 24 months, 2 years.
    await call(h, admin, 'PATCH', `/contracts/${fixed.id}`, {
      lifecycle: { type: 'fixed', startDate: '2090-01-01', endDate: '2091-12-31' },
    });
    expect(await billingOf(admin, fixed.id)).toMatchObject({ totalCost: '4800.00', totalRevenue: '2200.00' });
    await call(h, admin, 'DELETE', `/contracts/${fixed.id}/billing-lines/${lineId}`);
    expect(await billingOf(admin, fixed.id)).toMatchObject({ annualCost: '0.00', annualValue: '1100.00' });
    expect(await titles(admin, 'sort=-annualValue')).toEqual(['Fixed', 'Open', 'Empty']);
  });

  it('drops a line from the annual value in the daily refresh once its last billing has passed', async () => {
    const admin = await signUpOrg(h);
    const { id } = await newContract(h, admin, {
      lifecycle: { type: 'fixed', startDate: '2020-01-01', endDate: '2099-12-31' },
    });
    await addLine(admin, id, { ...monthlyCost, firstBillingOn: '2094-01-01', lastBillingOn: '2094-12-31' });
    expect(await billingOf(admin, id)).toMatchObject({ annualCost: '1200.00', totalCost: '1200.00' });
    expect((await contractRow(h, admin, id))?.billingValidUntil).toBe('2094-12-31');

    await refresh(h.app.deps, { orgId: admin.me!.org.id, now: new Date('2095-01-02T12:00:00Z') });
    expect(await billingOf(admin, id)).toMatchObject({ annualCost: '0.00', totalCost: '1200.00' });
    expect((await contractRow(h, admin, id))?.billingValidUntil).toBeNull();
  });

  it('computes values the migration marked for backfill on the first refresh', async () => {
    const admin = await signUpOrg(h);
    const { id } = await newContract(h, admin);
    await addLine(admin, id, monthlyCost);
    await setContract(h, admin, id, { annualCost: '0', totalCost: '0', billingValidUntil: '1970-01-01' });
    expect((await refresh(h.app.deps, { orgId: admin.me!.org.id })).refreshed).toBe(1);
    expect(await billingOf(admin, id)).toMatchObject({ annualCost: '1200.00', totalCost: '1200.00' });
    expect((await refresh(h.app.deps, { orgId: admin.me!.org.id })).refreshed).toBe(0);
  });
});
