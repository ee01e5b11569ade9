import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  auditEvents,
  call,
  callerFrom,
  expectProblem,
  PASSWORD,
  signInAt,
  signUpOrg,
  uniqueEmail,
} from '../../test/api.js';
import { type Harness, type Res, startHarness } from '../../test/harness.js';
import { linkIn } from '../../test/smtp-sink.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('sign-up', () => {
  it('creates an org whose first user is its Administrator, signed in, with a default unit', async () => {
    const admin = await signUpOrg(h, 'Northwind AG');
    expect(admin.me.org.name).toBe('Northwind AG');
    expect(admin.me.isAdmin).toBe(true);
    expect(admin.me.roles).toEqual([
      { businessUnitId: expect.any(String), businessUnitName: 'General', role: 'administrator' },
    ]);
    expect(admin.me.user?.emailVerified).toBe(true);
    const me = await call(h, admin, 'GET', '/me');
    expect(me.json().user.email).toBe(admin.email);
    const actions = (await auditEvents(h, admin)).map((e) => e.action);
    expect(actions).toEqual(['auth.signed_up', 'org.created']);
  });

  it('refuses weak passwords and bad e-mails with a 422 naming the field and rule, creating nothing', async () => {
    const email = uniqueEmail();
    const weak = await call(h, null, 'POST', '/auth/sign-up', {
      name: 'A',
      email,
      password: 'password123',
      companyName: 'X',
    });
    expect(expectProblem(weak, 422, 'validation_failed').errors).toContainEqual(
      expect.objectContaining({ field: 'password', rule: 'common' }),
    );
    const short = await call(h, null, 'POST', '/auth/sign-up', {
      name: 'A',
      email,
      password: 'short',
      companyName: 'X',
    });
    expect(expectProblem(short, 422, 'validation_failed').errors?.[0]).toMatchObject({
      field: 'password',
      rule: 'too_short',
    });
    const badEmail = await call(h, null, 'POST', '/auth/sign-up', {
      name: 'A',
      email: 'not-an-email',
      password: PASSWORD,
      companyName: 'X',
    });
    expect(expectProblem(badEmail, 422, 'validation_failed').errors?.[0]?.field).toBe('email');
    const signIn = await call(h, null, 'POST', '/auth/sign-in', { email, password: PASSWORD });
    expectProblem(signIn, 401, 'invalid_credentials');
  });

  it('answers a registered address exactly like a new one, and mails its owner instead', async () => {
    const admin = await signUpOrg(h);
    const fresh = uniqueEmail('fresh');
    const body = (email: string) => ({ name: 'Mallory', email, password: 'a-long-enough-secret', companyName: 'Y' });
    const again = await call(h, null, 'POST', '/auth/sign-up', body(admin.email));
    const other = await call(h, null, 'POST', '/auth/sign-up', body(fresh));
    expect({ status: again.statusCode, body: again.json() }).toEqual({ status: 202, body: {} });
    expect({ status: other.statusCode, body: other.json() }).toEqual({ status: 202, body: {} });
    expect(again.cookies).toEqual([]);
    const warning = await h.sink.waitFor((m) => m.to.includes(admin.email) && m.subject.includes('tried to sign up'));
    expect(warning.text).toContain('/forgot-password');
    expect(warning.text).not.toContain('/confirm-sign-up');
    await h.sink.waitFor((m) => m.to.includes(fresh) && m.text.includes('/confirm-sign-up?token='));
    // The owner's account is untouched: the password is still theirs.
    const signedIn = await call(h, null, 'POST', '/auth/sign-in', { email: admin.email, password: PASSWORD });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().org.name).toBe('Acme GmbH');
  });

  it('creates the account only from the mailed link, once, with the address confirmed', async () => {
    const email = uniqueEmail('linked');
    const body = { name: 'Lina Link', email, password: PASSWORD, companyName: 'Link AG' };
    expect((await call(h, null, 'POST', '/auth/sign-up', body)).statusCode).toBe(202);
    expectProblem(
      await call(h, null, 'POST', '/auth/sign-in', { email, password: PASSWORD }),
      401,
      'invalid_credentials',
    );
    const mail = await h.sink.waitFor((m) => m.to.includes(email) && m.text.includes('/confirm-sign-up?token='));
    const token = new URL(linkIn(mail)).searchParams.get('token')!;
    const confirmed = await call(h, null, 'POST', '/auth/sign-up/confirm', { token });
    expect(confirmed.statusCode).toBe(201);
    expect(confirmed.json()).toMatchObject({ org: { name: 'Link AG' }, user: { email, emailVerified: true } });
    expectProblem(await call(h, null, 'POST', '/auth/sign-up/confirm', { token }), 400, 'invalid_token');
    const bogus = await call(h, null, 'POST', '/auth/sign-up/confirm', { token: 'x'.repeat(43) });
    expectProblem(bogus, 400, 'invalid_token');
    expect((await call(h, null, 'POST', '/auth/sign-in', { email, password: PASSWORD })).statusCode).toBe(200);
  });

  it('creates nothing from a second link once the address is registered', async () => {
    const email = uniqueEmail('twice');
    const body = { name: 'Tom Twice', email, password: PASSWORD, companyName: 'First AG' };
    expect((await call(h, null, 'POST', '/auth/sign-up', body)).statusCode).toBe(202);
    expect((await call(h, null, 'POST', '/auth/sign-up', { ...body, companyName: 'Second AG' })).statusCode).toBe(202);
    await h.sink.until(() => h.sink.messages.filter((m) => m.to.includes(email)).length === 2);
    const tokens = h.sink.messages
      .filter((m) => m.to.includes(email))
      .map((m) => new URL(linkIn(m)).searchParams.get('token')!);
    expect((await call(h, null, 'POST', '/auth/sign-up/confirm', { token: tokens[0] })).statusCode).toBe(201);
    expectProblem(await call(h, null, 'POST', '/auth/sign-up/confirm', { token: tokens[1] }), 400, 'invalid_token');
  });
});

