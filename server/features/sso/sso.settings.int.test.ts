import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.js';
import { withClaims } from '../../db/tx.js';
import {
  addMember,
  auditEvents,
  type Caller,
  call,
  defaultUnit,
  expectProblem,
  PASSWORD,
  signInAt,
  signUpOrg,
} from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { startTestIdp, type TestIdp } from '../../test/oidc-provider.js';
import { enrolTotp, pendingFrom } from '../factors/factors.fixtures.js';
import { rotateOrg } from '../keys/keys.rotation.js';
import { connectOrg, loggedData, REDIRECT_URI, uniqueDomain } from './sso.fixtures.js';

let h: Harness;
let idp: TestIdp;
beforeAll(async () => {
  h = await startHarness();
  idp = await startTestIdp(REDIRECT_URI);
});
afterAll(async () => {
  await idp.close();
  await h.close();
});

const apiKeyOf = async (admin: Caller, role = 'administrator'): Promise<Caller> => ({
  bearer: (await call(h, admin, 'POST', '/api-keys', { name: 'IdP sync', role })).json().token,
});
const connection = (extra: Record<string, unknown> = {}) => ({
  protocol: 'oidc',
  issuer: idp.issuer,
  clientId: idp.clientId,
  clientSecret: idp.clientSecret,
  ...extra,
});

