import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, auditEvents, call, defaultUnit, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('API keys', () => {
  it('creates a key shown once, which works as a Bearer token with its role, until revoked', async () => {
    const admin = await signUpOrg(h);
    const unit = defaultUnit(admin);
    const created = await call(h, admin, 'POST', '/api-keys', {
      name: 'ERP sync',
      role: 'viewer',
      businessUnitIds: [unit],
    });
    expect(created.statusCode).toBe(201);
    const { apiKey, token } = created.json();
    expect(token).toMatch(/^dbx_/);
    expect(token.startsWith(apiKey.prefix)).toBe(true);
    const listed = (await call(h, admin, 'GET', '/api-keys')).json().items;
    expect(JSON.stringify(listed)).not.toContain(token);
    const me = await call(h, { bearer: token }, 'GET', '/me');
    expect(me.json()).toMatchObject({
      via: 'apiKey',
      user: null,
      apiKey: { name: 'ERP sync' },
      isAdmin: false,
      roles: [{ businessUnitId: unit, role: 'viewer' }],
    });
    expectProblem(await call(h, { bearer: token }, 'GET', '/users'), 403, 'forbidden');
    expect((await call(h, admin, 'GET', '/api-keys')).json().items[0].lastUsedAt).not.toBeNull();
    expect((await call(h, admin, 'DELETE', `/api-keys/${apiKey.id}`)).statusCode).toBe(204);
    expectProblem(await call(h, { bearer: token }, 'GET', '/me'), 401, 'unauthenticated');
    const actions = (await auditEvents(h, admin, '&objectType=api_key')).map((e) => e.action);
    expect(actions).toEqual(['api_key.revoked', 'api_key.created']);
  });

  it('lets an administrator key manage the org and write to the activity log as itself', async () => {
    const admin = await signUpOrg(h);
    const { token } = (
      await call(h, admin, 'POST', '/api-keys', { name: 'Admin robot', role: 'administrator' })
    ).json();
    const unit = await call(h, { bearer: token }, 'POST', '/business-units', { name: 'Robots' });
    expect(unit.statusCode).toBe(201);
    const event = (await auditEvents(h, admin, '&action=business_unit.created'))[0]!;
    expect(event.actor).toMatchObject({ type: 'api_key', name: 'Admin robot' });
  });

  it('refuses bad input, non-administrators, and other orgs', async () => {
    const admin = await signUpOrg(h);
    const editor = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'editor' } });
    const stranger = await signUpOrg(h);
    expect(
      expectProblem(await call(h, admin, 'POST', '/api-keys', { name: 'x', role: 'owner' }), 422, 'validation_failed')
        .errors?.[0]?.field,
    ).toBe('role');
    const foreign = await call(h, admin, 'POST', '/api-keys', {
      name: 'x',
      role: 'editor',
      businessUnitIds: [defaultUnit(stranger)],
    });
    expect(expectProblem(foreign, 422, 'validation_failed').errors?.[0]).toMatchObject({
      field: 'businessUnitIds',
      rule: 'unknown_business_unit',
    });
    expectProblem(await call(h, editor, 'POST', '/api-keys', { name: 'mine', role: 'editor' }), 403, 'forbidden');
    expectProblem(await call(h, null, 'GET', '/api-keys'), 401, 'unauthenticated');
    const { apiKey } = (await call(h, admin, 'POST', '/api-keys', { name: 'kept', role: 'editor' })).json();
    expectProblem(await call(h, stranger, 'DELETE', `/api-keys/${apiKey.id}`), 404, 'not_found');
    expect(
      (await call(h, admin, 'GET', '/api-keys')).json().items.map((k: { revokedAt: string | null }) => k.revokedAt),
    ).toEqual([null]);
    expectProblem(await call(h, { bearer: 'dbx_forged_token' }, 'GET', '/me'), 401, 'unauthenticated');
  });
});