const signInFrom = (ip: string, email: string, password: string): Promise<Res> => signInAt(h, ip, email, password);

/** The answer's body without what differs on every request. */
function withoutId(res: Res): unknown {
  const { requestId: _, ...rest } = res.json() as { requestId?: string };
  return rest;
}

describe('sign-in and sign-out', () => {
  it('signs in with the right password and logs success and failure with IP and user agent', async () => {
    const admin = await signUpOrg(h);
    expectProblem(
      await call(h, null, 'POST', '/auth/sign-in', { email: admin.email, password: 'wrong-password-1' }),
      401,
      'invalid_credentials',
    );
    const ok = await call(h, null, 'POST', '/auth/sign-in', { email: admin.email.toUpperCase(), password: PASSWORD });
    expect(ok.statusCode).toBe(200);
    const events = await auditEvents(h, callerFrom(ok));
    const failed = events.find((e) => e.action === 'auth.sign_in_failed')!;
    expect(failed).toMatchObject({
      ip: h.ip,
      userAgent: 'vitest',
      actor: { type: 'anonymous', email: admin.email },
    });
    expect(events.find((e) => e.action === 'auth.signed_in')).toMatchObject({
      actor: { type: 'user', email: admin.email },
    });
  });

  it('answers unknown e-mails exactly like wrong passwords', async () => {
    const res = await call(h, null, 'POST', '/auth/sign-in', { email: uniqueEmail('nobody'), password: PASSWORD });
    expect(expectProblem(res, 401, 'invalid_credentials').detail).toBe('The e-mail address or the password is wrong.');
  });

  it('throttles failures per account and address: the owner elsewhere still signs in, the attacker waits', async () => {
    const admin = await signUpOrg(h);
    const attempts = [];
    for (let i = 0; i < 20; i++) attempts.push(await signInFrom('203.0.113.7', admin.email, `wrong-password-${i}`));
    expect(attempts.slice(0, 5).map((r) => r.statusCode)).toEqual([401, 401, 401, 401, 401]);
    const refused = attempts.slice(5);
    expect(refused.map((r) => r.statusCode)).toEqual(refused.map(() => 429));
    const problem = expectProblem(refused[0]!, 429, 'rate_limited');
    expect(problem).toMatchObject({ reason: 'sign_in_throttled', params: { seconds: 15 } });
    expect(refused[0]!.headers['retry-after']).toBe('15');
    // Throttled tries check nothing: even the right password waits.
    expectProblem(await signInFrom('203.0.113.7', admin.email, PASSWORD), 429, 'rate_limited');
    const owner = await signInFrom('198.51.100.20', admin.email, PASSWORD);
    expect(owner.statusCode).toBe(200);
    const failed = (await auditEvents(h, callerFrom(owner))).filter((e) => e.action === 'auth.sign_in_failed');
    expect(failed).toHaveLength(5);
    expect(failed.every((e) => e.ip === '203.0.113.7')).toBe(true);
  });

  it('mails the owner once when throttling starts, naming the address', async () => {
    const admin = await signUpOrg(h);
    // The alert is handed to the mailer before the answer returns, so counting the hand-overs needs no waiting.
    const send = vi.spyOn(h.app.deps.mailer, 'send');
    const alerts = () => send.mock.calls.filter(([m]) => m.to === admin.email && m.subject.includes('Failed sign-ins'));
    try {
      for (let i = 0; i < 12; i++) await signInFrom('203.0.113.8', admin.email, `wrong-password-${i}`);
      expect(alerts()).toHaveLength(1);
      for (let i = 0; i < 6; i++) await signInFrom('203.0.113.9', admin.email, `wrong-password-${i}`);
      expect(alerts()).toHaveLength(1);
    } finally {
      send.mockRestore();
    }
    const mail = await h.sink.waitFor((m) => m.to.includes(admin.email) && m.subject.includes('Failed sign-ins'));
    expect(mail.text).toContain('203.0.113.8');
  });

  it('throttles an unknown address exactly like a known one', async () => {
    const admin = await signUpOrg(h);
    const ghost = uniqueEmail('ghost');
    const known = [];
    const unknown = [];
    for (let i = 0; i < 7; i++) {
      known.push(await signInFrom('203.0.113.10', admin.email, `wrong-password-${i}`));
      unknown.push(await signInFrom('203.0.113.10', ghost, `wrong-password-${i}`));
    }
    const shape = (r: Res) => ({ status: r.statusCode, retryAfter: r.headers['retry-after'], body: withoutId(r) });
    expect(unknown.map(shape)).toEqual(known.map(shape));
    expect(known.map((r) => r.statusCode)).toEqual([401, 401, 401, 401, 401, 429, 429]);
  });

  it('throttles one address that tries many accounts', async () => {
    const statuses = [];
    for (let i = 0; i < 52; i++) {
      statuses.push((await signInFrom('203.0.113.11', uniqueEmail('spray'), 'wrong-password')).statusCode);
    }
    expect(statuses.slice(0, 50)).toEqual(statuses.slice(0, 50).map(() => 401));
    expect(statuses.slice(50)).toEqual([429, 429]);
  });

  it('ends the session on sign-out, and logs it', async () => {
    const admin = await signUpOrg(h);
    const out = await call(h, admin, 'POST', '/auth/sign-out');
    expect(out.statusCode).toBe(204);
    expectProblem(await call(h, admin, 'GET', '/me'), 401, 'unauthenticated');
    const again = callerFrom(await call(h, null, 'POST', '/auth/sign-in', { email: admin.email, password: PASSWORD }));
    expect((await auditEvents(h, again)).map((e) => e.action)).toContain('auth.signed_out');
  });

  it('refuses a state-changing request without the CSRF header, or from another origin', async () => {
    const admin = await signUpOrg(h);
    const noCsrf = await call(h, { cookie: admin.cookie }, 'PATCH', '/me', { name: 'Mallory' });
    expectProblem(noCsrf, 403, 'csrf_failed');
    const crossSite = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { origin: 'https://evil.example' },
      payload: { email: admin.email, password: PASSWORD },
    });
    expectProblem(crossSite, 403, 'csrf_failed');
    expect((await call(h, admin, 'GET', '/me')).json().user.name).toBe('Ada Admin');
  });
});