describe('the single sign-on connection', () => {
  it('is saved after discovery, shows the redirect URI, keeps the secret sealed and never returns it; logged', async () => {
    const admin = await signUpOrg(h);
    const empty = (await call(h, admin, 'GET', '/settings/sso')).json();
    expect(empty).toMatchObject({ connection: null, domains: [], redirectUri: REDIRECT_URI });
    // The SAML values are known before the connection is made, and are those of the connection made.
    const samlSp = empty.samlSp;
    const saved = await call(h, admin, 'PUT', '/settings/sso/connection', connection());
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().connection).toMatchObject({
      protocol: 'oidc',
      enabled: true,
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecretSet: true,
      jit: { role: 'off', businessUnitId: null },
      enforced: false,
    });
    expect(saved.body).not.toContain(idp.clientSecret);
    expect(saved.json().samlSp).toEqual(samlSp);
    expect(samlSp.entityId).toBe(`http://deedbox.test/api/v1/auth/sso/saml/${saved.json().connection.id}`);
    const [row] = await withClaims(h.database.db, { orgId: admin.me.org.id }, async (tx) =>
      rowsOf<{ client_secret: Uint8Array; org_key_version: number }>(
        await tx.execute(sql`select client_secret, org_key_version from sso_connections`),
      ),
    );
    expect(row!.org_key_version).toBe(1);
    expect(Buffer.from(row!.client_secret).toString('latin1')).not.toContain(idp.clientSecret);
    // Saved again without a secret: the stored one stays and still passes discovery.
    const kept = await call(h, admin, 'PUT', '/settings/sso/connection', { ...connection(), clientSecret: undefined });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json().connection.clientSecretSet).toBe(true);
    const log = (await auditEvents(h, admin)).filter((e) => e.action === 'sso.connection_saved');
    expect(log).toHaveLength(2);
    expect(JSON.stringify(log)).not.toContain(idp.clientSecret);

    expect((await call(h, admin, 'DELETE', '/settings/sso/connection')).statusCode).toBe(204);
    expect((await call(h, admin, 'GET', '/settings/sso')).json().connection).toBeNull();
    expect((await auditEvents(h, admin)).map((e) => e.action)).toContain('sso.connection_removed');
    expectProblem(await call(h, admin, 'DELETE', '/settings/sso/connection'), 404, 'not_found');
  });

  it('keeps working through an org key rotation (the secret’s data key is rewrapped, destroyed key and all)', async () => {
    const admin = await signUpOrg(h);
    const { domain } = await connectOrg(h, idp, admin);
    const rotation = await rotateOrg(h.app.deps, admin.me.org.id, { destroyRetired: true });
    expect(rotation).toMatchObject({ orgKeyVersion: 2, destroyed: [1] });
    expect(rotation.rewrapped).toBeGreaterThanOrEqual(1);
    // Starting a sign-in opens the secret (discovery with it): it still opens under the new key.
    const started = await call(h, null, 'POST', '/auth/sso/start', { email: `kim@${domain}` });
    expect(started.statusCode, started.body).toBe(200);
  });

  it('refuses an issuer that is no OpenID provider, a missing secret, bad input and an unknown unit', async () => {
    const admin = await signUpOrg(h);
    const notIdp = await call(
      h,
      admin,
      'PUT',
      '/settings/sso/connection',
      connection({ issuer: `${idp.issuer}/nothing` }),
    );
    expect(expectProblem(notIdp, 422, 'validation_failed').errors).toEqual([
      expect.objectContaining({ field: 'issuer', rule: 'discovery_failed' }),
    ]);
    const noSecret = await call(h, admin, 'PUT', '/settings/sso/connection', {
      ...connection(),
      clientSecret: undefined,
    });
    expect(expectProblem(noSecret, 422, 'validation_failed').errors?.[0]).toMatchObject({ field: 'clientSecret' });
    const notUrl = await call(h, admin, 'PUT', '/settings/sso/connection', connection({ issuer: 'ftp://x' }));
    expect(expectProblem(notUrl, 422, 'validation_failed').errors?.[0]?.field).toBe('issuer');
    const badUnit = await call(
      h,
      admin,
      'PUT',
      '/settings/sso/connection',
      connection({ jit: { role: 'viewer', businessUnitId: '00000000-0000-4000-8000-000000000000' } }),
    );
    expect(expectProblem(badUnit, 422, 'validation_failed').errors?.[0]).toMatchObject({
      field: 'jit.businessUnitId',
      rule: 'unknown',
    });
    expect((await call(h, admin, 'GET', '/settings/sso')).json().connection).toBeNull();
  });

  it('is for administrators only: no session 401, members and editor keys 403', async () => {
    const admin = await signUpOrg(h);
    const editor = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'editor' } });
    const key = await apiKeyOf(admin, 'editor');
    for (const who of [editor, key]) {
      expectProblem(await call(h, who, 'GET', '/settings/sso'), 403, 'forbidden');
      expectProblem(await call(h, who, 'PUT', '/settings/sso/connection', connection()), 403, 'forbidden');
      expectProblem(await call(h, who, 'POST', '/settings/sso/domains', { domain: uniqueDomain() }), 403, 'forbidden');
    }
    expectProblem(await call(h, null, 'GET', '/settings/sso'), 401, 'unauthenticated');
    expectProblem(await call(h, null, 'PUT', '/settings/sso/enforcement', { enforced: true }), 401, 'unauthenticated');
    // An administrator key may (provisioning tools).
    expect((await call(h, await apiKeyOf(admin), 'GET', '/settings/sso')).statusCode).toBe(200);
  });
});

describe('domains', () => {
  it('are added with the TXT record to create, listed, removed; logged; another account’s is a 404', async () => {
    const admin = await signUpOrg(h);
    const other = await signUpOrg(h);
    const domain = uniqueDomain();
    const added = await call(h, admin, 'POST', '/settings/sso/domains', { domain: ` ${domain.toUpperCase()}. ` });
    expect(added.statusCode, added.body).toBe(201);
    const body = added.json();
    expect(body).toMatchObject({ domain, verified: false, txtName: `_deedbox.${domain}` });
    expect(body.txtValue).toMatch(/^deedbox-verification=[\w-]{32}$/);
    expect((await call(h, admin, 'GET', '/settings/sso')).json().domains).toEqual([body]);
    const twice = await call(h, admin, 'POST', '/settings/sso/domains', { domain });
    expect(expectProblem(twice, 409, 'conflict').errors?.[0]).toMatchObject({ field: 'domain', rule: 'unique' });
    const bad = await call(h, admin, 'POST', '/settings/sso/domains', { domain: 'no spaces.com' });
    expect(expectProblem(bad, 422, 'validation_failed').errors?.[0]?.field).toBe('domain');
    expectProblem(await call(h, other, 'DELETE', `/settings/sso/domains/${body.id}`), 404, 'not_found');
    expect((await call(h, admin, 'DELETE', `/settings/sso/domains/${body.id}`)).statusCode).toBe(204);
    expect((await call(h, admin, 'GET', '/settings/sso')).json().domains).toEqual([]);
    const actions = (await auditEvents(h, admin)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['sso.domain_added', 'sso.domain_removed']));
  });
});

