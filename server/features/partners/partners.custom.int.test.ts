import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, auditEvents, call, defaultUnit, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { newContract } from '../categories/classification.fixtures.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

type Admin = Awaited<ReturnType<typeof signUpOrg>>;

async function partnerFields(admin: Admin) {
  const field = (body: object) => call(h, admin, 'POST', '/custom-fields', { entity: 'partner', ...body });
  await field({ label: 'Rating', type: 'number', mandatory: true });
  await field({ label: 'Segment', type: 'dropdown', options: ['SMB', 'Enterprise'] });
  await field({ label: 'Certs', type: 'multi_select', options: ['ISO 9001', 'ISO 27001'] });
  await field({ label: 'Preferred', type: 'checkbox' });
}

const names = (res: { json(): unknown }) => (res.json() as { items: { name: string }[] }).items.map((p) => p.name);

describe('partner custom fields', () => {
  it('stores, merges and removes custom values, logging them', async () => {
    const admin = await signUpOrg(h);
    await partnerFields(admin);
    const body = { name: 'Acme', type: 'supplier', custom: { rating: 4, segment: 'SMB', certs: ['ISO 27001'] } };
    const created = await call(h, admin, 'POST', '/partners', body);
    expect(created.statusCode).toBe(201);
    const partner = created.json();
    expect(partner).toMatchObject({ custom: body.custom, contractCount: 0 });
    const patched = await call(h, admin, 'PATCH', `/partners/${partner.id}`, { custom: { segment: null, rating: 5 } });
    expect(patched.json().custom).toEqual({ rating: 5, certs: ['ISO 27001'] });
    expect((await call(h, admin, 'GET', `/partners/${partner.id}`)).json().custom).toEqual(patched.json().custom);
    const [updated] = await auditEvents(h, admin, '&action=partner.updated');
    expect(updated!.changes.custom).toEqual({ before: body.custom, after: { rating: 5, certs: ['ISO 27001'] } });
  });

  it('reports every bad custom value in one 422', async () => {
    const admin = await signUpOrg(h);
    await partnerFields(admin);
    const res = await call(h, admin, 'POST', '/partners', {
      name: 'Acme',
      type: 'supplier',
      custom: { segment: 'Huge', certs: 'ISO 9001', colour: 'red' },
    });
    const problem = expectProblem(res, 422, 'validation_failed');
    expect(problem.errors?.map((e) => [e.field, e.rule])).toEqual([
      ['custom.segment', 'unknown_option'],
      ['custom.certs', 'wrong_type'],
      ['custom.colour', 'unknown_field'],
      ['custom.rating', 'required'],
    ]);
    const ok = (
      await call(h, admin, 'POST', '/partners', { name: 'B', type: 'customer', custom: { rating: 1 } })
    ).json();
    const cleared = await call(h, admin, 'PATCH', `/partners/${ok.id}`, { custom: { rating: null } });
    expect(expectProblem(cleared, 422, 'validation_failed').errors?.[0]).toMatchObject({
      field: 'custom.rating',
      rule: 'required',
    });
    // Without custom values in the patch, other fields still change.
    expect((await call(h, admin, 'PATCH', `/partners/${ok.id}`, { name: 'Beta' })).json().name).toBe('Beta');
  });

  it('filters the list by custom field and type, with search still matching', async () => {
    const admin = await signUpOrg(h);
    await partnerFields(admin);
    const add = (name: string, type: string, custom: object) =>
      call(h, admin, 'POST', '/partners', { name, type, custom });
    await add('Acme Supplies', 'supplier', { rating: 3, segment: 'SMB', certs: ['ISO 9001'], preferred: true });
    await add('Acme Retail', 'customer', { rating: 5, segment: 'Enterprise', certs: ['ISO 9001', 'ISO 27001'] });
    await add('Globex', 'supplier', { rating: 5, segment: 'Enterprise', preferred: false });
    expect(names(await call(h, admin, 'GET', '/partners?cf.segment=Enterprise'))).toEqual(['Acme Retail', 'Globex']);
    expect(names(await call(h, admin, 'GET', '/partners?cf.segment=Enterprise&type=supplier'))).toEqual(['Globex']);
    expect(names(await call(h, admin, 'GET', '/partners?cf.certs=ISO%2027001'))).toEqual(['Acme Retail']);
    expect(names(await call(h, admin, 'GET', '/partners?cf.rating=5&q=acme'))).toEqual(['Acme Retail']);
    expect(names(await call(h, admin, 'GET', '/partners?cf.preferred=false'))).toEqual(['Globex']);
    expect(names(await call(h, admin, 'GET', '/partners?cf.rating=3&cf.rating=5&q=ACME'))).toEqual([
      'Acme Retail',
      'Acme Supplies',
    ]);
    expect(names(await call(h, admin, 'GET', '/partners?q=acme%25'))).toEqual([]);
    const unknown = await call(h, admin, 'GET', '/partners?cf.colour=red');
    expect(expectProblem(unknown, 422, 'validation_failed').errors?.[0]).toMatchObject({
      field: 'cf.colour',
      rule: 'unknown_filter',
    });
    const badNumber = await call(h, admin, 'GET', '/partners?cf.rating=five');
    expect(expectProblem(badNumber, 422, 'validation_failed').errors?.[0]?.rule).toBe('wrong_type');
    expectProblem(await call(h, admin, 'GET', '/partners?colour=red'), 422, 'validation_failed');
  });

  it('counts the contracts a caller can see', async () => {
    const admin = await signUpOrg(h);
    const partner = (await call(h, admin, 'POST', '/partners', { name: 'Acme', type: 'supplier' })).json();
    const unit = (await call(h, admin, 'POST', '/business-units', { name: 'Hidden' })).json();
    const viewer = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'viewer' } });
    await newContract(h, admin, { partnerId: partner.id });
    await newContract(h, admin, { partnerId: partner.id, businessUnitId: unit.id });
    expect((await call(h, admin, 'GET', `/partners/${partner.id}`)).json().contractCount).toBe(2);
    expect((await call(h, viewer, 'GET', `/partners/${partner.id}`)).json().contractCount).toBe(1);
    expect((await call(h, viewer, 'GET', '/partners')).json().items[0].contractCount).toBe(1);
  });
});
