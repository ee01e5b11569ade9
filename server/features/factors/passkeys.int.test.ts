import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.js';
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
} from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { pendingFrom } from './factors.fixtures.js';
import { passkeyOptionsAt, passkeySignInAt, registerPasskey, SoftAuthenticator } from './passkeys.fixtures.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

let lastIp = 0;
/** A source address of the test's own, so no other test's failures throttle it. */
const freshIp = () => `10.28.${Math.floor(++lastIp / 250)}.${(lastIp % 250) + 1}`;

const asOwner = (statement: ReturnType<typeof sql>) => h.database.db.execute(statement);
/** What the log keeps beside an entry (not shown by the API), newest first. */
const auditData = async (who: Caller, action: string) =>
  rowsOf<{ data: Record<string, unknown> }>(
    await asOwner(
      sql`select data from audit_events where org_id = ${who.me!.org.id} and action = ${action} order by seq desc`,
    ),
  ).map((r) => r.data);
const expireChallenge = (challenge: string) =>
  asOwner(sql`update webauthn_challenges set expires_at = now() - interval '1 second' where challenge = ${challenge}`);

const apiKeyOf = async (admin: Caller): Promise<Caller> => ({
  bearer: (await call(h, admin, 'POST', '/api-keys', { name: 'ERP', role: 'administrator' })).json().token,
});

/** Answers a pending sign-in with a passkey's assertion, from an address. */
function passkeyFactorAt(h: Harness, ip: string, who: Caller, response: unknown) {
  return h.app.inject({
    method: 'POST',
    url: '/api/v1/auth/second-factor',
    remoteAddress: ip,
    headers: { 'user-agent': 'vitest', cookie: who.cookie!, 'x-csrf-token': who.csrf! },
    payload: { kind: 'passkey', response },
  });
}

function passkeyOptionsFor(h: Harness, ip: string, who: Caller) {
  return h.app.inject({
    method: 'POST',
    url: '/api/v1/auth/second-factor/passkey-options',
    remoteAddress: ip,
    headers: { 'user-agent': 'vitest', cookie: who.cookie!, 'x-csrf-token': who.csrf! },
  });
}

const refusedRule = (res: Awaited<ReturnType<typeof call>>) =>
  expectProblem(res, 422, 'validation_failed').errors?.[0]?.rule;

