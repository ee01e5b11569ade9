import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, auditEvents, call, defaultUnit, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const acme = {
  name: 'Acme Supplies GmbH',
  type: 'supplier',
  vatId: 'DE123456789',
  address: { street: 'Hauptstraße 1', postalCode: '10115', city: 'Berlin', country: 'DE' },
  contacts: [{ name: 'Erika Muster', email: 'Erika@Acme.example', phone: '+49 30 1234567', role: 'Sales' }],
};

describe('business partners', () => {
  it('creates, reads, updates and lists partners; contact people stay out of the chained log', async () => {
    const admin = await signUpOrg(h);
    const created = await call(h, admin, 'POST', '/partners', acme);
    expect(created.statusCode).toBe(201);
    const partner = created.json();
    expect(partner).toMatchObject({
      name: 'Acme Supplies GmbH',
      contacts: [{ email: 'erika@acme.example', role: 'Sales' }],
    });
    expect((await call(h, admin, 'GET', `/partners/${partner.id}`)).json().vatId).toBe('DE123456789');
    const patched = await call(h, admin, 'PATCH', `/partners/${partner.id}`, { type: 'both' });
    expect(patched.json().type).toBe('both');
    await call(h, admin, 'POST', '/partners', { name: 'Beta Customer AG', type: 'customer' });
    const page1 = (await call(h, admin, 'GET', '/partners?limit=1')).json();
    const page2 = (await call(h, admin, 'GET', `/partners?limit=1&cursor=${page1.nextCursor}`)).json();
    expect([...page1.items, ...page2.items].map((p: { name: string }) => p.name)).toEqual([
      'Acme Supplies GmbH',
      'Beta Customer AG',
    ]);
    const desc1 = (await call(h, admin, 'GET', '/partners?limit=1&sort=-name')).json();
    const desc2 = (await call(h, admin, 'GET', `/partners?limit=1&sort=-name&cursor=${desc1.nextCursor}`)).json();
    expect([...desc1.items, ...desc2.items].map((p: { name: string }) => p.name)).toEqual([
      'Beta Customer AG',
      'Acme Supplies GmbH',
    ]);
    expect(desc2.nextCursor).toBeNull();
    expect((await call(h, admin, 'GET', '/partners?q=de1234')).json().items).toHaveLength(1);
    expect(
      (await call(h, admin, 'GET', '/partners?type=customer')).json().items.map((p: { name: string }) => p.name),
    ).toEqual(['Beta Customer AG']);
    const events = await auditEvents(h, admin, '&objectType=partner');
    expect(events.map((e) => e.action)).toEqual(['partner.created', 'partner.updated', 'partner.created']);
    expect(events[1]!.changes).toEqual({ type: { before: 'supplier', after: 'both' } });
    const row = await h.app.inject({
      method: 'GET',
      url: '/api/v1/audit/export?objectType=partner',
      headers: { cookie: admin.cookie! },
    });
    expect(row.body).toContain('erika@acme.example');
  });

  it('refuses bad input naming the field', async () => {
    const admin = await signUpOrg(h);
    const badType = await call(h, admin, 'POST', '/partners', { name: 'X', type: 'vendor' });
    expect(expectProblem(badType, 422, 'validation_failed').errors?.[0]?.field).toBe('type');
    const badMail = await call(h, admin, 'POST', '/partners', { ...acme, contacts: [{ name: 'A', email: 'nope' }] });
    expect(expectProblem(badMail, 422, 'validation_failed').errors?.[0]?.field).toBe('contacts.0.email');
    const badCountry = await call(h, admin, 'POST', '/partners', { ...acme, address: { country: 'Germany' } });
    expect(expectProblem(badCountry, 422, 'validation_failed').errors?.[0]).toMatchObject({
      field: 'address.country',
      rule: 'unknown_country',
    });
    // Two letters are not enough: XX is no country.
    const noCountry = await call(h, admin, 'POST', '/partners', { ...acme, address: { country: 'XX' } });
    expect(expectProblem(noCountry, 422, 'validation_failed').errors?.[0]?.rule).toBe('unknown_country');
    expect((await call(h, admin, 'GET', '/partners')).json().items).toEqual([]);
  });

  it('shows a country stored before codes were checked as it is, and asks for a real one on the next save', async () => {
    const admin = await signUpOrg(h);
    const { id } = (await call(h, admin, 'POST', '/partners', acme)).json();
    await h.database.db.execute(
      sql`update partners set address = jsonb_set(address, '{country}', '"XX"') where org_id = ${admin.me.org.id}`,
    );
    expect((await call(h, admin, 'GET', `/partners/${id}`)).json().address.country).toBe('XX');
    expect((await call(h, admin, 'PATCH', `/partners/${id}`, { vatId: 'DE999' })).statusCode).toBe(200);
    const stale = await call(h, admin, 'PATCH', `/partners/${id}`, { address: { ...acme.address, country: 'XX' } });
    expect(expectProblem(stale, 422, 'validation_failed').errors?.[0]).toMatchObject({
      field: 'address.country',
      rule: 'unknown_country',
    });
    const fixed = await call(h, admin, 'PATCH', `/partners/${id}`, { address: { ...acme.address, country: 'GE' } });
    expect(fixed.json().address.country).toBe('GE');
  });

  it('links contracts to partners and keeps partners that still have contracts', async () => {
    const admin = await signUpOrg(h);
    const partner = (await call(h, admin, 'POST', '/partners', acme)).json();
    const lifecycle = { type: 'fixed', startDate: '2026-01-01', endDate: '2026-12-31' };
    const contract = await call(h, admin, 'POST', '/contracts', { title: 'Supply', partnerId: partner.id, lifecycle });
    expect(contract.json().partnerId).toBe(partner.id);
    expect((await call(h, admin, 'GET', `/contracts?partnerId=${partner.id}`)).json().items).toHaveLength(1);
    const other = await signUpOrg(h);
    const foreign = (await call(h, other, 'POST', '/partners', { name: 'Theirs', type: 'customer' })).json();
    const wrong = await call(h, admin, 'POST', '/contracts', { title: 'X', partnerId: foreign.id, lifecycle });
    expect(expectProblem(wrong, 422, 'validation_failed').errors?.[0]).toMatchObject({
      field: 'partnerId',
      rule: 'unknown_partner',
    });
    expectProblem(await call(h, admin, 'DELETE', `/partners/${partner.id}`), 409, 'conflict');
    await call(h, admin, 'PATCH', `/contracts/${contract.json().id}`, { partnerId: null });
    expect((await call(h, admin, 'DELETE', `/partners/${partner.id}`)).statusCode).toBe(204);
    expectProblem(await call(h, admin, 'GET', `/partners/${partner.id}`), 404, 'not_found');
    expect(await auditEvents(h, admin, '&action=partner.deleted')).toHaveLength(1);
  });

  it('lets every member read, editors and administrators write; other orgs get 404; no session 401', async () => {
    const admin = await signUpOrg(h);
    const viewer = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'viewer' } });
    const editor = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'editor' } });
    const stranger = await signUpOrg(h);
    const partner = (await call(h, editor, 'POST', '/partners', acme)).json();
    expect((await call(h, viewer, 'GET', `/partners/${partner.id}`)).json().name).toBe(acme.name);
    expectProblem(await call(h, viewer, 'POST', '/partners', acme), 403, 'forbidden');
    expectProblem(await call(h, viewer, 'PATCH', `/partners/${partner.id}`, { name: 'Mine' }), 403, 'forbidden');
    expectProblem(await call(h, stranger, 'GET', `/partners/${partner.id}`), 404, 'not_found');
    expectProblem(await call(h, stranger, 'PATCH', `/partners/${partner.id}`, { name: 'Taken' }), 404, 'not_found');
    expectProblem(await call(h, stranger, 'DELETE', `/partners/${partner.id}`), 404, 'not_found');
    expectProblem(await call(h, null, 'GET', '/partners'), 401, 'unauthenticated');
    expect((await call(h, admin, 'GET', `/partners/${partner.id}`)).json().name).toBe(acme.name);
  });
});
