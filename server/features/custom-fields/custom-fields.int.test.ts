import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, auditEvents, call, defaultUnit, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { contractRow, newContract, setContract } from '../categories/classification.fixtures.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const tier = { entity: 'contract', label: 'Service tier', type: 'dropdown', options: ['Gold', 'Silver'] };
const keys = (res: { json(): unknown }) => (res.json() as { items: { key: string }[] }).items.map((f) => f.key);

describe('custom fields', () => {
  it('creates fields with keys from labels, in order, per entity, and updates them', async () => {
    const admin = await signUpOrg(h);
    const created = await call(h, admin, 'POST', '/custom-fields', { ...tier, mandatory: true, section: 'Service' });
    expect(created.statusCode).toBe(201);
    const field = created.json();
    expect(field).toMatchObject({ key: 'service_tier', type: 'dropdown', mandatory: true, position: 0 });
    const cost = (
      await call(h, admin, 'POST', '/custom-fields', {
        entity: 'contract',
        label: 'Kosten',
        key: 'cost',
        type: 'money',
      })
    ).json();
    expect(cost).toMatchObject({ key: 'cost', options: [], mandatory: false, section: null, position: 1 });
    await call(h, admin, 'POST', '/custom-fields', { entity: 'partner', label: 'Rating', type: 'number' });
    expect(keys(await call(h, admin, 'GET', '/custom-fields?entity=contract'))).toEqual(['service_tier', 'cost']);
    expect(keys(await call(h, admin, 'GET', '/custom-fields?entity=partner'))).toEqual(['rating']);
    const patch = { label: 'Tier', options: ['Gold', 'Silver', 'Bronze'], mandatory: false, key: 'service_tier' };
    const updated = await call(h, admin, 'PATCH', `/custom-fields/${field.id}`, patch);
    expect(updated.json()).toMatchObject({ label: 'Tier', key: 'service_tier', options: ['Gold', 'Silver', 'Bronze'] });
    const events = await auditEvents(h, admin, '&objectType=custom_field');
    expect(events.map((e) => e.action)).toEqual([
      'custom_field.updated',
      'custom_field.created',
      'custom_field.created',
      'custom_field.created',
    ]);
    expect(events[0]!.changes).toEqual({
      label: { before: 'Service tier', after: 'Tier' },
      options: { before: ['Gold', 'Silver'], after: ['Gold', 'Silver', 'Bronze'] },
      mandatory: { before: true, after: false },
    });
  });

  it('refuses bad definitions naming field and rule', async () => {
    const admin = await signUpOrg(h);
    const post = (body: object) => call(h, admin, 'POST', '/custom-fields', body);
    const first = (res: Awaited<ReturnType<typeof post>>) => expectProblem(res, 422, 'validation_failed').errors?.[0];
    expect(first(await post({ ...tier, options: [] }))).toMatchObject({ field: 'options', rule: 'required' });
    expect(first(await post({ ...tier, options: ['A', 'a'] }))).toMatchObject({
      field: 'options',
      rule: 'unique',
      params: { entity: 'option', value: 'a' },
    });
    expect(first(await post({ ...tier, type: 'text' }))).toMatchObject({ field: 'options', rule: 'forbidden' });
    expect(first(await post({ ...tier, type: 'colour' }))?.field).toBe('type');
    expect(first(await post({ ...tier, key: 'Bad Key' }))?.field).toBe('key');
    expect(first(await post({ ...tier, entity: 'invoice' }))?.field).toBe('entity');
    expect((await post(tier)).statusCode).toBe(201);
    expect(first(await post({ ...tier, label: 'Service Tier!' }))).toMatchObject({ field: 'key', rule: 'unique' });
    expect((await post({ ...tier, entity: 'partner' })).statusCode).toBe(201);
    const field = (await call(h, admin, 'GET', '/custom-fields')).json().items[0];
    const patch = (body: object) => call(h, admin, 'PATCH', `/custom-fields/${field.id}`, body);
    expect(first(await patch({ key: 'tier' }))).toMatchObject({ field: 'key', rule: 'immutable' });
    expect(first(await patch({ type: 'multi_select' }))).toMatchObject({ field: 'type', rule: 'immutable' });
    expect(first(await patch({ options: [] }))).toMatchObject({ field: 'options', rule: 'required' });
    expect(first(await patch({ mandatory: 'yes' }))?.field).toBe('mandatory');
    const badOrder = await call(h, admin, 'PUT', '/custom-fields/order', { entity: 'contract', ids: [] });
    expect(expectProblem(badOrder, 422, 'validation_failed').errors?.[0]).toMatchObject({
      field: 'ids',
      rule: 'mismatch',
    });
  });

  it('refuses to drop an option stored values still hold; deleting a field removes its values', async () => {
    const admin = await signUpOrg(h);
    const field = (await call(h, admin, 'POST', '/custom-fields', tier)).json();
    const tags = (
      await call(h, admin, 'POST', '/custom-fields', {
        ...tier,
        label: 'Tags',
        type: 'multi_select',
        options: ['a', 'b'],
      })
    ).json();
    const contract = await newContract(h, admin);
    await setContract(h, admin, contract, { custom: { service_tier: 'Gold', tags: ['b'], other: 1 } });
    const refused = await call(h, admin, 'PATCH', `/custom-fields/${field.id}`, { options: ['Silver'] });
    expect(expectProblem(refused, 409, 'conflict').detail).toContain('"Gold" (1)');
    expectProblem(await call(h, admin, 'PATCH', `/custom-fields/${tags.id}`, { options: ['a'] }), 409, 'conflict');
    expect((await call(h, admin, 'PATCH', `/custom-fields/${field.id}`, { options: ['Gold'] })).statusCode).toBe(200);
    expect((await call(h, admin, 'DELETE', `/custom-fields/${field.id}`)).statusCode).toBe(204);
    expect((await contractRow(h, admin, contract)).custom).toEqual({ tags: ['b'], other: 1 });
    expect(keys(await call(h, admin, 'GET', '/custom-fields'))).toEqual(['tags']);
    const [deleted] = await auditEvents(h, admin, '&action=custom_field.deleted');
    expect(deleted!.changes.key).toEqual({ before: 'service_tier', after: null });
  });

  it('reorders an entity by drag and drop, refusing partial or foreign lists', async () => {
    const admin = await signUpOrg(h);
    const ids: string[] = [];
    for (const label of ['One', 'Two', 'Three']) {
      ids.push((await call(h, admin, 'POST', '/custom-fields', { entity: 'contract', label, type: 'text' })).json().id);
    }
    const partnerField = (
      await call(h, admin, 'POST', '/custom-fields', { entity: 'partner', label: 'P', type: 'checkbox' })
    ).json();
    const order = [ids[2], ids[0], ids[1]];
    const res = await call(h, admin, 'PUT', '/custom-fields/order', { entity: 'contract', ids: order });
    expect(keys(res)).toEqual(['three', 'one', 'two']);
    expect(keys(await call(h, admin, 'GET', '/custom-fields?entity=contract'))).toEqual(['three', 'one', 'two']);
    const twice = { entity: 'contract', ids: [ids[0], ids[0], ids[1]] };
    expectProblem(await call(h, admin, 'PUT', '/custom-fields/order', twice), 422, 'validation_failed');
    const mixed = { entity: 'contract', ids: [ids[0], ids[1], partnerField.id] };
    expectProblem(await call(h, admin, 'PUT', '/custom-fields/order', mixed), 422, 'validation_failed');
    const [event] = await auditEvents(h, admin, '&action=custom_field.reordered');
    expect(event!.changes.order).toEqual({ before: ['one', 'two', 'three'], after: ['three', 'one', 'two'] });
  });

  it('lets members read and administrators write; other orgs get 404; no session 401', async () => {
    const admin = await signUpOrg(h);
    const editor = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'editor' } });
    const viewer = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'viewer' } });
    const stranger = await signUpOrg(h);
    const field = (await call(h, admin, 'POST', '/custom-fields', tier)).json();
    expect(keys(await call(h, viewer, 'GET', '/custom-fields?entity=contract'))).toEqual(['service_tier']);
    expectProblem(await call(h, editor, 'POST', '/custom-fields', tier), 403, 'forbidden');
    expectProblem(await call(h, editor, 'PATCH', `/custom-fields/${field.id}`, { label: 'X' }), 403, 'forbidden');
    expectProblem(await call(h, editor, 'DELETE', `/custom-fields/${field.id}`), 403, 'forbidden');
    const order = { entity: 'contract', ids: [field.id] };
    expectProblem(await call(h, viewer, 'PUT', '/custom-fields/order', order), 403, 'forbidden');
    expectProblem(await call(h, stranger, 'PATCH', `/custom-fields/${field.id}`, { label: 'X' }), 404, 'not_found');
    expectProblem(await call(h, stranger, 'DELETE', `/custom-fields/${field.id}`), 404, 'not_found');
    expectProblem(await call(h, stranger, 'PUT', '/custom-fields/order', order), 404, 'not_found');
    expect(keys(await call(h, stranger, 'GET', '/custom-fields'))).toEqual([]);
    expectProblem(await call(h, null, 'GET', '/custom-fields'), 401, 'unauthenticated');
    expect(keys(await call(h, admin, 'GET', '/custom-fields'))).toEqual(['service_tier']);
    expect(await auditEvents(h, admin, '&objectType=custom_field')).toHaveLength(1);
  });
});