describe('registering passkeys', () => {
  it('registers several passkeys for this origin; the first brings backup codes; each is mailed and logged', async () => {
    const admin = await signUpOrg(h);
    const device = new SoftAuthenticator();
    const started = await call(h, admin, 'POST', '/me/factors/passkey', { name: 'Laptop' });
    expect(started.statusCode, started.body).toBe(201);
    const { id, options } = started.json();
    expect(options.rp).toEqual({ id: 'deedbox.test', name: 'Deedbox' });
    expect(options.authenticatorSelection).toMatchObject({ residentKey: 'required', userVerification: 'preferred' });
    expect(Buffer.from(options.user.id, 'base64url').toString()).toBe(admin.me.user!.id);
    expect(options.excludeCredentials).toEqual([]);
    // Not a factor until the browser's answer is verified.
    expect((await call(h, admin, 'GET', '/me/factors')).json().items).toEqual([]);
    const confirmed = await call(h, admin, 'POST', `/me/factors/passkey/${id}/confirm`, {
      response: device.register(options),
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().factor).toMatchObject({ id, kind: 'passkey', name: 'Laptop', confirmed: true });
    expect(confirmed.json().backupCodes).toHaveLength(10);
    await h.sink.waitFor((m) => m.to.includes(admin.email) && m.text.includes('"Laptop" was just added'));

    const second = await call(h, admin, 'POST', '/me/factors/passkey', { name: 'Security key' });
    expect(second.json().options.excludeCredentials).toEqual([
      expect.objectContaining({ id: device.credentials[0]!.id.toString('base64url'), type: 'public-key' }),
    ]);
    const other = new SoftAuthenticator();
    const done = await call(h, admin, 'POST', `/me/factors/passkey/${second.json().id}/confirm`, {
      response: other.register(second.json().options),
    });
    expect(done.json().backupCodes).toBeNull();
    const list = (await call(h, admin, 'GET', '/me/factors')).json();
    expect(list.items.map((f: { name: string; kind: string }) => [f.kind, f.name])).toEqual([
      ['passkey', 'Laptop'],
      ['passkey', 'Security key'],
    ]);
    expect(list.backupCodesLeft).toBe(10);
    const added = await auditData(admin, 'auth.factor_added');
    expect(added).toEqual([
      expect.objectContaining({ kind: 'passkey', name: 'Security key' }),
      expect.objectContaining({ kind: 'passkey', name: 'Laptop', factorId: id }),
    ]);
  });

  it('renames and removes a passkey (with the password); another person’s is not found', async () => {
    const admin = await signUpOrg(h);
    const { factor } = await registerPasskey(h, admin, new SoftAuthenticator());
    const renamed = await call(h, admin, 'PATCH', `/me/factors/${factor.id}`, { name: ' Work laptop ' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ id: factor.id, name: 'Work laptop', kind: 'passkey' });
    const bad = await call(h, admin, 'PATCH', `/me/factors/${factor.id}`, { name: '' });
    expect(expectProblem(bad, 422, 'validation_failed').errors?.[0]?.field).toBe('name');

    const stranger = await signUpOrg(h, 'Stranger AG');
    expectProblem(await call(h, stranger, 'PATCH', `/me/factors/${factor.id}`, { name: 'Mine' }), 404, 'not_found');
    const taken = await call(h, stranger, 'DELETE', `/me/factors/${factor.id}`, { password: PASSWORD });
    expectProblem(taken, 404, 'not_found');
    // A member of the same account cannot touch it either.
    const member = await addMember(h, admin, { isAdmin: true });
    expectProblem(
      await call(h, member, 'DELETE', `/me/factors/${factor.id}`, { password: PASSWORD }),
      404,
      'not_found',
    );

    const wrong = await call(h, admin, 'DELETE', `/me/factors/${factor.id}`, { password: 'not-it' });
    expectProblem(wrong, 401, 'invalid_credentials');
    expect((await call(h, admin, 'DELETE', `/me/factors/${factor.id}`, { password: PASSWORD })).statusCode).toBe(204);
    expect((await call(h, admin, 'GET', '/me/factors')).json()).toMatchObject({ items: [], backupCodesLeft: 0 });
    const [removed] = await auditData(admin, 'auth.factor_removed');
    expect(removed).toMatchObject({ kind: 'passkey', name: 'Work laptop' });
    await h.sink.waitFor((m) => m.to.includes(admin.email) && m.text.includes('"Work laptop" was just removed'));
  });

  it('refuses an answer from another origin, for another RP id, to an old, expired or another session’s challenge', async () => {
    const admin = await signUpOrg(h);
    const device = new SoftAuthenticator();
    const start = async (who: Caller = admin) => (await call(h, who, 'POST', '/me/factors/passkey', {})).json();
    const confirm = (who: Caller, id: string, response: unknown) =>
      call(h, who, 'POST', `/me/factors/passkey/${id}/confirm`, { response });

    let s = await start();
    expect(refusedRule(await confirm(admin, s.id, device.register(s.options, { origin: 'https://evil.test' })))).toBe(
      'passkey_refused',
    );
    // The challenge was spent by the refused answer: the right answer now comes too late.
    expect(refusedRule(await confirm(admin, s.id, device.register(s.options)))).toBe('passkey_refused');

    s = await start();
    expect(refusedRule(await confirm(admin, s.id, device.register(s.options, { rpId: 'evil.test' })))).toBe(
      'passkey_refused',
    );

    const old = await start();
    s = await start();
    // A newer start replaces the older challenge (and drops its unconfirmed passkey).
    expectProblem(await confirm(admin, old.id, device.register(old.options)), 404, 'not_found');
    expect(refusedRule(await confirm(admin, s.id, device.register(old.options)))).toBe('passkey_refused');

    s = await start();
    await expireChallenge(s.options.challenge);
    expect(refusedRule(await confirm(admin, s.id, device.register(s.options)))).toBe('passkey_refused');

    // Another session of the same person did not ask for this challenge.
    const otherSession = callerFrom(await signInAt(h, freshIp(), admin.email, PASSWORD));
    s = await start();
    expect(refusedRule(await confirm(otherSession, s.id, device.register(s.options)))).toBe('passkey_refused');

    expect((await call(h, admin, 'GET', '/me/factors')).json().items).toEqual([]);
    expect(await auditEvents(h, admin, '&action=auth.factor_added')).toEqual([]);
  });

  it('refuses a credential id another person registered', async () => {
    const first = await signUpOrg(h);
    const device = new SoftAuthenticator();
    await registerPasskey(h, first, device);
    const second = await signUpOrg(h, 'Second AG');
    const s = (await call(h, second, 'POST', '/me/factors/passkey', {})).json();
    const copy = new SoftAuthenticator().register(s.options, { credentialId: device.credentials[0]!.id });
    const res = await call(h, second, 'POST', `/me/factors/passkey/${s.id}/confirm`, { response: copy });
    expect(expectProblem(res, 409, 'conflict').errors?.[0]?.field).toBe('response');
    expect((await call(h, second, 'GET', '/me/factors')).json().items).toEqual([]);
  });

  it('lets a member who must enrol register a passkey, which makes the session whole', async () => {
    const admin = await signUpOrg(h);
    const member = await addMember(h, admin);
    await call(h, admin, 'PATCH', '/settings/security', { requireSecondFactor: true });
    const enrolling = callerFrom(await signInAt(h, freshIp(), member.email, PASSWORD));
    expect(enrolling.me?.signInStage).toBe('enrolment');
    const { backupCodes } = await registerPasskey(h, enrolling, new SoftAuthenticator());
    expect(backupCodes).toHaveLength(10);
    expect((await call(h, enrolling, 'GET', '/me')).json().signInStage).toBe('full');
    expect((await call(h, enrolling, 'GET', '/contracts')).statusCode).toBe(200);
  });

  it('refuses bad input, no session and an API key; a confirmed passkey cannot be confirmed again', async () => {
    const admin = await signUpOrg(h);
    const key = await apiKeyOf(admin);
    expectProblem(await call(h, key, 'POST', '/me/factors/passkey', {}), 403, 'forbidden');
    expectProblem(await call(h, null, 'POST', '/me/factors/passkey', {}), 401, 'unauthenticated');
    expectProblem(await call(h, key, 'PATCH', `/me/factors/${crypto.randomUUID()}`, { name: 'x' }), 403, 'forbidden');
    const s = (await call(h, admin, 'POST', '/me/factors/passkey', {})).json();
    const bad = await call(h, admin, 'POST', `/me/factors/passkey/${s.id}/confirm`, { response: { id: 'x' } });
    expect(expectProblem(bad, 422, 'validation_failed').errors?.[0]?.field).toMatch(/^response/);
    const long = await call(h, admin, 'POST', '/me/factors/passkey', { name: 'x'.repeat(61) });
    expect(expectProblem(long, 422, 'validation_failed').errors?.[0]?.field).toBe('name');
    const device = new SoftAuthenticator();
    const response = device.register(s.options);
    expect((await call(h, admin, 'POST', `/me/factors/passkey/${s.id}/confirm`, { response })).statusCode).toBe(200);
    const again = await call(h, admin, 'POST', `/me/factors/passkey/${s.id}/confirm`, { response });
    expect(expectProblem(again, 409, 'conflict').reason).toBe('factor_confirmed');
  });
});

describe('a passkey as the second factor', () => {
  it('is offered after the password, answers this sign-in’s challenge and records its counter', async () => {
    const admin = await signUpOrg(h);
    const device = new SoftAuthenticator();
    await registerPasskey(h, admin, device);
    const ip = freshIp();
    const res = await signInAt(h, ip, admin.email, PASSWORD);
    expect(res.json().secondFactor.kinds).toEqual(['passkey', 'backup_code']);
    const pending = pendingFrom(res);
    const opts = await passkeyOptionsFor(h, ip, pending);
    expect(opts.statusCode, opts.body).toBe(200);
    const { options } = opts.json();
    expect(options.rpId).toBe('deedbox.test');
    expect(options.allowCredentials).toEqual([
      expect.objectContaining({ id: device.credentials[0]!.id.toString('base64url'), type: 'public-key' }),
    ]);
    const done = await passkeyFactorAt(h, ip, pending, device.assert(options.challenge));
    expect(done.statusCode, done.body).toBe(200);
    const me = callerFrom(done);
    expect(me.me?.signInStage).toBe('full');
    const [event] = await auditData(admin, 'auth.signed_in');
    expect(event).toMatchObject({ secondFactor: 'passkey' });
    const [factor] = (await call(h, me, 'GET', '/me/factors')).json().items;
    expect(factor.lastUsedAt).not.toBeNull();
  });

  it('refuses a replayed, expired, foreign, lagging or someone else’s answer, each a failed code, five end the sign-in', async () => {
    const admin = await signUpOrg(h);
    const device = new SoftAuthenticator();
    await registerPasskey(h, admin, device);
    const stranger = await signUpOrg(h, 'Stranger AG');
    const theirs = new SoftAuthenticator();
    await registerPasskey(h, stranger, theirs);
    const ip = freshIp();

    // One good sign-in, whose answer is then replayed.
    let pending = pendingFrom(await signInAt(h, ip, admin.email, PASSWORD));
    let challenge = (await passkeyOptionsFor(h, ip, pending)).json().options.challenge;
    const good = device.assert(challenge);
    expect((await passkeyFactorAt(h, ip, pending, good)).statusCode).toBe(200);

    pending = pendingFrom(await signInAt(h, ip, admin.email, PASSWORD));
    challenge = (await passkeyOptionsFor(h, ip, pending)).json().options.challenge;
    expect(refusedRule(await passkeyFactorAt(h, ip, pending, good))).toBe('passkey_refused');
    // Any answer spends the challenge: the right one after a wrong one finds none.
    expect(refusedRule(await passkeyFactorAt(h, ip, pending, device.assert(challenge)))).toBe('passkey_refused');
    const ask = async () => (await passkeyOptionsFor(h, ip, pending)).json().options.challenge as string;
    expect(
      refusedRule(await passkeyFactorAt(h, ip, pending, device.assert(await ask(), { origin: 'https://evil.test' }))),
    ).toBe('passkey_refused');
    challenge = await ask();
    await expireChallenge(challenge);
    expect(refusedRule(await passkeyFactorAt(h, ip, pending, device.assert(challenge)))).toBe('passkey_refused');
    const wrongRp = device.assert(await ask(), { rpId: 'evil.test' });
    expect(refusedRule(await passkeyFactorAt(h, ip, pending, wrongRp))).toBe('too_many_attempts');
    expectProblem(await passkeyFactorAt(h, ip, pending, device.assert(challenge)), 401, 'unauthenticated');
    const failed = await auditEvents(h, admin, '&action=auth.second_factor_failed');
    expect(failed).toHaveLength(5);
    expect(failed.map((e) => e.ip)).toEqual([ip, ip, ip, ip, ip]);
    expect((await auditData(admin, 'auth.second_factor_failed'))[0]).toMatchObject({ kind: 'passkey', failures: 5 });

    // From another address (this one is throttled now): a lagging counter, someone else's key, another sign-in's challenge.
    const ip2 = freshIp();
    pending = pendingFrom(await signInAt(h, ip2, admin.email, PASSWORD));
    const ask2 = async () => (await passkeyOptionsFor(h, ip2, pending)).json().options.challenge as string;
    expect(refusedRule(await passkeyFactorAt(h, ip2, pending, device.assert(await ask2(), { counter: 1 })))).toBe(
      'passkey_refused',
    );
    expect(refusedRule(await passkeyFactorAt(h, ip2, pending, theirs.assert(await ask2())))).toBe('passkey_refused');
    // Another pending sign-in's challenge is not this one's.
    const elsewhere = pendingFrom(await signInAt(h, freshIp(), admin.email, PASSWORD));
    const foreign = (await passkeyOptionsFor(h, ip2, elsewhere)).json().options.challenge;
    await ask2();
    expect(refusedRule(await passkeyFactorAt(h, ip2, pending, device.assert(foreign)))).toBe('passkey_refused');
    // The right answer still works after all that (the counter moved on past the lagging one).
    const right = await passkeyFactorAt(h, ip2, pending, device.assert(await ask2()));
    expect(right.statusCode, right.body).toBe(200);
  });

  it('refuses passkey options to a full session, no session and an API key', async () => {
    const admin = await signUpOrg(h);
    const res = await call(h, admin, 'POST', '/auth/second-factor/passkey-options');
    expect(expectProblem(res, 409, 'conflict').reason).toBe('no_pending_sign_in');
    expectProblem(await call(h, null, 'POST', '/auth/second-factor/passkey-options'), 401, 'unauthenticated');
    expectProblem(await call(h, await apiKeyOf(admin), 'POST', '/auth/second-factor/passkey-options'), 409, 'conflict');
  });
});

describe('passwordless sign-in with a passkey', () => {
  it('opens a full session in the first usable account, logged with the passkey, mailed as a new device', async () => {
    const admin = await signUpOrg(h);
    const device = new SoftAuthenticator();
    const { factor } = await registerPasskey(h, admin, device);
    await call(h, admin, 'PATCH', '/settings/security', { requireSecondFactor: true });
    const ip = freshIp();
    const { challenge, cookie } = await passkeyOptionsAt(h, ip);
    const res = await passkeySignInAt(h, ip, cookie, device.assert(challenge));
    expect(res.statusCode, res.body).toBe(200);
    const me = callerFrom(res);
    expect(me.me?.signInStage).toBe('full');
    expect(me.me?.user?.email).toBe(admin.email);
    expect((await call(h, me, 'GET', '/contracts')).statusCode).toBe(200);
    const [event] = await auditEvents(h, admin, '&action=auth.signed_in');
    expect(event).toMatchObject({ ip, objectType: 'session' });
    expect((await auditData(admin, 'auth.signed_in'))[0]).toMatchObject({ passkey: true, factorId: factor.id });
    await h.sink.waitFor((m) => m.to.includes(admin.email) && m.text.includes('/end-session?token='));
    // The same answer, cookie and challenge do not sign in twice.
    const replay = await passkeySignInAt(h, ip, cookie, device.assert(challenge));
    expect(refusedRule(replay)).toBe('passkey_refused');
  });

  it('opens nothing where single sign-on is enforced, except for a break-glass administrator', async () => {
    const admin = await signUpOrg(h);
    const member = await addMember(h, admin);
    const [adminDevice, memberDevice] = [new SoftAuthenticator(), new SoftAuthenticator()];
    await registerPasskey(h, admin, adminDevice);
    await registerPasskey(h, member, memberDevice);
    // An enforced connection as the settings page leaves it; its provider is never asked here.
    await asOwner(
      sql`insert into sso_connections (org_id, id, protocol, issuer, client_id, data_key, org_key_version, enforced, break_glass_user_ids)
          values (${admin.me!.org.id}, gen_random_uuid(), 'oidc', 'https://idp.example', 'deedbox', '\\x00', 1, true,
                  array[${admin.me!.user!.id}]::uuid[])`,
    );
    const ip = freshIp();
    const asMember = await passkeyOptionsAt(h, ip);
    expectProblem(
      await passkeySignInAt(h, ip, asMember.cookie, memberDevice.assert(asMember.challenge)),
      403,
      'sso_required',
    );
    expect((await auditData(member, 'auth.sign_in_failed'))[0]).toMatchObject({
      reason: 'sso_required',
      passkey: true,
    });
    const asAdmin = await passkeyOptionsAt(h, ip);
    const res = await passkeySignInAt(h, ip, asAdmin.cookie, adminDevice.assert(asAdmin.challenge));
    expect(res.statusCode, res.body).toBe(200);
  });

  it('refuses without the browser’s cookie, an expired challenge, no user verification, another RP id or origin', async () => {
    const admin = await signUpOrg(h);
    const device = new SoftAuthenticator();
    await registerPasskey(h, admin, device);
    const ip = freshIp();
    let o = await passkeyOptionsAt(h, ip);
    expect(refusedRule(await passkeySignInAt(h, ip, null, device.assert(o.challenge)))).toBe('passkey_refused');
    const other = await passkeyOptionsAt(h, ip);
    expect(refusedRule(await passkeySignInAt(h, ip, other.cookie, device.assert(o.challenge)))).toBe('passkey_refused');
    o = await passkeyOptionsAt(h, ip);
    await expireChallenge(o.challenge);
    expect(refusedRule(await passkeySignInAt(h, ip, o.cookie, device.assert(o.challenge)))).toBe('passkey_refused');
    o = await passkeyOptionsAt(h, ip);
    const unverified = device.assert(o.challenge, { userVerified: false });
    expect(refusedRule(await passkeySignInAt(h, ip, o.cookie, unverified))).toBe('passkey_refused');
    o = await passkeyOptionsAt(h, ip);
    const elsewhere = device.assert(o.challenge, { rpId: 'evil.test' });
    expect(refusedRule(await passkeySignInAt(h, ip, o.cookie, elsewhere))).toBe('passkey_refused');
    const ip2 = freshIp();
    o = await passkeyOptionsAt(h, ip2);
    const phished = device.assert(o.challenge, { origin: 'https://deedbox.test.evil.test' });
    expect(refusedRule(await passkeySignInAt(h, ip2, o.cookie, phished))).toBe('passkey_refused');
    const failed = await auditEvents(h, admin, '&action=auth.sign_in_failed');
    expect(failed).toHaveLength(6);
    expect((await auditData(admin, 'auth.sign_in_failed'))[0]).toMatchObject({
      reason: 'passkey_refused',
      passkey: true,
    });
    // Five failures from one address throttle the account there, like wrong passwords.
    o = await passkeyOptionsAt(h, ip);
    const throttled = await passkeySignInAt(h, ip, o.cookie, device.assert(o.challenge));
    expect(expectProblem(throttled, 429, 'rate_limited').reason).toBe('sign_in_throttled');
  });

  it('refuses an unknown or unconfirmed credential, someone else’s credential, a lagging counter and a locked member', async () => {
    const admin = await signUpOrg(h);
    const member = await addMember(h, admin);
    const device = new SoftAuthenticator();
    await registerPasskey(h, member, device);
    const ip = freshIp();
    // Created by the authenticator, never confirmed by the server.
    const s = (await call(h, member, 'POST', '/me/factors/passkey', {})).json();
    const unconfirmed = new SoftAuthenticator();
    unconfirmed.register(s.options);
    let o = await passkeyOptionsAt(h, ip);
    expect(refusedRule(await passkeySignInAt(h, ip, o.cookie, unconfirmed.assert(o.challenge)))).toBe(
      'passkey_refused',
    );
    // Admin's own key presenting the member's user handle.
    const adminDevice = new SoftAuthenticator();
    await registerPasskey(h, admin, adminDevice);
    o = await passkeyOptionsAt(h, ip);
    const forged = adminDevice.assert(o.challenge);
    forged.response.userHandle = Buffer.from(member.me.user!.id).toString('base64url');
    expect(refusedRule(await passkeySignInAt(h, ip, o.cookie, forged))).toBe('passkey_refused');
    o = await passkeyOptionsAt(h, ip);
    expect((await passkeySignInAt(h, ip, o.cookie, device.assert(o.challenge))).statusCode).toBe(200);
    o = await passkeyOptionsAt(h, ip);
    const lagging = device.assert(o.challenge, { counter: 1 });
    expect(refusedRule(await passkeySignInAt(h, ip, o.cookie, lagging))).toBe('passkey_refused');

    await call(h, admin, 'POST', `/users/${member.id}/lock`);
    const ip2 = freshIp();
    o = await passkeyOptionsAt(h, ip2);
    const locked = await passkeySignInAt(h, ip2, o.cookie, device.assert(o.challenge));
    expect(expectProblem(locked, 403, 'account_locked').reason).toBe('locked');
  });

  it('refuses bad input', async () => {
    const ip = freshIp();
    const o = await passkeyOptionsAt(h, ip);
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/passkey/sign-in',
      remoteAddress: ip,
      headers: { cookie: o.cookie },
      payload: { response: { id: 'not base64url!', rawId: 'x', type: 'public-key', response: {} } },
    });
    expect(expectProblem(res, 422, 'validation_failed').errors?.[0]?.field).toMatch(/^response/);
  });
});
