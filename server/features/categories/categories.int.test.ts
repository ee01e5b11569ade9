import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, auditEvents, call, defaultUnit, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { newContract, setContract } from './classification.fixtures.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const names = (res: { json(): unknown }) => (res.json() as { items: { name: string }[] }).items.map((c) => c.name);

describe('categories', () => {
  it('creates, lists by kind, renames and deletes categories, logging each change', async () => {
    const admin = await signUpOrg(h);
    const created = await call(h, admin, 'POST', '/categories', { name: '  Services ', kind: 'contract' });
    expect(created.statusCode).toBe(201);
    const services = created.json();
    expect(services).toMatchObject({ name: 'Services', kind: 'contract' });
    await call(h, admin, 'POST', '/categories', { name: 'Audit', kind: 'event' });
    await call(h, admin, 'POST', '/categories', { name: 'IT' });
    expect(names(await call(h, admin, 'GET', '/categories'))).toEqual(['IT', 'Services']);
    expect(names(await call(h, admin, 'GET', '/categories?kind=event'))).toEqual(['Audit']);
    const renamed = await call(h, admin, 'PATCH', `/categories/${services.id}`, { name: 'Services & Support' });
    expect(renamed.json()).toMatchObject({ id: services.id, name: 'Services & Support' });
    expect((await call(h, admin, 'DELETE', `/categories/${services.id}`)).statusCode).toBe(204);
    expect(names(await call(h, admin, 'GET', '/categories?kind=contract'))).toEqual(['IT']);
    const events = await auditEvents(h, admin, '&objectType=category');
    expect(events.map((e) => [e.action, e.changes.name])).toEqual([
      ['category.deleted', { before: 'Services & Support', after: null }],
      ['category.updated', { before: 'Services', after: 'Services & Support' }],
      ['category.created', { before: null, after: 'IT' }],
      ['category.created', { before: null, after: 'Audit' }],
      ['category.created', { before: null, after: 'Services' }],
    ]);
    expect(events[4]!.objectId).toBe(services.id);
  });

  it('refuses bad input naming the field and rule, and names used twice per kind', async () => {
    const admin = await signUpOrg(h);
    const it1 = (await call(h, admin, 'POST', '/categories', { name: 'IT' })).json();
    const empty = await call(h, admin, 'POST', '/categories', { name: '  ' });
    expect(expectProblem(empty, 422, 'validation_failed').errors?.[0]?.field).toBe('name');
    // A schema limit arrives as its rule and number, so the web app can say it in the reader's language.
    const long = await call(h, admin, 'POST', '/categories', { name: 'x'.repeat(121) });
    expect(expectProblem(long, 422, 'validation_failed').errors?.[0]).toMatchObject({
      field: 'name',
      rule: 'too_big',
      params: { max: 120, origin: 'string' },
    });
    const badKind = await call(h, admin, 'POST', '/categories', { name: 'X', kind: 'party' });
    expect(expectProblem(badKind, 422, 'validation_failed').errors?.[0]?.field).toBe('kind');
    expectProblem(await call(h, admin, 'GET', '/categories?kind=party'), 422, 'validation_failed');
    const dup = await call(h, admin, 'POST', '/categories', { name: 'it', kind: 'contract' });
    // The web app says "A category named “it” already exists" from the entity and value.
    expect(expectProblem(dup, 422, 'validation_failed').errors?.[0]).toMatchObject({
      field: 'name',
      rule: 'unique',
      params: { entity: 'category', value: 'it' },
    });
    // The same name is free in the other list.
    expect((await call(h, admin, 'POST', '/categories', { name: 'IT', kind: 'event' })).statusCode).toBe(201);
    const other = (await call(h, admin, 'POST', '/categories', { name: 'Legal' })).json();
    const clash = await call(h, admin, 'PATCH', `/categories/${other.id}`, { name: 'IT' });
    expect(expectProblem(clash, 422, 'validation_failed').errors?.[0]).toMatchObject({
      field: 'name',
      rule: 'unique',
      params: { entity: 'category', value: 'IT' },
    });
    expect((await call(h, admin, 'PATCH', `/categories/${it1.id}`, { name: 'it' })).json().name).toBe('it');
    expectProblem(await call(h, admin, 'PATCH', '/categories/nope', { name: 'X' }), 422, 'validation_failed');
  });

  it('refuses to delete a category while contracts, even deleted ones, use it', async () => {
    const admin = await signUpOrg(h);
    const cat = (await call(h, admin, 'POST', '/categories', { name: 'Leases' })).json();
    const contract = await newContract(h, admin);
    await setContract(h, admin, contract, { categoryId: cat.id, deletedAt: new Date() });
    const inUse = expectProblem(await call(h, admin, 'DELETE', `/categories/${cat.id}`), 409, 'conflict');
    expect(inUse).toMatchObject({ reason: 'category_in_use', params: { count: 1 } });
    await setContract(h, admin, contract, { categoryId: null });
    expect((await call(h, admin, 'DELETE', `/categories/${cat.id}`)).statusCode).toBe(204);
    expect(await auditEvents(h, admin, '&action=category.deleted')).toHaveLength(1);
  });

  it('lets members list, editors add inline, administrators rename and delete; 404 across orgs; 401', async () => {
    const admin = await signUpOrg(h);
    const viewer = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'viewer' } });
    const editor = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'editor' } });
    const stranger = await signUpOrg(h);
    const cat = (await call(h, editor, 'POST', '/categories', { name: 'Inline' })).json();
    expect(names(await call(h, viewer, 'GET', '/categories'))).toEqual(['Inline']);
    expectProblem(await call(h, viewer, 'POST', '/categories', { name: 'Mine' }), 403, 'forbidden');
    expectProblem(await call(h, editor, 'PATCH', `/categories/${cat.id}`, { name: 'Mine' }), 403, 'forbidden');
    expectProblem(await call(h, editor, 'DELETE', `/categories/${cat.id}`), 403, 'forbidden');
    expectProblem(await call(h, stranger, 'PATCH', `/categories/${cat.id}`, { name: 'Taken' }), 404, 'not_found');
    expectProblem(await call(h, stranger, 'DELETE', `/categories/${cat.id}`), 404, 'not_found');
    expect(names(await call(h, stranger, 'GET', '/categories'))).toEqual([]);
    expectProblem(await call(h, null, 'GET', '/categories'), 401, 'unauthenticated');
    expectProblem(await call(h, null, 'POST', '/categories', { name: 'X' }), 401, 'unauthenticated');
    expect(names(await call(h, admin, 'GET', '/categories'))).toEqual(['Inline']);
    const [event] = await auditEvents(h, admin, '&action=category.created');
    expect(event!.actor.id).toBe(editor.id);
  });
});
