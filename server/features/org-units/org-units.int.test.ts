import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, auditEvents, call, defaultUnit, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { newContract, setContract } from '../categories/classification.fixtures.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const names = (res: { json(): unknown }) => (res.json() as { items: { name: string }[] }).items.map((c) => c.name);

describe('organizational units', () => {
  it('creates, lists, renames and deletes units, logging each change', async () => {
    const admin = await signUpOrg(h);
    const created = await call(h, admin, 'POST', '/org-units', { name: ' Purchasing ' });
    expect(created.statusCode).toBe(201);
    const unit = created.json();
    expect(unit).toMatchObject({ name: 'Purchasing' });
    await call(h, admin, 'POST', '/org-units', { name: 'Finance' });
    expect(names(await call(h, admin, 'GET', '/org-units'))).toEqual(['Finance', 'Purchasing']);
    expect((await call(h, admin, 'PATCH', `/org-units/${unit.id}`, { name: 'Procurement' })).json().name).toBe(
      'Procurement',
    );
    expect((await call(h, admin, 'DELETE', `/org-units/${unit.id}`)).statusCode).toBe(204);
    expect(names(await call(h, admin, 'GET', '/org-units'))).toEqual(['Finance']);
    const events = await auditEvents(h, admin, '&objectType=org_unit');
    expect(events.map((e) => [e.action, e.changes.name])).toEqual([
      ['org_unit.deleted', { before: 'Procurement', after: null }],
      ['org_unit.updated', { before: 'Purchasing', after: 'Procurement' }],
      ['org_unit.created', { before: null, after: 'Finance' }],
      ['org_unit.created', { before: null, after: 'Purchasing' }],
    ]);
  });

  it('refuses empty and duplicate names naming field and rule', async () => {
    const admin = await signUpOrg(h);
    const finance = (await call(h, admin, 'POST', '/org-units', { name: 'Finance' })).json();
    const legal = (await call(h, admin, 'POST', '/org-units', { name: 'Legal' })).json();
    const empty = await call(h, admin, 'POST', '/org-units', {});
    expect(expectProblem(empty, 422, 'validation_failed').errors?.[0]?.field).toBe('name');
    const dup = await call(h, admin, 'POST', '/org-units', { name: 'FINANCE' });
    expect(expectProblem(dup, 422, 'validation_failed').errors?.[0]).toMatchObject({
      field: 'name',
      rule: 'unique',
      params: { entity: 'org_unit', value: 'FINANCE' },
    });
    const clash = await call(h, admin, 'PATCH', `/org-units/${legal.id}`, { name: 'finance' });
    expect(expectProblem(clash, 422, 'validation_failed').errors?.[0]).toMatchObject({ field: 'name', rule: 'unique' });
    expect((await call(h, admin, 'PATCH', `/org-units/${finance.id}`, { name: 'FINANCE' })).statusCode).toBe(200);
    expectProblem(await call(h, admin, 'DELETE', '/org-units/123'), 422, 'validation_failed');
  });

  it('refuses to delete a unit while contracts use it', async () => {
    const admin = await signUpOrg(h);
    const unit = (await call(h, admin, 'POST', '/org-units', { name: 'Facilities' })).json();
    const contract = await newContract(h, admin);
    await setContract(h, admin, contract, { orgUnitId: unit.id });
    const refused = expectProblem(await call(h, admin, 'DELETE', `/org-units/${unit.id}`), 409, 'conflict');
    expect(refused.detail).toContain('1 contract');
    expect(refused).toMatchObject({ reason: 'org_unit_in_use', params: { count: 1 } });
    await setContract(h, admin, contract, { orgUnitId: null });
    expect((await call(h, admin, 'DELETE', `/org-units/${unit.id}`)).statusCode).toBe(204);
  });

  it('lets members list, editors add inline, administrators rename and delete; 404 across orgs; 401', async () => {
    const admin = await signUpOrg(h);
    const viewer = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'viewer' } });
    const editor = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'editor' } });
    const stranger = await signUpOrg(h);
    const unit = (await call(h, editor, 'POST', '/org-units', { name: 'Inline' })).json();
    expect(names(await call(h, viewer, 'GET', '/org-units'))).toEqual(['Inline']);
    expectProblem(await call(h, viewer, 'POST', '/org-units', { name: 'Mine' }), 403, 'forbidden');
    expectProblem(await call(h, editor, 'PATCH', `/org-units/${unit.id}`, { name: 'Mine' }), 403, 'forbidden');
    expectProblem(await call(h, editor, 'DELETE', `/org-units/${unit.id}`), 403, 'forbidden');
    expectProblem(await call(h, stranger, 'PATCH', `/org-units/${unit.id}`, { name: 'Taken' }), 404, 'not_found');
    expectProblem(await call(h, stranger, 'DELETE', `/org-units/${unit.id}`), 404, 'not_found');
    expect(names(await call(h, stranger, 'GET', '/org-units'))).toEqual([]);
    expectProblem(await call(h, null, 'GET', '/org-units'), 401, 'unauthenticated');
    expect(names(await call(h, admin, 'GET', '/org-units'))).toEqual(['Inline']);
    expect(await auditEvents(h, admin, '&action=org_unit.created')).toHaveLength(1);
  });
});
