import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ssoSignIns } from '../../db/schema/index.js';
import { withClaims } from '../../db/tx.js';
import { hashToken } from '../../platform/crypto/tokens.js';
import { auditEvents, call, defaultUnit, expectProblem, PASSWORD, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { startTestIdp, type TestIdp } from '../../test/oidc-provider.js';
import { sweepExpiredAuth } from '../auth/auth.jobs.js';
import {
  APP,
  callback,
  connectOrg,
  loggedData,
  REDIRECT_URI,
  sessionCallerOf,
  ssoCookieOf,
  throughIdp,
  uniqueDomain,
} from './sso.fixtures.js';

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

/** Invites `email` (at the account's domain) and accepts with a password, as any member. */
async function memberAt(admin: Awaited<ReturnType<typeof signUpOrg>>, email: string, isAdmin = false) {
  const invited = await call(h, admin, 'POST', '/users/invitations', { email, isAdmin, roles: {} });
  expect(invited.statusCode, invited.body).toBe(201);
  const mail = await h.sink.waitFor((m) => m.to.includes(email));
  const token = /\/invite\/([\w-]+)/.exec(mail.text)![1]!;
  const accepted = await call(h, null, 'POST', `/invitations/${token}/accept`, { name: 'Sam Sso', password: PASSWORD });
  expect(accepted.statusCode, accepted.body).toBe(200);
  return invited.json().id as string;
}

const errorCodeOf = (res: { statusCode: number; headers: Record<string, unknown> }) => {
  expect(res.statusCode).toBe(303);
  const location = new URL(String(res.headers.location));
  expect(`${location.origin}${location.pathname}`).toBe(`${APP}/sso-error`);
  return location.searchParams.get('code');
};

describe('signing in with OpenID Connect', () => {
  it('sends a verified domain to its provider (PKCE, state, nonce) and opens a full session, logged', async () => {
    const admin = await signUpOrg(h);
    const { domain } = await connectOrg(h, idp, admin);
    const email = `sam@${domain}`;
    const userId = await memberAt(admin, email);
    idp.accounts.set('sam', { sub: 'sub-sam', email, email_verified: true, name: 'Sam' });
    const { url, cookie, redirectUrl } = await throughIdp(h, email, 'sam');
    const auth = new URL(redirectUrl);
    expect(auth.origin).toBe(idp.issuer);
    expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
    expect(auth.searchParams.get('state')).toBeTruthy();
    expect(auth.searchParams.get('nonce')).toBeTruthy();
    expect(auth.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
    const res = await callback(h, url, cookie);
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe(`${APP}/`);
    const me = await call(h, sessionCallerOf(res), 'GET', '/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.id).toBe(userId);
    const signedIn = (await loggedData(h, admin.me.org.id, 'auth.signed_in')).filter((e) => e.actorId === userId);
    expect(signedIn.at(-1)!.data).toMatchObject({ sso: { protocol: 'oidc' } });
    expect((await auditEvents(h, admin)).map((e) => e.action)).toContain('auth.sso_linked');

    // The same callback URL again: the pending sign-in is spent (a replayed code).
    expect(errorCodeOf(await callback(h, url, cookie))).toBe('state_invalid');
  });
});

describe('refusing an answer from the provider', () => {
  async function setUp() {
    const admin = await signUpOrg(h);
    const { domain } = await connectOrg(h, idp, admin);
    const email = `pat@${domain}`;
    const login = `pat-${domain}`;
    await memberAt(admin, email);
    idp.accounts.set(login, { sub: `sub-${login}`, email, email_verified: true });
    return { admin, domain, email, login };
  }
  const reasons = async (orgId: string) =>
    (await loggedData(h, orgId, 'auth.sso_failed')).map((e) => (e.data as { reason: string }).reason);

  it('a wrong state, a missing cookie or a foreign cookie: the pending sign-in does not match', async () => {
    const { admin, email, login } = await setUp();
    const first = await throughIdp(h, email, login);
    const wrong = new URL(first.url);
    wrong.searchParams.set('state', 'not-the-state');
    expect(errorCodeOf(await callback(h, wrong.href, first.cookie))).toBe('state_invalid');
    // Spent by the wrong answer: the right state afterwards is refused too.
    expect(errorCodeOf(await callback(h, first.url, first.cookie))).toBe('state_invalid');
    const second = await throughIdp(h, email, login);
    expect(errorCodeOf(await callback(h, second.url, null))).toBe('state_invalid');
    const third = await throughIdp(h, email, login);
    expect(errorCodeOf(await callback(h, third.url, 'dbx_sso=someone-elses'))).toBe('state_invalid');
    expect(await reasons(admin.me.org.id)).toEqual(['state_invalid']);
  });

  it('an id_token for another audience, or signed with a key that is not the provider’s', async () => {
    const { admin, email, login } = await setUp();
    for (const tamper of ['audience', 'signature'] as const) {
      const { url, cookie } = await throughIdp(h, email, login);
      idp.tamper = tamper;
      try {
        expect(errorCodeOf(await callback(h, url, cookie))).toBe('token_rejected');
      } finally {
        idp.tamper = 'none';
      }
    }
    expect(await reasons(admin.me.org.id)).toEqual(['token_rejected', 'token_rejected']);
  });

  it('the provider’s own refusal (access_denied)', async () => {
    const { admin, email } = await setUp();
    const started = await call(h, null, 'POST', '/auth/sso/start', { email });
    const state = new URL(started.json().redirectUrl).searchParams.get('state')!;
    const url = `${REDIRECT_URI}?error=access_denied&state=${state}&iss=${encodeURIComponent(idp.issuer)}`;
    expect(errorCodeOf(await callback(h, url, ssoCookieOf(started)))).toBe('idp_error');
    expect(await reasons(admin.me.org.id)).toEqual(['idp_error']);
  });

  it('an unverified address, an address outside the verified domains, a locked member', async () => {
    const { admin, domain, email, login } = await setUp();
    idp.accounts.set(login, { sub: `sub-${login}`, email, email_verified: false });
    let flow = await throughIdp(h, email, login);
    expect(errorCodeOf(await callback(h, flow.url, flow.cookie))).toBe('email_unverified');

    const unverified = uniqueDomain();
    expect((await call(h, admin, 'POST', '/settings/sso/domains', { domain: unverified })).statusCode).toBe(201);
    idp.accounts.set(login, { sub: `sub-${login}`, email: `pat@${unverified}`, email_verified: true });
    flow = await throughIdp(h, email, login);
    expect(errorCodeOf(await callback(h, flow.url, flow.cookie))).toBe('domain_not_verified');

    const lockedEmail = `lee@${domain}`;
    const lockedId = await memberAt(admin, lockedEmail);
    expect((await call(h, admin, 'POST', `/users/${lockedId}/lock`)).statusCode).toBe(200);
    idp.accounts.set('lee', { sub: 'sub-lee', email: lockedEmail });
    flow = await throughIdp(h, lockedEmail, 'lee');
    expect(errorCodeOf(await callback(h, flow.url, flow.cookie))).toBe('account_locked');
    expect(await reasons(admin.me.org.id)).toEqual(['email_unverified', 'domain_not_verified', 'account_locked']);
  });

  it('the same address under another subject, once the person is linked: refused, not re-linked', async () => {
    const { admin, email, login } = await setUp();
    let flow = await throughIdp(h, email, login);
    expect((await callback(h, flow.url, flow.cookie)).headers.location).toBe(`${APP}/`);
    idp.accounts.set(`${login}-2`, { sub: `other-${login}`, email, email_verified: true });
    flow = await throughIdp(h, email, `${login}-2`);
    expect(errorCodeOf(await callback(h, flow.url, flow.cookie))).toBe('identity_conflict');
    expect(await reasons(admin.me.org.id)).toEqual(['identity_conflict']);
    expect(await loggedData(h, admin.me.org.id, 'auth.sso_linked')).toHaveLength(1);
  });

  it('answers the start by the domain alone; bad input names the field', async () => {
    const admin = await signUpOrg(h);
    const { domain } = await connectOrg(h, idp, admin);
    const nobody = await call(h, null, 'POST', '/auth/sso/start', { email: `nobody@${domain}` });
    expect(nobody.statusCode).toBe(200);
    expect(new URL(nobody.json().redirectUrl).origin).toBe(idp.issuer);
    const other = await call(h, null, 'POST', '/auth/sso/start', { email: `x@${uniqueDomain()}` });
    expect(expectProblem(other, 422, 'validation_failed').errors).toEqual([
      expect.objectContaining({ field: 'email', rule: 'no_sso' }),
    ]);
    const bad = await call(h, null, 'POST', '/auth/sso/start', { email: 'not-an-address' });
    expect(expectProblem(bad, 422, 'validation_failed').errors?.[0]?.field).toBe('email');
  });
});

describe('just-in-time membership', () => {
  it('off: a person of the domain without membership is refused, logged; on: joins with the role chosen', async () => {
    const admin = await signUpOrg(h);
    const { domain } = await connectOrg(h, idp, admin);
    const email = `newcomer@${domain}`;
    idp.accounts.set(`new-${domain}`, { sub: `sub-new-${domain}`, email, email_verified: true, name: 'Nia Newcomer' });
    let flow = await throughIdp(h, email, `new-${domain}`);
    expect(errorCodeOf(await callback(h, flow.url, flow.cookie))).toBe('no_membership');
    const reasons = (await loggedData(h, admin.me.org.id, 'auth.sso_failed')).map((e) => e.data.reason);
    expect(reasons).toEqual(['no_membership']);

    const unit = defaultUnit(admin);
    const saved = await call(h, admin, 'PUT', '/settings/sso/connection', {
      protocol: 'oidc',
      issuer: idp.issuer,
      clientId: idp.clientId,
      jit: { role: 'editor', businessUnitId: unit },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    flow = await throughIdp(h, email, `new-${domain}`);
    const res = await callback(h, flow.url, flow.cookie);
    expect(res.headers.location).toBe(`${APP}/`);
    const me = (await call(h, sessionCallerOf(res), 'GET', '/me')).json();
    expect(me.user).toMatchObject({ email, name: 'Nia Newcomer' });
    expect(me.roles).toEqual([expect.objectContaining({ businessUnitId: unit, role: 'editor' })]);
    const joined = await loggedData(h, admin.me.org.id, 'user.joined_by_sso');
    expect(joined).toEqual([expect.objectContaining({ data: expect.objectContaining({ role: 'editor' }) })]);
    // The second time, the link (connection, sub) finds the person.
    flow = await throughIdp(h, email, `new-${domain}`);
    expect((await callback(h, flow.url, flow.cookie)).headers.location).toBe(`${APP}/`);
    expect(await loggedData(h, admin.me.org.id, 'user.joined_by_sso')).toHaveLength(1);
  });
});

describe('the hourly sweep', () => {
  it('deletes pending single sign-ons that came back, keeps those still waiting', async () => {
    const admin = await signUpOrg(h);
    const { domain } = await connectOrg(h, idp, admin);
    const email = `sweep@${domain}`;
    const spent = await call(h, null, 'POST', '/auth/sso/start', { email });
    const waiting = await call(h, null, 'POST', '/auth/sso/start', { email });
    const state = new URL(spent.json().redirectUrl).searchParams.get('state')!;
    const url = `${REDIRECT_URI}?error=access_denied&state=${state}&iss=${encodeURIComponent(idp.issuer)}`;
    expect(errorCodeOf(await callback(h, url, ssoCookieOf(spent)))).toBe('idp_error');
    await sweepExpiredAuth(h.app.deps);
    const rows = async (res: Parameters<typeof ssoCookieOf>[0]) => {
      const tokenHash = hashToken(ssoCookieOf(res).slice('dbx_sso='.length));
      return withClaims(h.database.db, { tokenHash }, (tx) => tx.select().from(ssoSignIns));
    };
    expect(await rows(spent)).toEqual([]);
    expect(await rows(waiting)).toHaveLength(1);
  });
});