/** Ada has her own org and also belongs to a second one: a session in each. */
async function personInTwoOrgs() {
  const ada = await signUpOrg(h, 'Ada GmbH');
  const other = await signUpOrg(h, 'Other AG');
  const invited = await call(h, other, 'POST', '/users/invitations', { email: ada.email, isAdmin: false, roles: {} });
  expect(invited.statusCode).toBe(201);
  const mail = await h.sink.waitFor((m) => m.to.includes(ada.email) && m.text.includes('/invite/'));
  const token = linkIn(mail).split('/invite/')[1]!;
  const accepted = await call(h, null, 'POST', `/invitations/${token}/accept`, { name: 'Ada', password: PASSWORD });
  expect(accepted.statusCode).toBe(200);
  const inOther = callerFrom(accepted);
  expect(inOther.me?.org.name).toBe('Other AG');
  return { ada, inOther };
}

async function resetLink(email: string): Promise<string> {
  const before = h.sink.messages.length;
  expect((await call(h, null, 'POST', '/auth/forgot-password', { email })).statusCode).toBe(202);
  const mail = await h.sink.waitFor(
    (m) => h.sink.messages.indexOf(m) >= before && m.to.includes(email) && m.subject.includes('Reset'),
  );
  return new URL(linkIn(mail)).searchParams.get('token')!;
}

