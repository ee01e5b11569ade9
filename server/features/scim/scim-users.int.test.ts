import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  auditEvents,
  type Caller,
  call,
  callerFrom,
  expectProblem,
  PASSWORD,
  signInAt,
  signUpOrg,
  uniqueEmail,
} from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { linkIn } from '../../test/smtp-sink.js';
import {
  entraCreateUser,
  entraPatch,
  expectScimError,
  oktaCreateUser,
  oktaDeactivate,
  PATCH_OP,
  scim,
} from './scim.test-kit.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function tokenFor(admin: Caller): Promise<string> {
  const res = await call(h, admin, 'POST', '/settings/scim/token');
  expect(res.statusCode).toBe(201);
  return res.json().secret;
}

/** The provisioned person sets a password through "forgot password" and signs in. */
async function signInProvisioned(email: string): Promise<Caller> {
  expect((await call(h, null, 'POST', '/auth/forgot-password', { email })).statusCode).toBe(202);
  const mail = await h.sink.waitFor((m) => m.to.includes(email) && m.text.includes('/reset-password?token='));
  const token = new URL(linkIn(mail)).searchParams.get('token')!;
  const reset = await call(h, null, 'POST', '/auth/reset-password', { token, password: PASSWORD });
  expect(reset.statusCode).toBe(204);
  const signedIn = await signInAt(h, '192.0.2.80', email, PASSWORD);
  expect(signedIn.statusCode).toBe(200);
  return callerFrom(signedIn);
}

describe('SCIM token', () => {
  it('is created by an administrator, shown once, used, rotated and revoked; each step is logged', async () => {
    const admin = await signUpOrg(h);
    const empty = (await call(h, admin, 'GET', '/settings/scim')).json();
    expect(empty).toEqual({ baseUrl: `${h.config.appUrl}/scim/v2`, token: null });
    const created = (await call(h, admin, 'POST', '/settings/scim/token')).json();
    expect(created.secret).toMatch(/^dbxscim_[\w-]{43}$/);
    const shown = await call(h, admin, 'GET', '/settings/scim');
    expect(shown.body).not.toContain(created.secret);
    expect(shown.json().token).toMatchObject({ id: created.token.id, createdBy: 'Ada Admin', lastUsedAt: null });
    expect((await scim(h, created.secret, 'GET', '/Users')).statusCode).toBe(200);
    expect((await call(h, admin, 'GET', '/settings/scim')).json().token.lastUsedAt).not.toBeNull();

    const rotated = (await call(h, admin, 'POST', '/settings/scim/token')).json();
    expectScimError(await scim(h, created.secret, 'GET', '/Users'), 401);
    expect((await scim(h, rotated.secret, 'GET', '/Users')).statusCode).toBe(200);
    expect((await call(h, admin, 'DELETE', '/settings/scim/token')).statusCode).toBe(204);
    expectScimError(await scim(h, rotated.secret, 'GET', '/Users'), 401);
    expect((await call(h, admin, 'DELETE', '/settings/scim/token')).statusCode).toBe(204);
    const actions = (await auditEvents(h, admin, '&objectType=scim_token')).map((e) => e.action);
    expect(actions).toEqual(['scim.token_revoked', 'scim.token_rotated', 'scim.token_created']);
  });

  it('is for administrators only, needs a session, and never reaches another account', async () => {
    const admin = await signUpOrg(h);
    const editor = await addMember(h, admin, { roles: { [admin.me.roles[0]!.businessUnitId]: 'editor' } });
    expectProblem(await call(h, editor, 'POST', '/settings/scim/token'), 403, 'forbidden');
    expectProblem(await call(h, editor, 'GET', '/settings/scim'), 403, 'forbidden');
    expectProblem(await call(h, null, 'POST', '/settings/scim/token'), 401, 'unauthenticated');
    const stranger = await signUpOrg(h);
    const token = await tokenFor(admin);
    expect((await call(h, stranger, 'DELETE', '/settings/scim/token')).statusCode).toBe(204);
    expect((await scim(h, token, 'GET', '/Users')).statusCode).toBe(200);
  });
});

