import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, auditEvents, call, defaultUnit, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('repository settings', () => {
  it('reads the defaults and changes them, previewing the next contract number', async () => {
    const admin = await signUpOrg(h);
    expect((await call(h, admin, 'GET', '/settings/repository')).json()).toEqual({
      currency: 'EUR',
      orgUnitMandatory: false,
      requireAttachment: false,
      contractNumberPattern: null,
      contractNumberEditable: false,
      nextContractNumberPreview: null,
    });
    const patch = {
      currency: 'CHF',
      orgUnitMandatory: true,
      requireAttachment: true,
      contractNumberPattern: 'CT-{SEQ:5}',
    };
    const res = await call(h, admin, 'PATCH', '/settings/repository', patch);
    expect(res.json()).toEqual({ ...patch, contractNumberEditable: false, nextContractNumberPreview: 'CT-00001' });
    const [event] = await auditEvents(h, admin, '&action=org.settings_updated');
    expect(event!.changes).toEqual({
      currency: { before: 'EUR', after: 'CHF' },
      orgUnitMandatory: { before: false, after: true },
      requireAttachment: { before: false, after: true },
      contractNumberPattern: { before: null, after: 'CT-{SEQ:5}' },
    });
    const yearly = await call(h, admin, 'PATCH', '/settings/repository', { contractNumberPattern: 'V/{YYYY}/{SEQ:3}' });
    expect(yearly.json().nextContractNumberPreview).toMatch(/^V\/\d{4}\/001$/);
    const cleared = await call(h, admin, 'PATCH', '/settings/repository', { contractNumberPattern: null });
    expect(cleared.json()).toMatchObject({ contractNumberPattern: null, nextContractNumberPreview: null });
    await call(h, admin, 'PATCH', '/settings/repository', { currency: 'CHF' });
    expect(await auditEvents(h, admin, '&action=org.settings_updated')).toHaveLength(3);
  });

  it('previews the number after the last one the counter gave', async () => {
    const admin = await signUpOrg(h);
    await call(h, admin, 'PATCH', '/settings/repository', { contractNumberPattern: 'N-{SEQ:4}' });
    const lifecycle = { type: 'fixed', startDate: '2090-01-01', endDate: '2090-12-31' };
    const contract = (await call(h, admin, 'POST', '/contracts', { title: 'Numbered', lifecycle })).json();
    expect(contract.contractNumber).toBe('N-0001');
    expect((await call(h, admin, 'GET', '/settings/repository')).json().nextContractNumberPreview).toBe('N-0002');
  });

  it('refuses bad currencies and patterns naming field and rule', async () => {
    const admin = await signUpOrg(h);
    const patch = (body: object) => call(h, admin, 'PATCH', '/settings/repository', body);
    const first = (res: Awaited<ReturnType<typeof patch>>) => expectProblem(res, 422, 'validation_failed').errors?.[0];
    expect(first(await patch({ currency: 'eur' }))?.field).toBe('currency');
    expect(first(await patch({ currency: 'EURO' }))?.field).toBe('currency');
    expect(first(await patch({ currency: 'XYZ' }))).toMatchObject({ field: 'currency', rule: 'unknown_currency' });
    expect((await patch({ currency: 'CHF' })).json().currency).toBe('CHF');
    await patch({ currency: 'EUR' });
    expect(first(await patch({ contractNumberPattern: 'CT-{YYYY}' }))).toMatchObject({
      field: 'contractNumberPattern',
      rule: 'invalid_pattern',
      params: { fault: 'counter' },
    });
    expect(first(await patch({ contractNumberPattern: 'CT#{SEQ:3}' }))).toMatchObject({
      rule: 'invalid_pattern',
      params: { fault: 'text' },
    });
    expect(first(await patch({ contractNumberEditable: 'no' }))?.field).toBe('contractNumberEditable');
    expect((await call(h, admin, 'GET', '/settings/repository')).json().currency).toBe('EUR');
  });

  it('lets every member read and only administrators change; each org sees its own; 401', async () => {
    const admin = await signUpOrg(h);
    const viewer = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'viewer' } });
    const editor = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'editor' } });
    const stranger = await signUpOrg(h);
    await call(h, admin, 'PATCH', '/settings/repository', { currency: 'USD' });
    expect((await call(h, viewer, 'GET', '/settings/repository')).json().currency).toBe('USD');
    expectProblem(await call(h, editor, 'PATCH', '/settings/repository', { currency: 'GBP' }), 403, 'forbidden');
    // Settings are the caller's own org's: another admin's change never reaches this one.
    await call(h, stranger, 'PATCH', '/settings/repository', { currency: 'JPY' });
    expect((await call(h, admin, 'GET', '/settings/repository')).json().currency).toBe('USD');
    expectProblem(await call(h, null, 'GET', '/settings/repository'), 401, 'unauthenticated');
    expectProblem(await call(h, null, 'PATCH', '/settings/repository', { currency: 'GBP' }), 401, 'unauthenticated');
    expect(await auditEvents(h, admin, '&action=org.settings_updated')).toHaveLength(1);
  });
});
