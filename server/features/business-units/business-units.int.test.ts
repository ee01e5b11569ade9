import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, auditEvents, call, defaultUnit, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('business units', () => {
  it('creates, renames and deletes units, logging each change with before and after', async () => {
    const admin = await signUpOrg(h);
    const created = await call(h, admin, 'POST', '/business-units', { name: '  Sales  ' });
    expect(created.statusCode).toBe(201);
    const unit = created.json();
    expect(unit).toMatchObject({ name: 'Sales', isDefault: false });
    expect((await call(h, admin, 'PATCH', `/business-units/${unit.id}`, { name: 'Sales EMEA' })).json().name).toBe(
      'Sales EMEA',
    );
    expect((await call(h, admin, 'DELETE', `/business-units/${unit.id}`)).statusCode).toBe(204);
    const names = (await call(h, admin, 'GET', '/business-units')).json().items.map((u: { name: string }) => u.name);
    expect(names).toEqual(['General']);
    const events = await auditEvents(h, admin, '&objectType=business_unit');
    expect(events.map((e) => [e.action, e.changes.name])).toEqual([
      ['business_unit.deleted', { before: 'Sales EMEA', after: null }],
      ['business_unit.updated', { before: 'Sales', after: 'Sales EMEA' }],
      ['business_unit.created', { before: null, after: 'Sales' }],
    ]);
  });

  it('refuses empty or duplicate names and deleting the default unit', async () => {
    const admin = await signUpOrg(h);
    expect(
      expectProblem(await call(h, admin, 'POST', '/business-units', { name: '  ' }), 422, 'validation_failed')
        .errors?.[0]?.field,
    ).toBe('name');
    expect(
      expectProblem(await call(h, admin, 'POST', '/business-units', { name: 'general' }), 422, 'validation_failed')
        .errors?.[0],
    ).toMatchObject({ rule: 'unique', params: { entity: 'business_unit', value: 'general' } });
    const isDefault = expectProblem(
      await call(h, admin, 'DELETE', `/business-units/${defaultUnit(admin)}`),
      409,
      'conflict',
    );
    expect(isDefault.reason).toBe('default_business_unit');
    expectProblem(await call(h, admin, 'PATCH', '/business-units/not-a-uuid', { name: 'X' }), 422, 'validation_failed');
  });

  it('lets members list units but only administrators change them; other orgs get 404', async () => {
    const admin = await signUpOrg(h);
    const viewer = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'viewer' } });
    const stranger = await signUpOrg(h);
    expect((await call(h, viewer, 'GET', '/business-units')).json().items).toHaveLength(1);
    expectProblem(await call(h, viewer, 'POST', '/business-units', { name: 'Mine' }), 403, 'forbidden');
    expectProblem(await call(h, null, 'GET', '/business-units'), 401, 'unauthenticated');
    expectProblem(
      await call(h, stranger, 'PATCH', `/business-units/${defaultUnit(admin)}`, { name: 'Taken' }),
      404,
      'not_found',
    );
    expectProblem(await call(h, stranger, 'DELETE', `/business-units/${defaultUnit(admin)}`), 404, 'not_found');
    expect((await call(h, admin, 'GET', '/business-units')).json().items[0].name).toBe('General');
  });
});
