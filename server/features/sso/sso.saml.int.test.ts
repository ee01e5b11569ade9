import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, call, defaultUnit, expectProblem, PASSWORD, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import {
  assertionXml,
  b64,
  EVIL_CERT,
  EVIL_KEY,
  IDP_CERT,
  IDP_ENTITY_ID,
  IDP_SSO_URL,
  idpMetadata,
  requestOf,
  responseXml,
  samlResponse,
  signedAssertion,
  unb64,
} from '../../test/saml-idp.js';
import { APP, loggedData, sessionCallerOf, ssoCookieOf, uniqueDomain, verifyAsOperator } from './sso.fixtures.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

type Admin = Awaited<ReturnType<typeof signUpOrg>>;

/** An account with a verified domain and a SAML connection to the test IdP (by its metadata). */
async function connectSaml(
  admin: Admin,
  jit: { role: 'off' | 'viewer' | 'editor'; businessUnitId?: string } = { role: 'off' },
) {
  const domain = uniqueDomain();
  expect((await call(h, admin, 'POST', '/settings/sso/domains', { domain })).statusCode).toBe(201);
  await verifyAsOperator(h, admin.me.org.id, domain);
  const saved = await call(h, admin, 'PUT', '/settings/sso/connection', {
    protocol: 'saml',
    metadataXml: idpMetadata(),
    jit: { role: jit.role, businessUnitId: jit.businessUnitId ?? null },
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const sp = saved.json().samlSp as { entityId: string; acsUrl: string; metadataUrl: string };
  return { domain, sp, connectionId: saved.json().connection.id as string };
}

async function memberAt(admin: Admin, email: string) {
  const invited = await call(h, admin, 'POST', '/users/invitations', { email, isAdmin: false, roles: {} });
  expect(invited.statusCode, invited.body).toBe(201);
  const mail = await h.sink.waitFor((m) => m.to.includes(email));
  const token = /\/invite\/([\w-]+)/.exec(mail.text)![1]!;
  const accepted = await call(h, null, 'POST', `/invitations/${token}/accept`, {
    name: 'Sam Saml',
    password: PASSWORD,
  });
  expect(accepted.statusCode, accepted.body).toBe(200);
  return invited.json().id as string;
}

/** The start: the IdP redirect URL, the browser's cookie, the AuthnRequest id and the RelayState. */
async function start(email: string) {
  const started = await call(h, null, 'POST', '/auth/sso/start', { email });
  expect(started.statusCode, started.body).toBe(200);
  const redirectUrl = started.json().redirectUrl as string;
  const relayState = new URL(redirectUrl).searchParams.get('RelayState')!;
  return { redirectUrl, cookie: ssoCookieOf(started), request: requestOf(redirectUrl), relayState };
}

/** The IdP's page posting the form to the ACS: cross-site, so without our cookie. */
function postAcs(acsUrl: string, fields: Record<string, string>) {
  return h.app.inject({
    method: 'POST',
    url: acsUrl.slice(APP.length),
    headers: {
      'user-agent': 'vitest',
      'content-type': 'application/x-www-form-urlencoded',
      origin: 'https://idp.test.example',
      'sec-fetch-site': 'cross-site',
    },
    payload: new URLSearchParams(fields).toString(),
  });
}

function finish(location: string, cookie: string | null) {
  return h.app.inject({
    method: 'GET',
    url: location.slice(APP.length),
    headers: { 'user-agent': 'vitest', ...(cookie ? { cookie } : {}) },
  });
}

/** ACS then finish, as the browser does: the final response. */
async function complete(acsUrl: string, response: string, relayState: string, cookie: string | null) {
  const acs = await postAcs(acsUrl, { SAMLResponse: response, RelayState: relayState });
  expect(acs.statusCode, acs.body).toBe(303);
  const location = String(acs.headers.location);
  if (!location.startsWith(`${APP}/api/`)) return acs;
  expect(location).toBe(`${APP}/api/v1/auth/sso/saml/finish`);
  return finish(location, cookie);
}

const errorCodeOf = (res: { statusCode: number; headers: Record<string, unknown> }) => {
  expect(res.statusCode).toBe(303);
  const location = new URL(String(res.headers.location));
  expect(`${location.origin}${location.pathname}`).toBe(`${APP}/sso-error`);
  return location.searchParams.get('code');
};
const reasons = async (orgId: string) =>
  (await loggedData(h, orgId, 'auth.sso_failed')).map((e) => (e.data as { reason: string }).reason);

describe('SAML connection settings', () => {
  it('accepts IdP metadata, shows our entity id, ACS and metadata URL (known before); logged', async () => {
    const admin = await signUpOrg(h);
    const before = (await call(h, admin, 'GET', '/settings/sso')).json().samlSp;
    const { sp, connectionId } = await connectSaml(admin);
    expect(sp).toEqual(before);
    const base = `${APP}/api/v1/auth/sso/saml/${connectionId}`;
    expect(sp).toEqual({ entityId: base, acsUrl: `${base}/acs`, metadataUrl: `${base}/metadata` });
    const got = (await call(h, admin, 'GET', '/settings/sso')).json();
    expect(got.connection).toMatchObject({
      protocol: 'saml',
      issuer: null,
      clientId: null,
      clientSecretSet: false,
      saml: { entityId: IDP_ENTITY_ID, ssoUrl: IDP_SSO_URL, certificates: [expect.any(String)] },
    });
    const saved = (await auditEvents(h, admin)).find((e) => e.action === 'sso.connection_saved');
    expect(saved).toBeTruthy();
  });

  it('accepts the three values instead of metadata; bad metadata names metadataXml, a bad certificate names certificate', async () => {
    const admin = await signUpOrg(h);
    const put = (body: Record<string, unknown>) =>
      call(h, admin, 'PUT', '/settings/sso/connection', { protocol: 'saml', ...body });
    const ok = await put({ entityId: IDP_ENTITY_ID, ssoUrl: IDP_SSO_URL, certificate: IDP_CERT });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().connection.saml.entityId).toBe(IDP_ENTITY_ID);
    const notMetadata = await put({ metadataXml: '<html><body>Sign in</body></html>' });
    expect(expectProblem(notMetadata, 422, 'validation_failed').errors).toEqual([
      expect.objectContaining({ field: 'metadataXml', rule: 'not_metadata' }),
    ]);
    const doctype = await put({
      metadataXml: `<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>${idpMetadata()}`,
    });
    expect(expectProblem(doctype, 422, 'validation_failed').errors?.[0]?.field).toBe('metadataXml');
    const badCert = await put({ entityId: IDP_ENTITY_ID, ssoUrl: IDP_SSO_URL, certificate: 'not a certificate' });
    expect(expectProblem(badCert, 422, 'validation_failed').errors).toEqual([
      expect.objectContaining({ field: 'certificate', rule: 'pem' }),
    ]);
    const httpUrl = await put({ entityId: IDP_ENTITY_ID, ssoUrl: 'http://idp.example/sso', certificate: IDP_CERT });
    expect(expectProblem(httpUrl, 422, 'validation_failed').errors?.[0]).toMatchObject({ field: 'ssoUrl' });
    // Nothing half-written: the connection is still the one saved first.
    expect((await call(h, admin, 'GET', '/settings/sso')).json().connection.saml.ssoUrl).toBe(IDP_SSO_URL);
  });

  it('takes several certificates (an IdP rolling its key): an assertion signed by either is accepted', async () => {
    const admin = await signUpOrg(h);
    const { domain, sp } = await connectSaml(admin);
    const saved = await call(h, admin, 'PUT', '/settings/sso/connection', {
      protocol: 'saml',
      entityId: IDP_ENTITY_ID,
      ssoUrl: IDP_SSO_URL,
      certificate: `${IDP_CERT}\n${EVIL_CERT}`,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().connection.saml.certificates).toHaveLength(2);
    const email = `roll@${domain}`;
    const userId = await memberAt(admin, email);
    const flow = await start(email);
    const o = { requestId: flow.request.id, acsUrl: sp.acsUrl, audience: sp.entityId, nameId: email };
    const res = await complete(
      sp.acsUrl,
      samlResponse({ ...o, key: EVIL_KEY, cert: EVIL_CERT }),
      flow.relayState,
      flow.cookie,
    );
    expect(res.headers.location, String(res.headers.location)).toBe(`${APP}/`);
    expect((await call(h, sessionCallerOf(res), 'GET', '/me')).json().user.id).toBe(userId);
  });

  it('publishes our SP metadata per connection, without a session', async () => {
    const admin = await signUpOrg(h);
    const { sp } = await connectSaml(admin);
    const res = await h.app.inject({ method: 'GET', url: sp.metadataUrl.slice(APP.length) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/samlmetadata+xml');
    expect(res.body).toContain(`entityID="${sp.entityId}"`);
    expect(res.body).toContain(`Location="${sp.acsUrl}"`);
    const bad = await h.app.inject({ method: 'GET', url: '/api/v1/auth/sso/saml/not-a-uuid/metadata' });
    expect(bad.statusCode).toBe(422);
  });
});

describe('signing in with SAML 2.0', () => {
  it('sends the person to the IdP, takes the signed response through the ACS and the finish step, opens a full session', async () => {
    const admin = await signUpOrg(h);
    const { domain, sp } = await connectSaml(admin);
    const email = `sam@${domain}`;
    const userId = await memberAt(admin, email);
    const flow = await start(email);
    expect(flow.redirectUrl.startsWith(`${IDP_SSO_URL}?`)).toBe(true);
    expect(flow.request).toMatchObject({ acsUrl: sp.acsUrl, issuer: sp.entityId });
    // The RelayState is not the cookie's token.
    expect(flow.cookie).not.toContain(flow.relayState);
    const response = samlResponse({
      requestId: flow.request.id,
      acsUrl: sp.acsUrl,
      audience: sp.entityId,
      nameId: email,
    });
    const res = await complete(sp.acsUrl, response, flow.relayState, flow.cookie);
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe(`${APP}/`);
    const me = await call(h, sessionCallerOf(res), 'GET', '/me');
    expect(me.json().user.id).toBe(userId);
    const signedIn = (await loggedData(h, admin.me.org.id, 'auth.signed_in')).filter((e) => e.actorId === userId);
    expect(signedIn.at(-1)!.data).toMatchObject({ sso: { protocol: 'saml' } });
    expect(await loggedData(h, admin.me.org.id, 'auth.sso_linked')).toHaveLength(1);

    // The same response posted again: the pending sign-in is spent.
    expect(errorCodeOf(await complete(sp.acsUrl, response, flow.relayState, flow.cookie))).toBe('state_invalid');
    // Posted with a new pending sign-in: it answers another request (InResponseTo is single use).
    const again = await start(email);
    expect(errorCodeOf(await complete(sp.acsUrl, response, again.relayState, again.cookie))).toBe('saml_replayed');
    expect(await reasons(admin.me.org.id)).toEqual(['saml_replayed']);
  });

  it('links the person by NameID: the second time the NameID finds them, whatever address the IdP sends', async () => {
    const admin = await signUpOrg(h);
    const { domain, sp } = await connectSaml(admin);
    const email = `lin@${domain}`;
    const userId = await memberAt(admin, email);
    for (const address of [email.toUpperCase(), `lin.renamed@${domain}`]) {
      const flow = await start(email);
      const response = samlResponse({
        requestId: flow.request.id,
        acsUrl: sp.acsUrl,
        audience: sp.entityId,
        nameId: `persistent-${userId}`,
        nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
        attributes: { email: address, givenName: 'Lin', sn: 'Saml' },
      });
      const res = await complete(sp.acsUrl, response, flow.relayState, flow.cookie);
      expect(res.headers.location, String(res.headers.location)).toBe(`${APP}/`);
      expect((await call(h, sessionCallerOf(res), 'GET', '/me')).json().user.id).toBe(userId);
    }
    expect(await loggedData(h, admin.me.org.id, 'auth.sso_linked')).toHaveLength(1);
  });

  it('just-in-time membership: off refuses a newcomer, on lets them join with the role chosen', async () => {
    const admin = await signUpOrg(h);
    const { domain, sp } = await connectSaml(admin);
    const email = `nia@${domain}`;
    const once = async () => {
      const flow = await start(email);
      const response = samlResponse({
        requestId: flow.request.id,
        acsUrl: sp.acsUrl,
        audience: sp.entityId,
        nameId: email,
        attributes: { givenName: 'Nia', sn: 'Newcomer' },
      });
      return complete(sp.acsUrl, response, flow.relayState, flow.cookie);
    };
    expect(errorCodeOf(await once())).toBe('no_membership');
    const unit = defaultUnit(admin);
    const saved = await call(h, admin, 'PUT', '/settings/sso/connection', {
      protocol: 'saml',
      metadataXml: idpMetadata(),
      jit: { role: 'viewer', businessUnitId: unit },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const res = await once();
    expect(res.headers.location).toBe(`${APP}/`);
    const me = (await call(h, sessionCallerOf(res), 'GET', '/me')).json();
    expect(me.user).toMatchObject({ email, name: 'Nia Newcomer' });
    expect(me.roles).toEqual([expect.objectContaining({ businessUnitId: unit, role: 'viewer' })]);
    expect(await loggedData(h, admin.me.org.id, 'user.joined_by_sso')).toHaveLength(1);
    expect(await reasons(admin.me.org.id)).toEqual(['no_membership']);
  });
});

describe('refusing a SAML response', () => {
  async function setUp() {
    const admin = await signUpOrg(h);
    const { domain, sp } = await connectSaml(admin);
    const email = `pat@${domain}`;
    await memberAt(admin, email);
    const flow = await start(email);
    const o = { requestId: flow.request.id, acsUrl: sp.acsUrl, audience: sp.entityId, nameId: email };
    return { admin, domain, sp, email, flow, o, orgId: admin.me.org.id as string };
  }

  it('a tampered assertion (NameID changed after signing)', async () => {
    const { sp, flow, o, orgId, domain } = await setUp();
    const xml = unb64(samlResponse(o)).replace(o.nameId, `boss@${domain}`);
    expect(errorCodeOf(await complete(sp.acsUrl, b64(xml), flow.relayState, flow.cookie))).toBe(
      'saml_invalid_signature',
    );
    expect(await reasons(orgId)).toEqual(['saml_invalid_signature']);
  });

  it('signature wrapping: an unsigned forged assertion beside the signed one', async () => {
    const { sp, flow, o, orgId, domain } = await setUp();
    const signed = signedAssertion(o);
    const forged = assertionXml({ ...o, nameId: `boss@${domain}` });
    const evil = responseXml(o, forged + signed);
    expect(errorCodeOf(await complete(sp.acsUrl, b64(evil), flow.relayState, flow.cookie))).toMatch(/^saml_/);
    // The signed assertion hidden inside the forged one (in an Extensions-like wrapper).
    const next = await start(o.nameId);
    const o2 = { ...o, requestId: next.request.id };
    const signed2 = signedAssertion(o2);
    const wrapped = assertionXml({ ...o2, nameId: `boss@${domain}` }).replace(
      '</saml:Assertion>',
      `<saml:Advice>${signed2}</saml:Advice></saml:Assertion>`,
    );
    const res = await complete(sp.acsUrl, b64(responseXml(o2, wrapped)), next.relayState, next.cookie);
    expect(errorCodeOf(res)).toMatch(/^saml_/);
    expect((await reasons(orgId)).every((r) => r.startsWith('saml_'))).toBe(true);
    expect(await loggedData(h, orgId, 'auth.sso_linked')).toHaveLength(0);
  });

  it('an unsigned assertion, or one signed by another key', async () => {
    const { sp, flow, o, orgId } = await setUp();
    const unsigned = samlResponse({ ...o, signAssertion: false });
    expect(errorCodeOf(await complete(sp.acsUrl, unsigned, flow.relayState, flow.cookie))).toBe(
      'saml_invalid_signature',
    );
    const next = await start(o.nameId);
    const evil = samlResponse({ ...o, requestId: next.request.id, key: EVIL_KEY, cert: EVIL_CERT });
    expect(errorCodeOf(await complete(sp.acsUrl, evil, next.relayState, next.cookie))).toBe('saml_invalid_signature');
    expect(await reasons(orgId)).toEqual(['saml_invalid_signature', 'saml_invalid_signature']);
  });

  it('an expired assertion', async () => {
    const { sp, flow, o, orgId } = await setUp();
    const late = samlResponse({ ...o, validMinutes: -10 });
    expect(errorCodeOf(await complete(sp.acsUrl, late, flow.relayState, flow.cookie))).toBe('saml_expired');
    expect(await reasons(orgId)).toEqual(['saml_expired']);
  });

  it('a response made for another account’s connection, posted to this one: the wrong audience', async () => {
    const { sp, flow, o, orgId } = await setUp();
    const other = await connectSaml(await signUpOrg(h));
    expect(other.sp.entityId).not.toBe(sp.entityId);
    const foreign = samlResponse({ ...o, audience: other.sp.entityId, acsUrl: other.sp.acsUrl });
    const code = errorCodeOf(await complete(sp.acsUrl, foreign, flow.relayState, flow.cookie));
    expect(code).toBe('saml_wrong_audience');
    expect(await reasons(orgId)).toEqual(['saml_wrong_audience']);
  });

  it('no cookie at the finish step (another browser), an unknown RelayState, the ACS of another connection', async () => {
    const { sp, flow, o, orgId } = await setUp();
    const response = samlResponse(o);
    expect(errorCodeOf(await complete(sp.acsUrl, response, flow.relayState, null))).toBe('state_invalid');
    // Kept once: a second post for the same pending sign-in is refused at the ACS.
    expect(errorCodeOf(await postAcs(sp.acsUrl, { SAMLResponse: response, RelayState: flow.relayState }))).toBe(
      'state_invalid',
    );
    expect(errorCodeOf(await postAcs(sp.acsUrl, { SAMLResponse: response, RelayState: 'A'.repeat(43) }))).toBe(
      'state_invalid',
    );
    expect(errorCodeOf(await postAcs(sp.acsUrl, { SAMLResponse: response }))).toBe('state_invalid');
    const next = await start(o.nameId);
    const other = await connectSaml(await signUpOrg(h));
    expect(errorCodeOf(await postAcs(other.sp.acsUrl, { SAMLResponse: response, RelayState: next.relayState }))).toBe(
      'state_invalid',
    );
    // A foreign browser's cookie at the finish step finds nothing either.
    expect(errorCodeOf(await finish(`${APP}/api/v1/auth/sso/saml/finish`, 'dbx_sso=someone-elses'))).toBe(
      'state_invalid',
    );
    expect(await reasons(orgId)).toEqual([]);
  });

  it('an e-mail outside the verified domains; a response too large or not base64', async () => {
    const { sp, flow, o, orgId } = await setUp();
    const outside = samlResponse({ ...o, nameId: `pat@${uniqueDomain()}` });
    expect(errorCodeOf(await complete(sp.acsUrl, outside, flow.relayState, flow.cookie))).toBe('domain_not_verified');
    expect(await reasons(orgId)).toEqual(['domain_not_verified']);
    const next = await start(o.nameId);
    const huge = await postAcs(sp.acsUrl, { SAMLResponse: 'A'.repeat(300 * 1024), RelayState: next.relayState });
    expect(huge.statusCode).toBeGreaterThanOrEqual(400);
    expect(huge.statusCode).toBeLessThan(500);
    const notXml = await complete(sp.acsUrl, '!!!', next.relayState, next.cookie);
    expect(errorCodeOf(notXml)).toBe('saml_malformed');
  });
});