describe('SCIM Users', () => {
  it('provisions an Entra ID user: 201 with location and version, found by userName and externalId', async () => {
    const admin = await signUpOrg(h);
    const token = await tokenFor(admin);
    const email = uniqueEmail('erika');
    const res = await scim(h, token, 'POST', '/Users', entraCreateUser(email, 'entra-oid-1'));
    expect(res.statusCode).toBe(201);
    expect(res.headers['content-type']).toMatch(/^application\/scim\+json/);
    const user = res.json();
    expect(user).toMatchObject({
      userName: email,
      externalId: 'entra-oid-1',
      active: true,
      displayName: 'Erika Mustermann',
      name: { givenName: 'Erika', familyName: 'Mustermann', formatted: 'Erika Mustermann' },
      emails: [{ value: email, type: 'work', primary: true }],
      meta: { resourceType: 'User', location: `${h.config.appUrl}/scim/v2/Users/${user.id}`, version: 'W/"1"' },
    });
    expect(res.headers.location).toBe(user.meta.location);
    expect(res.headers.etag).toBe('W/"1"');

    const byName = (
      await scim(h, token, 'GET', `/Users?filter=${encodeURIComponent(`userName eq "${email.toUpperCase()}"`)}`)
    ).json();
    expect(byName).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 1,
      startIndex: 1,
      itemsPerPage: 1,
    });
    expect(byName.Resources[0].id).toBe(user.id);
    const byExternal = (
      await scim(h, token, 'GET', `/Users?filter=${encodeURIComponent('externalId eq "entra-oid-1"')}`)
    ).json();
    expect(byExternal.totalResults).toBe(1);
    const none = (
      await scim(h, token, 'GET', `/Users?filter=${encodeURIComponent('userName eq "nobody@example.com"')}`)
    ).json();
    expect(none).toMatchObject({ totalResults: 0, Resources: [] });
    expect((await scim(h, token, 'GET', `/Users/${user.id}`)).json().userName).toBe(email);

    // The member is in the account, active, without a password; the log names SCIM.
    const members = (await call(h, admin, 'GET', '/users')).json().items;
    expect(members.find((m: { email: string }) => m.email === email)).toMatchObject({ status: 'active' });
    const event = (await auditEvents(h, admin, '&action=user.provisioned'))[0]!;
    expect(event.actor).toMatchObject({ type: 'system', name: 'SCIM' });
  });

  it('pages with startIndex and count', async () => {
    const admin = await signUpOrg(h);
    const token = await tokenFor(admin);
    for (let i = 0; i < 3; i++) await scim(h, token, 'POST', '/Users', oktaCreateUser(uniqueEmail(`p${i}`)));
    const page = (await scim(h, token, 'GET', '/Users?startIndex=2&count=1')).json();
    expect(page).toMatchObject({ totalResults: 3, startIndex: 2, itemsPerPage: 1 });
    const rest = (await scim(h, token, 'GET', '/Users?startIndex=3&count=500')).json();
    expect(rest.itemsPerPage).toBe(1);
  });

  it('answers 409 uniqueness for a userName taken or a person already a member', async () => {
    const admin = await signUpOrg(h);
    const token = await tokenFor(admin);
    const email = uniqueEmail('dup');
    expect((await scim(h, token, 'POST', '/Users', oktaCreateUser(email))).statusCode).toBe(201);
    expectScimError(await scim(h, token, 'POST', '/Users', oktaCreateUser(email.toUpperCase())), 409, 'uniqueness');
    expectScimError(await scim(h, token, 'POST', '/Users', oktaCreateUser(admin.email)), 409, 'uniqueness');
  });

  it('deactivates with Entra ID\'s "Replace"/"False": the member is locked and their session ends at once', async () => {
    const admin = await signUpOrg(h);
    const token = await tokenFor(admin);
    const email = uniqueEmail('leaver');
    const user = (await scim(h, token, 'POST', '/Users', entraCreateUser(email, 'entra-oid-2'))).json();
    const person = await signInProvisioned(email);
    expect((await call(h, person, 'GET', '/me')).statusCode).toBe(200);

    const res = await scim(
      h,
      token,
      'PATCH',
      `/Users/${user.id}`,
      entraPatch([
        { op: 'Replace', path: 'active', value: 'False' },
        { op: 'Add', path: 'emails[type eq "work"].value', value: email },
        { op: 'Replace', path: 'name.givenName', value: 'Erika M.' },
        { op: 'Replace', path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department', value: 'Law' },
      ]),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ active: false, name: { givenName: 'Erika M.' }, meta: { version: 'W/"2"' } });
    expectProblem(await call(h, person, 'GET', '/me'), 401, 'unauthenticated');
    const actions = (await auditEvents(h, admin, `&objectId=${user.id}`)).map((e) => e.action);
    expect(actions.slice(0, 3)).toEqual(['user.locked', 'user.sessions_ended', 'user.updated']);
    expectProblem(await signInAt(h, '192.0.2.81', email, PASSWORD), 403, 'account_locked');

    const back = await scim(
      h,
      token,
      'PATCH',
      `/Users/${user.id}`,
      entraPatch([{ op: 'Replace', path: 'active', value: 'True' }]),
    );
    expect(back.json().active).toBe(true);
    expect((await signInAt(h, '192.0.2.82', email, PASSWORD)).statusCode).toBe(200);
    expect((await auditEvents(h, admin, `&objectId=${user.id}`))[0]!.action).toBe('user.unlocked');
  });

  it("deactivates with Okta's replace without a path, and replaces a user with PUT", async () => {
    const admin = await signUpOrg(h);
    const token = await tokenFor(admin);
    const email = uniqueEmail('otto');
    const user = (await scim(h, token, 'POST', '/Users', oktaCreateUser(email))).json();
    const off = await scim(h, token, 'PATCH', `/Users/${user.id}`, oktaDeactivate);
    expect(off.json().active).toBe(false);
    const members = (await call(h, admin, 'GET', '/users')).json().items;
    expect(members.find((m: { email: string }) => m.email === email).status).toBe('locked');
    // A PUT without `active` keeps the member deactivated.
    const { active: _omitted, ...withoutActive } = oktaCreateUser(email);
    expect((await scim(h, token, 'PUT', `/Users/${user.id}`, withoutActive)).json().active).toBe(false);
    const put = await scim(h, token, 'PUT', `/Users/${user.id}`, {
      ...oktaCreateUser(email),
      name: { givenName: 'Otto', familyName: 'Neu' },
      active: true,
    });
    expect(put.json()).toMatchObject({ active: true, name: { familyName: 'Neu' } });
    expectScimError(
      await scim(h, token, 'PUT', `/Users/${user.id}`, oktaCreateUser(email), { 'if-match': 'W/"1"' }),
      412,
    );
  });

  it('deletes a membership only: the person stays in another account', async () => {
    const admin = await signUpOrg(h);
    const other = await signUpOrg(h);
    const token = await tokenFor(admin);
    const otherToken = await tokenFor(other);
    const email = uniqueEmail('both');
    const here = (await scim(h, token, 'POST', '/Users', oktaCreateUser(email))).json();
    const there = (await scim(h, otherToken, 'POST', '/Users', oktaCreateUser(email))).json();
    expect(there.id).toBe(here.id);
    expect((await scim(h, token, 'DELETE', `/Users/${here.id}`)).statusCode).toBe(204);
    expectScimError(await scim(h, token, 'GET', `/Users/${here.id}`), 404);
    expect((await scim(h, otherToken, 'GET', `/Users/${here.id}`)).json().active).toBe(true);
    expect((await auditEvents(h, admin, '&action=user.removed'))[0]!.actor.name).toBe('SCIM');
  });

  it("refuses a wrong token, another account's user, and bad requests, changing nothing", async () => {
    const admin = await signUpOrg(h);
    const stranger = await signUpOrg(h);
    const token = await tokenFor(admin);
    const strangerToken = await tokenFor(stranger);
    const user = (await scim(h, token, 'POST', '/Users', oktaCreateUser(uniqueEmail('x')))).json();

    const unauthorized = await scim(h, null, 'GET', '/Users');
    expectScimError(unauthorized, 401);
    expect(unauthorized.headers['www-authenticate']).toContain('Bearer');
    expectScimError(await scim(h, `dbxscim_${'A'.repeat(43)}`, 'GET', '/Users'), 401);
    expectScimError(await scim(h, 'dbx_not_scim', 'POST', '/Users', oktaCreateUser(uniqueEmail('y'))), 401);

    expectScimError(await scim(h, strangerToken, 'GET', `/Users/${user.id}`), 404);
    expectScimError(await scim(h, strangerToken, 'PATCH', `/Users/${user.id}`, oktaDeactivate), 404);
    expectScimError(await scim(h, strangerToken, 'DELETE', `/Users/${user.id}`), 404);
    expectScimError(await scim(h, token, 'GET', '/Users/not-a-uuid'), 404);

    expectScimError(await scim(h, token, 'POST', '/Users', '{"schemas": ['), 400, 'invalidSyntax');
    expectScimError(
      await scim(h, token, 'GET', `/Users?filter=${encodeURIComponent('userName co "a"')}`),
      400,
      'invalidFilter',
    );
    expectScimError(
      await scim(h, token, 'GET', `/Users?filter=${encodeURIComponent('title eq "x"')}`),
      400,
      'invalidFilter',
    );
    expectScimError(await scim(h, token, 'POST', '/Users', { ...oktaCreateUser('not-an-email') }), 400, 'invalidValue');
    const patch = (op: unknown) =>
      scim(h, token, 'PATCH', `/Users/${user.id}`, { schemas: [PATCH_OP], Operations: [op] });
    expectScimError(await patch({ op: 'move', path: 'active', value: false }), 400, 'invalidSyntax');
    expectScimError(await patch({ op: 'replace', path: 'active', value: 'perhaps' }), 400, 'invalidValue');
    expectScimError(await patch({ op: 'replace', path: 'id', value: 'x' }), 400, 'mutability');
    expectScimError(await patch({ op: 'replace', path: 'shoeSize', value: 44 }), 400, 'invalidPath');
    expectScimError(await patch({ op: 'remove' }), 400, 'noTarget');

    // One transaction per request: the deactivation before the bad operation is not kept.
    const half = await scim(h, token, 'PATCH', `/Users/${user.id}`, {
      schemas: [PATCH_OP],
      Operations: [
        { op: 'replace', path: 'active', value: false },
        { op: 'replace', path: 'meta', value: {} },
      ],
    });
    expectScimError(half, 400, 'mutability');
    expect((await scim(h, token, 'GET', `/Users/${user.id}`)).json()).toMatchObject({
      active: true,
      meta: { version: 'W/"1"' },
    });
  });

  it('describes itself: ServiceProviderConfig, ResourceTypes, Schemas', async () => {
    const admin = await signUpOrg(h);
    const token = await tokenFor(admin);
    const config = (await scim(h, token, 'GET', '/ServiceProviderConfig')).json();
    expect(config).toMatchObject({
      patch: { supported: true },
      bulk: { supported: false },
      filter: { supported: true, maxResults: 200 },
      changePassword: { supported: false },
      sort: { supported: false },
      etag: { supported: true },
    });
    expect((await scim(h, token, 'GET', '/ResourceTypes')).json().Resources.map((r: { id: string }) => r.id)).toEqual([
      'User',
      'Group',
    ]);
    expect((await scim(h, token, 'GET', '/Schemas')).json().totalResults).toBe(2);
    expectScimError(await scim(h, null, 'GET', '/ServiceProviderConfig'), 401);
  });
});