describe('password reset and change', () => {
  it('ends the sessions of the person in every org when the password changes', async () => {
    const { ada, inOther } = await personInTwoOrgs();
    const changed = await call(h, ada, 'POST', '/me/password', {
      currentPassword: PASSWORD,
      newPassword: 'another-long-secret',
    });
    expect(changed.statusCode).toBe(204);
    expectProblem(await call(h, ada, 'GET', '/me'), 401, 'unauthenticated');
    expectProblem(await call(h, inOther, 'GET', '/me'), 401, 'unauthenticated');
  });

  it('ends the sessions of the person in every org on a reset from the mailed link', async () => {
    const { ada, inOther } = await personInTwoOrgs();
    const token = await resetLink(ada.email);
    const reset = await call(h, null, 'POST', '/auth/reset-password', { token, password: 'a-brand-new-long-secret' });
    expect(reset.statusCode).toBe(204);
    expectProblem(await call(h, ada, 'GET', '/me'), 401, 'unauthenticated');
    expectProblem(await call(h, inOther, 'GET', '/me'), 401, 'unauthenticated');
  });

  it('voids every older reset link once one of them is used', async () => {
    const admin = await signUpOrg(h);
    const first = await resetLink(admin.email);
    const second = await resetLink(admin.email);
    expect(first).not.toBe(second);
    const used = await call(h, null, 'POST', '/auth/reset-password', { token: second, password: 'a-brand-new-secret' });
    expect(used.statusCode).toBe(204);
    const old = await call(h, null, 'POST', '/auth/reset-password', { token: first, password: 'an-attackers-secret' });
    expectProblem(old, 400, 'invalid_token');
  });

  it('voids outstanding reset links when the password changes', async () => {
    const admin = await signUpOrg(h);
    const token = await resetLink(admin.email);
    const changed = await call(h, admin, 'POST', '/me/password', {
      currentPassword: PASSWORD,
      newPassword: 'another-long-secret',
    });
    expect(changed.statusCode).toBe(204);
    const old = await call(h, null, 'POST', '/auth/reset-password', { token, password: 'an-attackers-secret' });
    expectProblem(old, 400, 'invalid_token');
  });

  it('resets the password from the mailed link, ending old sessions', async () => {
    const admin = await signUpOrg(h);
    const asked = await call(h, null, 'POST', '/auth/forgot-password', { email: admin.email });
    expect(asked.statusCode).toBe(202);
    const unknown = await call(h, null, 'POST', '/auth/forgot-password', { email: uniqueEmail('ghost') });
    expect(unknown.statusCode).toBe(202);
    const mail = await h.sink.waitFor((m) => m.to.includes(admin.email) && m.subject.includes('Reset'));
    const token = new URL(linkIn(mail)).searchParams.get('token')!;
    const weak = await call(h, null, 'POST', '/auth/reset-password', { token, password: 'qwerty123' });
    expect(expectProblem(weak, 422, 'validation_failed').errors?.[0]?.field).toBe('password');
    const newPassword = 'a-brand-new-long-secret';
    expect((await call(h, null, 'POST', '/auth/reset-password', { token, password: newPassword })).statusCode).toBe(
      204,
    );
    expectProblem(await call(h, admin, 'GET', '/me'), 401, 'unauthenticated');
    expectProblem(
      await call(h, null, 'POST', '/auth/reset-password', { token, password: newPassword }),
      400,
      'invalid_token',
    );
    const signedIn = await call(h, null, 'POST', '/auth/sign-in', { email: admin.email, password: newPassword });
    expect(signedIn.statusCode).toBe(200);
    const actions = (await auditEvents(h, callerFrom(signedIn))).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.password_reset_requested', 'auth.password_reset']));
  });

  it('changes the password with the current one, keeping the caller signed in', async () => {
    const admin = await signUpOrg(h);
    const wrong = await call(h, admin, 'POST', '/me/password', {
      currentPassword: 'not-it-at-all',
      newPassword: 'another-long-secret',
    });
    expect(expectProblem(wrong, 401, 'invalid_credentials').errors?.[0]?.field).toBe('currentPassword');
    const ok = await call(h, admin, 'POST', '/me/password', {
      currentPassword: PASSWORD,
      newPassword: 'another-long-secret',
    });
    expect(ok.statusCode).toBe(204);
    expectProblem(await call(h, admin, 'GET', '/me'), 401, 'unauthenticated');
    const fresh = { cookie: ok.cookies.find((c) => c.name.endsWith('dbx_session'))!.value };
    const me = await h.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: `dbx_session=${fresh.cookie}` },
    });
    expect(me.statusCode).toBe(200);
    expectProblem(await call(h, { bearer: 'x' }, 'GET', '/me'), 401, 'unauthenticated');
  });
});
