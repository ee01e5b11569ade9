import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, auditEvents, call, defaultUnit, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { newContract } from '../contracts/contracts.fixtures.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const line = {
  kind: 'cost',
  frequency: 'monthly',
  amount: '1200.50',
  currency: 'EUR',
  firstBillingOn: '2090-01-01',
};

describe('billing lines', () => {
  it('creates, lists, updates and deletes lines with exact amounts, logging each change', async () => {
    const admin = await signUpOrg(h);
    const { id } = await newContract(h, admin);
    const created = await call(h, admin, 'POST', `/contracts/${id}/billing-lines`, line);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      contractId: id,
      amount: '1200.50',
      rate: '1',
      amountInCompanyCurrency: '1200.50',
      companyCurrency: 'EUR',
      lastBillingOn: null,
      description: null,
    });
    const lineId = created.json().id as string;
    const foreign = await call(h, admin, 'POST', `/contracts/${id}/billing-lines`, {
      ...line,
      kind: 'revenue',
      frequency: 'yearly',
      amount: '0.10',
      currency: 'USD',
      rate: '0.30000001',
      lastBillingOn: '2095-12-31',
    });
    // 0.10 × 0.30000001 = 0.030000001: exact decimal arithmetic, rounded half away from zero.
    expect(foreign.json()).toMatchObject({ rate: '0.30000001', amountInCompanyCurrency: '0.03' });
    const big = await call(h, admin, 'POST', `/contracts/${id}/billing-lines`, {
      ...line,
      amount: '9999999999999999.99',
      currency: 'CHF',
      rate: '1.005',
    });
    expect(big.json().amountInCompanyCurrency).toBe('10049999999999999.99');
    const listed = (await call(h, admin, 'GET', `/contracts/${id}/billing-lines`)).json();
    expect(listed.items).toHaveLength(3);

    const patched = await call(h, admin, 'PATCH', `/contracts/${id}/billing-lines/${lineId}`, {
      amount: '99.99',
      currency: 'GBP',
      rate: '1.17',
    });
    expect(patched.json()).toMatchObject({ amount: '99.99', currency: 'GBP', amountInCompanyCurrency: '116.99' });
    const updated = (await auditEvents(h, admin, '&action=billing_line.updated'))[0]!;
    expect(updated).toMatchObject({ objectType: 'billing_line', objectId: lineId });
    expect(updated.changes).toMatchObject({
      amount: { before: '1200.50', after: '99.99' },
      currency: { before: 'EUR', after: 'GBP' },
      rate: { before: '1', after: '1.17' },
    });
    expect((await call(h, admin, 'DELETE', `/contracts/${id}/billing-lines/${lineId}`)).statusCode).toBe(204);
    expect((await call(h, admin, 'GET', `/contracts/${id}/billing-lines`)).json().items).toHaveLength(2);
    expect(await auditEvents(h, admin, '&action=billing_line.created')).toHaveLength(3);
    expect((await auditEvents(h, admin, '&action=billing_line.deleted'))[0]).toMatchObject({ objectId: lineId });
    expectProblem(await call(h, admin, 'DELETE', `/contracts/${id}/billing-lines/${lineId}`), 404, 'not_found');
  });

  it('refuses bad money, currencies, rates and dates with a 422 naming the field and the rule', async () => {
    const admin = await signUpOrg(h);
    const { id } = await newContract(h, admin);
    const first = async (body: object) =>
      expectProblem(
        await call(h, admin, 'POST', `/contracts/${id}/billing-lines`, { ...line, ...body }),
        422,
        'validation_failed',
      ).errors?.[0];
    expect(await first({ amount: 12.5 })).toMatchObject({ field: 'amount' });
    expect(await first({ amount: '12.505' })).toMatchObject({ field: 'amount' });
    expect(await first({ amount: '-1.00' })).toMatchObject({ field: 'amount', rule: 'not_negative' });
    expect(await first({ currency: 'eur' })).toMatchObject({ field: 'currency' });
    expect(await first({ currency: 'XYZ' })).toMatchObject({ field: 'currency', rule: 'unknown_currency' });
    expect(await first({ currency: 'USD' })).toMatchObject({ field: 'rate', rule: 'required' });
    expect(await first({ currency: 'USD', rate: '0' })).toMatchObject({ field: 'rate', rule: 'positive' });
    expect(await first({ rate: '1.1' })).toMatchObject({ field: 'rate', rule: 'company_currency' });
    expect(await first({ kind: 'gift' })).toMatchObject({ field: 'kind' });
    expect(await first({ firstBillingOn: '2090-02-30' })).toMatchObject({ field: 'firstBillingOn' });
    expect(await first({ lastBillingOn: '2089-12-31' })).toMatchObject({
      field: 'lastBillingOn',
      rule: 'before_first',
    });
    const created = (await call(h, admin, 'POST', `/contracts/${id}/billing-lines`, line)).json();
    const patch = await call(h, admin, 'PATCH', `/contracts/${id}/billing-lines/${created.id}`, { currency: 'USD' });
    expect(expectProblem(patch, 422, 'validation_failed').errors?.[0]).toMatchObject({
      field: 'rate',
      rule: 'required',
    });
    expect((await call(h, admin, 'GET', `/contracts/${id}/billing-lines`)).json().items).toHaveLength(1);
  });

  it('lets readers of the contract read lines and only its writers change them', async () => {
    const admin = await signUpOrg(h);
    const stranger = await signUpOrg(h);
    const { id } = await newContract(h, admin);
    const lineId = (await call(h, admin, 'POST', `/contracts/${id}/billing-lines`, line)).json().id as string;
    const viewer = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'viewer' } });
    const editor = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'editor' } });
    expect((await call(h, viewer, 'GET', `/contracts/${id}/billing-lines`)).json().items).toHaveLength(1);
    expectProblem(await call(h, viewer, 'POST', `/contracts/${id}/billing-lines`, line), 403, 'forbidden');
    const viewerPatch = await call(h, viewer, 'PATCH', `/contracts/${id}/billing-lines/${lineId}`, { amount: '1.00' });
    expectProblem(viewerPatch, 403, 'forbidden');
    expectProblem(await call(h, viewer, 'DELETE', `/contracts/${id}/billing-lines/${lineId}`), 403, 'forbidden');
    const editorPatch = await call(h, editor, 'PATCH', `/contracts/${id}/billing-lines/${lineId}`, { amount: '1.00' });
    expect(editorPatch.statusCode).toBe(200);
    expectProblem(await call(h, null, 'GET', `/contracts/${id}/billing-lines`), 401, 'unauthenticated');
    expectProblem(await call(h, null, 'POST', `/contracts/${id}/billing-lines`, line), 401, 'unauthenticated');
    expectProblem(await call(h, stranger, 'GET', `/contracts/${id}/billing-lines`), 404, 'not_found');
    expectProblem(await call(h, stranger, 'POST', `/contracts/${id}/billing-lines`, line), 404, 'not_found');
    const strangerPatch = await call(h, stranger, 'PATCH', `/contracts/${id}/billing-lines/${lineId}`, {
      amount: '1.00',
    });
    expectProblem(strangerPatch, 404, 'not_found');
    expectProblem(await call(h, stranger, 'DELETE', `/contracts/${id}/billing-lines/${lineId}`), 404, 'not_found');
    const other = await newContract(h, admin, { title: 'Other' });
    expectProblem(await call(h, admin, 'DELETE', `/contracts/${other.id}/billing-lines/${lineId}`), 404, 'not_found');
  });
});
