import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, call, callerFrom, expectProblem, PASSWORD, signUpOrg, uniqueEmail } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
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
    expect(admin.me.user?.emailVerified).toBe(false);
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

  it('refuses an e-mail that is already registered', async () => {
    const admin = await signUpOrg(h);
    const again = await call(h, null, 'POST', '/auth/sign-up', {
      name: 'B',
      email: admin.email,
      password: PASSWORD,
      companyName: 'Y',
    });
    expect(expectProblem(again, 422, 'validation_failed').errors?.[0]).toMatchObject({ field: 'email', rule: 'taken' });
  });

  it('sends a verification mail whose link verifies the address once', async () => {
    const admin = await signUpOrg(h);
    const mail = await h.sink.waitFor((m) => m.to.includes(admin.email) && m.subject.includes('confirm'));
    const token = new URL(linkIn(mail)).searchParams.get('token')!;
    expect((await call(h, null, 'POST', '/auth/verify-email', { token })).statusCode).toBe(204);
    expect((await call(h, admin, 'GET', '/me')).json().user.emailVerified).toBe(true);
    expectProblem(await call(h, null, 'POST', '/auth/verify-email', { token }), 400, 'invalid_token');
    expect((await auditEvents(h, admin)).map((e) => e.action)).toContain('auth.email_verified');
  });
});

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
      ip: '127.0.0.1',
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

  it('locks the account for a while after five wrong passwords in a row', async () => {
    const admin = await signUpOrg(h);
    for (let i = 0; i < 5; i++) {
      await call(h, null, 'POST', '/auth/sign-in', { email: admin.email, password: `wrong-password-${i}` });
    }
    expectProblem(
      await call(h, null, 'POST', '/auth/sign-in', { email: admin.email, password: PASSWORD }),
      403,
      'account_locked',
    );
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