describe('enforcing single sign-on', () => {
  it('refuses passwords (sign-in and reset) except to break-glass administrators with a second factor', async () => {
    const admin = await signUpOrg(h);
    await connectOrg(h, idp, admin);
    const member = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'viewer' } });
    const deputy = await addMember(h, admin, { isAdmin: true });
    const noFactor = await call(h, admin, 'PUT', '/settings/sso/enforcement', {
      enforced: true,
      breakGlassUserIds: [deputy.id],
    });
    expect(expectProblem(noFactor, 422, 'validation_failed').errors?.[0]).toMatchObject({
      field: 'breakGlassUserIds.0',
      rule: 'no_second_factor',
    });
    const notAdmin = await call(h, admin, 'PUT', '/settings/sso/enforcement', {
      enforced: true,
      breakGlassUserIds: [member.id],
    });
    expect(expectProblem(notAdmin, 422, 'validation_failed').errors?.[0]?.rule).toBe('not_admin');
    expectProblem(await call(h, member, 'PUT', '/settings/sso/enforcement', { enforced: true }), 403, 'forbidden');

    await enrolTotp(h, deputy);
    const set = await call(h, admin, 'PUT', '/settings/sso/enforcement', {
      enforced: true,
      breakGlassUserIds: [deputy.id],
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().connection).toMatchObject({ enforced: true, breakGlassUserIds: [deputy.id] });

    expectProblem(await signInAt(h, '10.61.0.1', member.email, PASSWORD), 403, 'sso_required');
    expectProblem(await signInAt(h, '10.61.0.1', admin.email, PASSWORD), 403, 'sso_required');
    // The break-glass administrator: password, then the second factor.
    pendingFrom(await signInAt(h, '10.61.0.2', deputy.email, PASSWORD));
    // A wrong password still answers as one (nothing about SSO before the password is right).
    expectProblem(await signInAt(h, '10.61.0.3', member.email, 'wrong-password-123'), 401, 'invalid_credentials');

    expect((await call(h, null, 'POST', '/auth/forgot-password', { email: member.email })).statusCode).toBe(202);
    await h.waitForLog((line) => line.includes('password reset refused') && line.includes(member.id));
    const refused = await loggedData(h, admin.me.org.id, 'auth.password_reset_requested');
    expect(refused.map((e) => e.data.refused)).toEqual(['sso_required']);
    expect(h.sink.messages.filter((m) => m.to.includes(member.email) && /reset/i.test(m.subject))).toEqual([]);
    const failed = (await loggedData(h, admin.me.org.id, 'auth.sign_in_failed')).map((e) => e.data.reason);
    expect(failed).toEqual(expect.arrayContaining(['sso_required', 'sso_required', 'wrong_password']));
    expect((await auditEvents(h, admin)).map((e) => e.action)).toContain('sso.enforcement_updated');
  });

  it('leaves a person in several accounts their password for the accounts that do not enforce it', async () => {
    const enforcing = await signUpOrg(h);
    await connectOrg(h, idp, enforcing);
    const open = await signUpOrg(h, 'Open GmbH');
    const person = await addMember(h, open, { roles: { [defaultUnit(open)]: 'viewer' } });
    const invited = await call(h, enforcing, 'POST', '/users/invitations', {
      email: person.email,
      isAdmin: false,
      roles: {},
    });
    expect(invited.statusCode, invited.body).toBe(201);
    expect((await call(h, enforcing, 'PUT', '/settings/sso/enforcement', { enforced: true })).statusCode).toBe(200);
    const res = await signInAt(h, '10.62.0.1', person.email, PASSWORD);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().org.id).toBe(open.me.org.id);
  });
});
