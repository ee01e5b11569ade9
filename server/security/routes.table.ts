import { randomUUID } from 'node:crypto';
import { APPROVAL_RULES } from '../../common/schemas/approvals.js';
import { PASSWORD, uniqueEmail } from '../test/api.js';
import { pdfWithText } from '../test/files.js';
import type { FreshKind, OrgIds, OrgWorld, Role } from './attack.world.js';

type Params = Record<string, string>;

/**
 * One row per `METHOD /path` of the live OpenAPI document: how to fill the path from an organization's
 * world, a valid request, and what each role is answered. A route without a row fails the suite.
 */
export interface RouteRow {
  /** Needs no credential: the role table does not apply, no session is answered like any caller. */
  public?: true;
  params?: (o: OrgWorld) => Params | Promise<Params>;
  /** Gets the filled path parameters too (a confirmation that repeats something of the target). */
  body?: (o: OrgWorld, params: Params) => unknown;
  query?: (o: OrgWorld) => Params;
  /** Answers a cross-site POST by design (SAML ACS): not CSRF-checked, must not act on a session. */
  crossSite?: true;
  /** The body is a file, not JSON. */
  raw?: { contentType: string; payload: string };
  /** Spends the caller's session (sign-out, password change): each call gets a fresh sign-in. */
  spendsSession?: true;
  /**
   * The route declares `whileReadOnly`: a read-only (cancelled) account may still do this write
   * (server/security/read-only.attack.test.ts checks every other write is refused).
   */
  whileReadOnly?: true;
  /**
   * Expected status per role, in the order of ROLES: admin, otherEditor, viewer, noRole, unitKey
   * (`ATTACK_RECORD=1` makes roles.attack.test.ts print what it observed, to review for a new route).
   */
  roles?: [number, number, number, number, number];
}

const id =
  (key: keyof OrgIds) =>
  (o: OrgWorld): Params => ({ id: o.ids[key] });
const fresh =
  (kind: FreshKind) =>
  async (o: OrgWorld): Promise<Params> => ({ id: await o.fresh(kind) });
/** A fresh envelope out for signing and its mailed signer. */
const sentRecipient = async (o: OrgWorld): Promise<Params> => {
  const [id = '', rid = ''] = (await o.fresh('sentRecipient')).split('/');
  return { id, rid };
};
const bogusToken = { token: 'A'.repeat(43) };
const bogusSigningToken = { token: 'A'.repeat(96) };
const bogusRegistration = {
  id: 'AAAA',
  rawId: 'AAAA',
  type: 'public-key',
  response: { clientDataJSON: 'e30', attestationObject: 'oA' },
  clientExtensionResults: {},
};
const bogusAssertion = {
  id: 'AAAA',
  rawId: 'AAAA',
  type: 'public-key',
  response: { clientDataJSON: 'e30', authenticatorData: 'AA', signature: 'AA', userHandle: 'AA' },
  clientExtensionResults: {},
};
/** One step whose one approver is the org's viewer (who can read the contracts of unit 1). */
const approvalSteps = (o: OrgWorld) => [
  {
    name: `${o.marker} step`,
    rule: APPROVAL_RULES[0],
    dueDays: null,
    approvers: [{ kind: 'user', userId: o.ids.viewer }],
  },
];
const lifecycle = { type: 'fixed', startDate: '2091-01-01', endDate: '2091-12-31' };
const template = { kind: 'reminder', locale: 'de' };

/** A one-page PDF as a multipart upload (part `file`), for the document routes. */
const BOUNDARY = 'deedbox-attack-boundary';
const pdfUpload = {
  contentType: `multipart/form-data; boundary=${BOUNDARY}`,
  payload:
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="attack.pdf"\r\n` +
    `Content-Type: application/pdf\r\n\r\n${pdfWithText(['attack']).toString('latin1')}\r\n--${BOUNDARY}--\r\n`,
};

export const ROUTES: Record<string, RouteRow> = {
  'GET /api/v1/meta': { public: true },
  // Public today; finding 9 makes it an administrator's (and so this row no longer public).
  // Administrators only; the harness sends mail by SMTP, so there is no outbox to show them (404).
  'GET /api/v1/dev/outbox': { roles: [404, 403, 403, 403, 403] },
  'POST /api/v1/auth/sign-up': {
    public: true,
    body: (o) => ({ name: 'New Admin', email: uniqueEmail('su'), password: PASSWORD, companyName: `${o.marker} new` }),
  },
  'POST /api/v1/auth/sign-up/confirm': { public: true, body: () => bogusToken },
  'POST /api/v1/auth/sign-in': {
    public: true,
    body: () => ({ email: uniqueEmail('nobody'), password: PASSWORD }),
  },
  'POST /api/v1/auth/sign-out': { whileReadOnly: true, roles: [204, 204, 204, 204, 403], spendsSession: true },
  // Only a pending sign-in (a code due) may answer; a signed-in session or a key has none waiting.
  'POST /api/v1/auth/second-factor': {
    whileReadOnly: true,
    roles: [409, 409, 409, 409, 409],
    body: () => ({ kind: 'totp', code: '123456' }),
  },
  'POST /api/v1/auth/second-factor/passkey-options': { whileReadOnly: true, roles: [409, 409, 409, 409, 409] },
  'POST /api/v1/auth/second-factor/sms-code': {
    whileReadOnly: true,
    roles: [409, 409, 409, 409, 409],
    body: () => ({}),
  },
  'POST /api/v1/auth/passkey/options': { public: true },
  // A made-up assertion: refused (422) like a wrong password, whoever sends it.
  'POST /api/v1/auth/passkey/sign-in': { public: true, body: () => ({ response: bogusAssertion }) },
  'POST /api/v1/auth/forgot-password': { public: true, body: () => ({ email: uniqueEmail('forgot') }) },
  'POST /api/v1/auth/reset-password': {
    public: true,
    body: () => ({ token: bogusToken.token, password: `${PASSWORD}-new` }),
  },
  'POST /api/v1/auth/verify-email': { public: true, body: () => bogusToken },
  'POST /api/v1/auth/resend-verification': { whileReadOnly: true, roles: [202, 202, 202, 202, 202] },
  'GET /api/v1/invitations/{token}': { public: true, params: () => bogusToken },
  'POST /api/v1/invitations/{token}/accept': {
    public: true,
    params: () => bogusToken,
    body: () => ({ name: 'Mallory', password: PASSWORD }),
  },
  'GET /api/v1/me': { roles: [200, 200, 200, 200, 200] },
  'PATCH /api/v1/me': { whileReadOnly: true, roles: [200, 200, 200, 200, 403], body: () => ({ locale: 'en' }) },
  'POST /api/v1/me/password': {
    whileReadOnly: true,
    roles: [204, 204, 204, 204, 403],
    spendsSession: true,
    body: () => ({ currentPassword: PASSWORD, newPassword: PASSWORD }),
  },
  'GET /api/v1/me/sessions': { roles: [200, 200, 200, 200, 403] },
  'GET /api/v1/me/activity': { roles: [200, 200, 200, 200, 403] },
  // Someone else's (or no) session is "not found", whoever asks; a key has no sessions.
  'DELETE /api/v1/me/sessions/{id}': {
    whileReadOnly: true,
    roles: [404, 404, 404, 404, 403],
    params: () => ({ id: randomUUID() }),
  },
  'POST /api/v1/me/sessions/sign-out-others': {
    whileReadOnly: true,
    roles: [200, 200, 200, 200, 403],
    spendsSession: true,
  },
  'POST /api/v1/me/sessions/sign-out-everywhere': {
    whileReadOnly: true,
    roles: [200, 200, 200, 200, 403],
    spendsSession: true,
  },
  'POST /api/v1/users/{id}/sessions/end': {
    whileReadOnly: true,
    roles: [200, 403, 403, 403, 403],
    params: id('target'),
  },
  'POST /api/v1/auth/end-session': { public: true, body: () => bogusToken },
  'GET /api/v1/me/factors': { roles: [200, 200, 200, 200, 403] },
  'POST /api/v1/me/factors/totp': { whileReadOnly: true, roles: [201, 201, 201, 201, 403], body: () => ({}) },
  'POST /api/v1/me/factors/totp/{id}/confirm': {
    whileReadOnly: true,
    roles: [404, 404, 404, 404, 403],
    params: () => ({ id: crypto.randomUUID() }),
    body: () => ({ code: '123456' }),
  },
  'POST /api/v1/me/factors/passkey': { whileReadOnly: true, roles: [201, 201, 201, 201, 403], body: () => ({}) },
  'POST /api/v1/me/factors/passkey/{id}/confirm': {
    whileReadOnly: true,
    roles: [404, 404, 404, 404, 403],
    params: () => ({ id: crypto.randomUUID() }),
    body: () => ({ response: bogusRegistration }),
  },
  // The attack world has no text message provider: SMS is not offered (409) to people; a key has no factors.
  'POST /api/v1/me/factors/sms': {
    whileReadOnly: true,
    roles: [409, 409, 409, 409, 403],
    body: () => ({ phone: '+491701234567' }),
  },
  'POST /api/v1/me/factors/sms/{id}/confirm': {
    whileReadOnly: true,
    roles: [404, 404, 404, 404, 403],
    params: () => ({ id: crypto.randomUUID() }),
    body: () => ({ code: '123456' }),
  },
  'PATCH /api/v1/me/factors/{id}': {
    whileReadOnly: true,
    roles: [404, 404, 404, 404, 403],
    params: () => ({ id: crypto.randomUUID() }),
    body: () => ({ name: 'Renamed' }),
  },
  'DELETE /api/v1/me/factors/{id}': {
    whileReadOnly: true,
    roles: [404, 404, 404, 404, 403],
    params: () => ({ id: crypto.randomUUID() }),
    body: () => ({ password: PASSWORD }),
  },
  // Nobody in the attack world holds a second factor, so there are no backup codes to make.
  'POST /api/v1/me/backup-codes': {
    whileReadOnly: true,
    roles: [409, 409, 409, 409, 403],
    body: () => ({ password: PASSWORD }),
  },
  'POST /api/v1/users/{id}/factors/reset': { roles: [204, 403, 403, 403, 403], params: id('target') },
  'GET /api/v1/settings/security': { roles: [200, 403, 403, 403, 403] },
  'PATCH /api/v1/settings/security': {
    roles: [200, 403, 403, 403, 403],
    body: () => ({ requireSecondFactor: false }),
  },
  'GET /api/v1/users': { roles: [200, 403, 403, 403, 403] },
  'GET /api/v1/settings/sso': { roles: [200, 403, 403, 403, 403] },
  // No provider answers at this address: discovery fails, named on `issuer`.
  'PUT /api/v1/settings/sso/connection': {
    roles: [422, 403, 403, 403, 403],
    body: () => ({ protocol: 'oidc', issuer: 'http://127.0.0.1:9/idp', clientId: 'attack', clientSecret: 'attack' }),
  },
  'DELETE /api/v1/settings/sso/connection': { roles: [404, 403, 403, 403, 403] },
  'PUT /api/v1/settings/sso/enforcement': { roles: [404, 403, 403, 403, 403], body: () => ({ enforced: true }) },
  'POST /api/v1/settings/sso/domains': {
    roles: [201, 403, 403, 403, 403],
    body: () => ({ domain: `attack-${randomUUID().slice(0, 8)}.test` }),
  },
  'DELETE /api/v1/settings/sso/domains/{id}': {
    roles: [404, 403, 403, 403, 403],
    params: () => ({ id: randomUUID() }),
  },
  // Public: which provider a domain uses is public; an unverified domain has none (422 on `email`).
  'POST /api/v1/auth/sso/start': { public: true, body: () => ({ email: uniqueEmail('sso') }) },
  // Always a redirect: without the browser's pending sign-in, to the error page.
  'GET /api/v1/auth/sso/oidc/callback': { public: true, query: () => ({ code: 'attack', state: 'attack' }) },
  // SAML: our SP metadata is public and computed from the connection id alone.
  'GET /api/v1/auth/sso/saml/{connectionId}/metadata': { public: true, params: () => ({ connectionId: randomUUID() }) },
  // The IdP's cross-site POST: without a pending sign-in named by RelayState, a redirect to the error page.
  'POST /api/v1/auth/sso/saml/{connectionId}/acs': {
    public: true,
    crossSite: true,
    params: () => ({ connectionId: randomUUID() }),
    raw: { contentType: 'application/x-www-form-urlencoded', payload: 'SAMLResponse=PHg%2B&RelayState=attack' },
  },
  // Without the browser's pending sign-in: a redirect to the error page.
  'GET /api/v1/auth/sso/saml/finish': { public: true },
  'GET /api/v1/subscription': { roles: [200, 403, 403, 403, 403] },
  // Whether the account is read-only: every member and key may know (the banner).
  'GET /api/v1/subscription/access': { roles: [200, 200, 200, 200, 200] },
  // Cancelling takes its confirmation in the body; without it, nobody's request is valid (422), so the attack
  // suites never turn the world read-only (server/security/read-only.attack.test.ts does, on its own world).
  'POST /api/v1/subscription/cancel': { roles: [422, 422, 422, 422, 422] },
  // Not cancelled: nothing to reactivate (409) for the administrator.
  'POST /api/v1/subscription/reactivate': { whileReadOnly: true, roles: [409, 403, 403, 403, 403] },
  // Not the account's name: refused before the password is checked (a request in the attack world must not delete it).
  'POST /api/v1/subscription/deletion-request': {
    whileReadOnly: true,
    roles: [422, 403, 403, 403, 403],
    body: () => ({ password: 'not the password', confirmName: 'Not the account' }),
  },
  // No deletion is requested in the attack world.
  'DELETE /api/v1/subscription/deletion-request': { whileReadOnly: true, roles: [409, 403, 403, 403, 403] },
  // Stripe's webhook: the attack world configures no STRIPE_WEBHOOK_SECRET, so there is no endpoint (404).
  'POST /api/v1/billing/stripe/webhook': { public: true },
  'GET /api/v1/users/directory': { roles: [200, 200, 200, 200, 200], query: () => ({ q: 'Max' }) },
  'POST /api/v1/users/invitations': {
    roles: [201, 403, 403, 403, 403],
    body: (o) => ({ email: uniqueEmail('inv'), isAdmin: false, roles: { [o.ids.unit1]: 'viewer' } }),
  },
  'POST /api/v1/users/{id}/invitation': { roles: [202, 403, 403, 403, 403], params: id('invitation') },
  'PUT /api/v1/users/{id}/roles': {
    roles: [200, 403, 403, 403, 403],
    params: id('target'),
    body: (o) => ({ isAdmin: false, roles: { [o.ids.unit1]: 'viewer' } }),
  },
  'POST /api/v1/users/{id}/lock': { roles: [200, 403, 403, 403, 403], params: fresh('member') },
  'DELETE /api/v1/users/{id}': { roles: [204, 403, 403, 403, 403], params: fresh('member') },
  'POST /api/v1/users/{id}/erasure': {
    roles: [200, 403, 403, 403, 403],
    params: fresh('member'),
    body: (o, p) => ({ email: o.emailOf(p.id!) }),
  },
  'POST /api/v1/users/{id}/unlock': { roles: [200, 403, 403, 403, 403], params: id('target') },
  'GET /api/v1/business-units': { roles: [200, 200, 200, 200, 200] },
  'POST /api/v1/business-units': {
    roles: [201, 403, 403, 403, 403],
    body: (o) => ({ name: `${o.marker} unit ${Math.random()}` }),
  },
  'PATCH /api/v1/business-units/{id}': {
    roles: [200, 403, 403, 403, 403],
    params: id('unit2'),
    body: (o) => ({ name: `${o.marker} unit 2` }),
  },
  'DELETE /api/v1/business-units/{id}': { roles: [204, 403, 403, 403, 403], params: fresh('businessUnit') },
  'GET /api/v1/api-keys': { roles: [200, 403, 403, 403, 403] },
  'POST /api/v1/api-keys': {
    roles: [201, 403, 403, 403, 403],
    body: (o) => ({ name: `${o.marker} key`, role: 'viewer', businessUnitIds: [o.ids.unit1] }),
  },
  'DELETE /api/v1/api-keys/{id}': { roles: [204, 403, 403, 403, 403], params: fresh('apiKey') },
  'GET /api/v1/webhooks': { roles: [200, 403, 403, 403, 403] },
  'POST /api/v1/webhooks': {
    roles: [201, 403, 403, 403, 403],
    body: (o) => ({
      url: 'http://127.0.0.1:9/hook',
      description: `${o.marker} hook`,
      eventTypes: ['contract.created'],
    }),
  },
  'GET /api/v1/webhooks/{id}': { roles: [200, 403, 403, 403, 403], params: id('webhook') },
  'PATCH /api/v1/webhooks/{id}': {
    roles: [200, 403, 403, 403, 403],
    params: id('webhook'),
    body: (o) => ({ description: `${o.marker} hook` }),
  },
  'DELETE /api/v1/webhooks/{id}': { roles: [204, 403, 403, 403, 403], params: fresh('webhook') },
  'POST /api/v1/webhooks/{id}/rotate-secret': { roles: [200, 403, 403, 403, 403], params: id('webhook') },
  'POST /api/v1/webhooks/{id}/enable': { roles: [200, 403, 403, 403, 403], params: id('webhook') },
  'POST /api/v1/webhooks/{id}/disable': { roles: [200, 403, 403, 403, 403], params: fresh('webhook') },
  'POST /api/v1/webhooks/{id}/test': { roles: [202, 403, 403, 403, 403], params: id('webhook') },
  'GET /api/v1/webhooks/{id}/deliveries': { roles: [200, 403, 403, 403, 403], params: id('webhook') },
  'POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/resend': {
    roles: [202, 403, 403, 403, 403],
    params: (o) => ({ id: o.ids.webhook, deliveryId: o.ids.webhookDelivery }),
  },
  'GET /api/v1/account-exports': { roles: [200, 403, 403, 403, 403] },
  'POST /api/v1/account-exports': {
    whileReadOnly: true,
    roles: [201, 403, 403, 403, 403],
    body: () => ({ locale: 'en' }),
  },
  // No export exists in the attack world: an administrator is told "not found", everyone else "forbidden".
  'GET /api/v1/account-exports/{id}': { roles: [404, 403, 403, 403, 403], params: () => ({ id: randomUUID() }) },
  'GET /api/v1/account-exports/{id}/download': {
    roles: [404, 403, 403, 403, 403],
    params: () => ({ id: randomUUID() }),
  },
  'GET /api/v1/audit': { roles: [200, 403, 403, 403, 403], query: (o) => ({ objectId: o.ids.contract }) },
  'GET /api/v1/audit/verify': { roles: [200, 403, 403, 403, 403] },
  // The trust page: its facts are public; the own account's chain and deletion date are the administrators'.
  'GET /api/v1/trust': { public: true },
  'GET /api/v1/trust/organization': { roles: [200, 403, 403, 403, 403] },
  'GET /api/v1/audit/export': { roles: [200, 403, 403, 403, 403], query: (o) => ({ objectId: o.ids.contract }) },
  'GET /api/v1/contracts': { roles: [200, 200, 200, 200, 200], query: (o) => ({ partnerId: o.ids.partner }) },
  'POST /api/v1/contracts': {
    roles: [201, 403, 403, 403, 201],
    body: (o) => ({ title: `${o.marker} new`, businessUnitId: o.ids.unit1, partnerId: o.ids.partner, lifecycle }),
  },
  'GET /api/v1/contracts/recycle-bin': { roles: [200, 403, 403, 403, 403] },
  'GET /api/v1/contracts/{id}': { roles: [200, 404, 200, 404, 200], params: id('contract') },
  // Administrators see everyone's access; other readers only their own (200), non-readers "not found".
  'GET /api/v1/contracts/{id}/access': { roles: [200, 404, 200, 404, 200], params: id('contract') },
  'PATCH /api/v1/contracts/{id}': {
    roles: [200, 404, 403, 404, 200],
    params: id('contract'),
    body: (o) => ({ description: `${o.marker} notes` }),
  },
  'DELETE /api/v1/contracts/{id}': { roles: [204, 404, 403, 404, 403], params: fresh('contract') },
  'POST /api/v1/contracts/{id}/notice': {
    roles: [200, 404, 403, 404, 200],
    params: fresh('contract'),
    body: () => ({ givenOn: new Date().toISOString().slice(0, 10), confirmLaterEnd: true }),
  },
  'GET /api/v1/contracts/{id}/notice-letter/draft': {
    roles: [200, 404, 403, 404, 200],
    params: fresh('noticeContract'),
    query: () => ({ kind: 'termination', locale: 'de' }),
  },
  'POST /api/v1/contracts/{id}/notice-letter': {
    roles: [201, 404, 403, 404, 201],
    params: fresh('noticeContract'),
    body: (o) => ({
      kind: 'non_renewal',
      locale: 'en',
      subject: `${o.marker} subject`,
      body: `${o.marker} body`,
      recordNotice: true,
    }),
  },
  'POST /api/v1/contracts/{id}/restore': { roles: [200, 403, 403, 403, 403], params: fresh('deletedContract') },
  'GET /api/v1/contracts/{id}/history': { roles: [200, 404, 200, 404, 200], params: id('contract') },
  'GET /api/v1/contracts/{id}/hierarchy': { roles: [200, 404, 200, 404, 200], params: id('contract') },
  'GET /api/v1/events': {
    roles: [200, 200, 200, 200, 200],
    query: (o) => ({ from: '2090-01-01', to: '2090-12-31', contractId: o.ids.contract }),
  },
  'GET /api/v1/contracts/{id}/events': { roles: [200, 404, 200, 404, 200], params: id('contract') },
  'POST /api/v1/contracts/{id}/events': {
    roles: [201, 404, 403, 404, 201],
    params: id('contract'),
    body: (o) => ({ title: `${o.marker} event`, date: '2090-07-01', categoryId: o.ids.eventCategory }),
  },
  'GET /api/v1/events/{id}': { roles: [200, 404, 200, 404, 200], params: id('event') },
  'PATCH /api/v1/events/{id}': {
    roles: [200, 404, 403, 404, 200],
    params: id('event'),
    body: (o) => ({ description: `${o.marker} event notes` }),
  },
  'DELETE /api/v1/events/{id}': { roles: [204, 404, 403, 404, 204], params: fresh('event') },
  'GET /api/v1/reminders/mine': { roles: [200, 200, 200, 200, 200] },
  'GET /api/v1/events/{id}/reminders': { roles: [200, 404, 200, 404, 200], params: id('event') },
  'POST /api/v1/events/{id}/reminders': {
    roles: [201, 404, 403, 404, 201],
    params: id('event'),
    body: () => ({ leadTimes: [14], recipients: { owner: true } }),
  },
  'GET /api/v1/contracts/{id}/reminders': { roles: [200, 404, 200, 404, 200], params: id('contract') },
  'GET /api/v1/reminders/{id}': { roles: [200, 404, 200, 404, 200], params: id('reminder') },
  'PATCH /api/v1/reminders/{id}': {
    roles: [200, 404, 403, 404, 200],
    params: id('reminder'),
    body: () => ({ leadTimes: [7] }),
  },
  'DELETE /api/v1/reminders/{id}': { roles: [204, 404, 403, 404, 204], params: fresh('reminder') },
  'GET /api/v1/reminders/{id}/deliveries': { roles: [200, 404, 200, 404, 200], params: id('reminder') },
  'GET /api/v1/settings/reminders': { roles: [200, 200, 200, 200, 200] },
  'PATCH /api/v1/settings/reminders': { roles: [200, 403, 403, 403, 403], body: () => ({ sendHour: 8 }) },
  'GET /api/v1/me/reminder-preferences': { roles: [200, 200, 200, 200, 403] },
  'PUT /api/v1/me/reminder-preferences': { roles: [200, 200, 200, 200, 403], body: () => ({ digest: false }) },
  'GET /api/v1/settings/mail-templates': { roles: [200, 403, 403, 403, 403] },
  'PUT /api/v1/settings/mail-templates/{kind}/{locale}': {
    roles: [200, 403, 403, 403, 403],
    params: () => template,
    body: (o) => ({ subject: `${o.marker} subject`, body: `${o.marker} body` }),
  },
  'DELETE /api/v1/settings/mail-templates/{kind}/{locale}': {
    roles: [200, 403, 403, 403, 403],
    params: () => template,
  },
  'POST /api/v1/settings/mail-templates/preview': {
    roles: [200, 403, 403, 403, 403],
    body: (o) => ({ subject: `${o.marker} s`, body: `${o.marker} b`, kind: 'reminder', locale: 'en' }),
  },
  'GET /api/v1/reminder-links/{token}': { public: true, params: () => bogusToken },
  'POST /api/v1/reminder-links/{token}': { public: true, params: () => bogusToken },
  'GET /api/v1/signing/{token}': { public: true, params: () => bogusSigningToken },
  'POST /api/v1/signing/{token}/viewed': { public: true, params: () => bogusSigningToken },
  'GET /api/v1/signing/{token}/pdf': { public: true, params: () => bogusSigningToken },
  'POST /api/v1/signing/{token}/code': { public: true, params: () => bogusSigningToken },
  'POST /api/v1/signing/{token}/code/verify': {
    public: true,
    params: () => bogusSigningToken,
    body: () => ({ code: '123456' }),
  },
  'POST /api/v1/signing/{token}/sign': {
    public: true,
    params: () => bogusSigningToken,
    body: () => ({ signature: { kind: 'typed', text: 'A' }, consent: true }),
  },
  'POST /api/v1/signing/{token}/decline': {
    public: true,
    params: () => bogusSigningToken,
    body: (o) => ({ reason: `${o.marker} reason` }),
  },
  'GET /api/v1/signing/{token}/document': { public: true, params: () => bogusSigningToken },
  'GET /api/v1/calendar/feeds': { roles: [200, 200, 200, 200, 403] },
  'POST /api/v1/calendar/feeds': { roles: [201, 201, 201, 201, 403], body: (o) => ({ name: `${o.marker} feed` }) },
  'DELETE /api/v1/calendar/feeds/{id}': { roles: [204, 404, 404, 404, 403], params: fresh('calendarFeed') },
  'GET /api/v1/dashboard': { roles: [200, 200, 200, 200, 200] },
  'GET /api/v1/contracts/{id}/billing-lines': { roles: [200, 404, 200, 404, 200], params: id('contract') },
  'POST /api/v1/contracts/{id}/billing-lines': {
    roles: [201, 404, 403, 404, 201],
    params: id('contract'),
    body: (o) => ({
      kind: 'revenue',
      frequency: 'yearly',
      amount: '10.00',
      currency: 'EUR',
      firstBillingOn: '2090-02-01',
      description: `${o.marker} line`,
    }),
  },
  'PATCH /api/v1/contracts/{id}/billing-lines/{lineId}': {
    roles: [200, 404, 403, 404, 200],
    params: (o) => ({ id: o.ids.contract, lineId: o.ids.billingLine }),
    body: (o) => ({ description: `${o.marker} line` }),
  },
  'DELETE /api/v1/contracts/{id}/billing-lines/{lineId}': {
    roles: [204, 404, 403, 404, 204],
    params: async (o) => ({ id: o.ids.contract, lineId: await o.fresh('billingLine') }),
  },
  'GET /api/v1/approval-templates': { roles: [200, 200, 200, 200, 200] },
  'GET /api/v1/approval-templates/{id}': { roles: [200, 200, 200, 200, 200], params: id('approvalTemplate') },
  'POST /api/v1/approval-templates': {
    roles: [201, 403, 403, 403, 403],
    body: (o) => ({ name: `${o.marker} template`, steps: approvalSteps(o) }),
  },
  'PATCH /api/v1/approval-templates/{id}': {
    roles: [200, 403, 403, 403, 403],
    params: id('approvalTemplate'),
    body: (o) => ({ description: `${o.marker} notes` }),
  },
  'DELETE /api/v1/approval-templates/{id}': { roles: [204, 403, 403, 403, 403], params: fresh('approvalTemplate') },
  'GET /api/v1/contracts/{id}/approval': { roles: [200, 404, 200, 404, 200], params: id('contract') },
  // The viewer approves, so it cannot start (403); the unit key is an Editor of the unit.
  'POST /api/v1/contracts/{id}/approval': {
    roles: [201, 404, 403, 404, 201],
    params: fresh('contract'),
    body: (o) => ({ steps: approvalSteps(o) }),
  },
  'POST /api/v1/approvals/{id}/cancel': { roles: [200, 404, 403, 404, 200], params: fresh('approval') },
  'POST /api/v1/approvals/{id}/resubmit': { roles: [200, 404, 403, 404, 200], params: fresh('rejectedApproval') },
  // Only the slot's person answers: the administrator who asked may not, an API key never (person_required).
  'POST /api/v1/approvals/{id}/slots/{slotId}/decision': {
    roles: [403, 404, 200, 404, 403],
    params: (o) => o.freshApproval(),
    body: () => ({ decision: 'approve' }),
  },
  'POST /api/v1/approvals/{id}/comments': {
    roles: [201, 404, 201, 404, 201],
    params: id('approval'),
    body: (o) => ({ body: `${o.marker} comment` }),
  },
  'GET /api/v1/approval-tasks': { roles: [200, 200, 200, 200, 403] },
  'GET /api/v1/partners': { roles: [200, 200, 200, 200, 200], query: (o) => ({ q: o.marker }) },
  'POST /api/v1/partners': {
    roles: [201, 201, 403, 403, 201],
    body: (o) => ({ name: `${o.marker} partner ${Math.random()}`, type: 'both' }),
  },
  'GET /api/v1/partners/{id}': { roles: [200, 200, 200, 200, 200], params: id('partner') },
  'PATCH /api/v1/partners/{id}': {
    roles: [200, 200, 403, 403, 200],
    params: id('partner'),
    body: (o) => ({ vatId: `${o.marker}`.slice(0, 20) }),
  },
  'DELETE /api/v1/partners/{id}': { roles: [204, 204, 403, 403, 204], params: fresh('partner') },
  'POST /api/v1/partners/{id}/merge': {
    roles: [200, 200, 403, 403, 200],
    params: fresh('partner'),
    body: async (o: OrgWorld) => ({ duplicateIds: [await o.fresh('partner')] }),
  },
  'GET /api/v1/categories': { roles: [200, 200, 200, 200, 200], query: () => ({ kind: 'contract' }) },
  'POST /api/v1/categories': {
    roles: [201, 201, 403, 403, 201],
    body: (o) => ({ name: `${o.marker} category ${Math.random()}` }),
  },
  'PATCH /api/v1/categories/{id}': {
    roles: [200, 403, 403, 403, 403],
    params: id('category'),
    body: (o) => ({ name: `${o.marker} category` }),
  },
  'DELETE /api/v1/categories/{id}': { roles: [204, 403, 403, 403, 403], params: fresh('category') },
  'GET /api/v1/org-units': { roles: [200, 200, 200, 200, 200] },
  'POST /api/v1/org-units': {
    roles: [201, 201, 403, 403, 201],
    body: (o) => ({ name: `${o.marker} org unit ${Math.random()}` }),
  },
  'PATCH /api/v1/org-units/{id}': {
    roles: [200, 403, 403, 403, 403],
    params: id('orgUnit'),
    body: (o) => ({ name: `${o.marker} org unit` }),
  },
  'DELETE /api/v1/org-units/{id}': { roles: [204, 403, 403, 403, 403], params: fresh('orgUnit') },
  'GET /api/v1/custom-fields': { roles: [200, 200, 200, 200, 200], query: () => ({ entity: 'contract' }) },
  'POST /api/v1/custom-fields': {
    roles: [201, 403, 403, 403, 403],
    body: (o) => ({ entity: 'contract', label: `${o.marker} ${Math.random()}`, type: 'number' }),
  },
  'PUT /api/v1/custom-fields/order': {
    roles: [200, 403, 403, 403, 403],
    body: (o) => ({ entity: 'partner', ids: [o.ids.partnerField] }),
  },
  'PATCH /api/v1/custom-fields/{id}': {
    roles: [200, 403, 403, 403, 403],
    params: id('customField'),
    body: (o) => ({ section: `${o.marker}` }),
  },
  'DELETE /api/v1/custom-fields/{id}': { roles: [204, 403, 403, 403, 403], params: fresh('customField') },
  'GET /api/v1/settings/repository': { roles: [200, 200, 200, 200, 200] },
  'PATCH /api/v1/settings/repository': { roles: [200, 403, 403, 403, 403], body: () => ({ currency: 'EUR' }) },
  'GET /api/v1/settings/company': { roles: [200, 200, 200, 200, 200] },
  'PUT /api/v1/settings/company': {
    roles: [200, 403, 403, 403, 403],
    body: (o) => ({
      legalName: `${o.marker} GmbH`,
      street: 'Main street 1',
      postalCode: '10115',
      city: 'Berlin',
      country: 'DE',
    }),
  },
  'GET /api/v1/contracts/export': {
    roles: [200, 200, 200, 200, 200],
    query: (o) => ({ partnerId: o.ids.partner, format: 'csv' }),
  },
  'GET /api/v1/partners/export': { roles: [200, 200, 200, 200, 200], query: (o) => ({ q: o.marker, format: 'csv' }) },
  'GET /api/v1/saved-views': { roles: [200, 200, 200, 200, 200], query: () => ({ entity: 'contract' }) },
  'POST /api/v1/saved-views': {
    roles: [201, 201, 201, 201, 201],
    body: (o) => ({ entity: 'contract', name: `${o.marker} ${Math.random()}`, definition: { sort: 'title' } }),
  },
  'PATCH /api/v1/saved-views/{id}': {
    roles: [200, 404, 404, 404, 404],
    params: id('savedView'),
    body: () => ({ shared: true }),
  },
  'DELETE /api/v1/saved-views/{id}': { roles: [204, 404, 404, 404, 404], params: fresh('savedView') },
  'POST /api/v1/imports': {
    roles: [201, 201, 403, 403, 201],
    query: () => ({ entity: 'contract', fileName: 'attack.csv' }),
    raw: { contentType: 'text/csv', payload: 'title\nImported\n' },
  },
  'GET /api/v1/imports/{id}': { roles: [200, 404, 404, 404, 404], params: id('import') },
  'GET /api/v1/contracts/{id}/documents': { roles: [200, 404, 200, 404, 200], params: id('contract') },
  'POST /api/v1/contracts/{id}/documents': { roles: [201, 404, 403, 404, 201], params: id('contract'), raw: pdfUpload },
  'POST /api/v1/contracts/{id}/links': {
    roles: [201, 404, 403, 404, 201],
    params: id('contract'),
    body: (o) => ({ url: 'https://example.sharepoint.com/sites/legal/a.pdf', title: `${o.marker} link` }),
  },
  'GET /api/v1/documents/{id}': { roles: [200, 404, 200, 404, 200], params: id('document') },
  'PATCH /api/v1/documents/{id}': {
    roles: [200, 404, 403, 404, 200],
    params: id('document'),
    body: (o) => ({ name: `${o.marker} renamed.pdf` }),
  },
  'DELETE /api/v1/documents/{id}': { roles: [204, 404, 403, 404, 204], params: fresh('document') },
  'POST /api/v1/documents/{id}/restore': { roles: [200, 404, 403, 404, 200], params: fresh('deletedDocument') },
  'POST /api/v1/documents/{id}/versions': { roles: [201, 404, 403, 404, 201], params: id('document'), raw: pdfUpload },
  'GET /api/v1/documents/{id}/content': { roles: [200, 404, 200, 404, 200], params: id('document') },
  'GET /api/v1/documents/{id}/preview': { roles: [200, 404, 200, 404, 200], params: id('document') },
  'GET /api/v1/envelopes': { roles: [200, 404, 200, 404, 200], query: (o) => ({ contractId: o.ids.contract }) },
  'POST /api/v1/envelopes': {
    roles: [201, 404, 403, 404, 201],
    body: (o) => ({ documentId: o.ids.document, title: `${o.marker} envelope`, message: `${o.marker} message` }),
  },
  'GET /api/v1/envelopes/{id}': { roles: [200, 404, 200, 404, 200], params: id('envelope') },
  'PATCH /api/v1/envelopes/{id}': {
    roles: [200, 404, 403, 404, 200],
    params: id('envelope'),
    body: (o) => ({ title: `${o.marker} envelope`, message: `${o.marker} message` }),
  },
  'DELETE /api/v1/envelopes/{id}': { roles: [204, 404, 403, 404, 204], params: fresh('envelope') },
  'PUT /api/v1/envelopes/{id}/recipients': {
    roles: [200, 404, 403, 404, 200],
    params: id('envelope'),
    body: (o) => ({ recipients: [{ role: 'signer', name: `${o.marker} signer`, email: uniqueEmail('signer') }] }),
  },
  'PUT /api/v1/envelopes/{id}/fields': {
    roles: [200, 404, 403, 404, 200],
    params: id('envelope'),
    body: () => ({ fields: [] }),
  },
  // The world's envelope is a draft: nothing sealed to download yet (the flow test downloads a real one).
  'GET /api/v1/envelopes/{id}/events': { roles: [200, 404, 200, 404, 200], params: id('envelope') },
  'GET /api/v1/envelopes/{id}/download': { roles: [404, 404, 404, 404, 404], params: id('envelope') },
  'POST /api/v1/envelopes/{id}/cancel': {
    roles: [200, 404, 403, 404, 200],
    params: fresh('sentEnvelope'),
    body: (o) => ({ reason: `${o.marker} reason` }),
  },
  'POST /api/v1/envelopes/{id}/send': { roles: [200, 404, 403, 404, 200], params: fresh('readyEnvelope') },
  'POST /api/v1/envelopes/{id}/recipients/{rid}/resend': {
    roles: [200, 404, 403, 404, 200],
    params: sentRecipient,
  },
  'PATCH /api/v1/envelopes/{id}/recipients/{rid}': {
    roles: [200, 404, 403, 404, 200],
    params: sentRecipient,
    body: (o) => ({ name: `${o.marker} signer`, email: uniqueEmail('moved') }),
  },
  // The inbox is for those who create contracts (administrators, editors of any unit, editors' keys).
  'GET /api/v1/inbox': { roles: [200, 200, 403, 403, 200] },
  'POST /api/v1/inbox': { roles: [201, 201, 403, 403, 201], raw: pdfUpload },
  'POST /api/v1/inbox/{id}/convert': {
    roles: [201, 403, 403, 403, 201],
    params: fresh('inboxDocument'),
    body: (o) => ({
      title: `${o.marker} from inbox`,
      businessUnitId: o.ids.unit1,
      partnerId: o.ids.partner,
      lifecycle,
    }),
  },
  'POST /api/v1/inbox/{id}/attach': {
    roles: [200, 422, 403, 403, 200],
    params: fresh('inboxDocument'),
    body: (o) => ({ contractId: o.ids.contract }),
  },
  'GET /api/v1/inbox/{id}/suggestions': { roles: [200, 200, 403, 403, 200], params: id('inboxDocument') },
  'GET /api/v1/settings/inbox-address': { roles: [200, 200, 403, 403, 200] },
  'POST /api/v1/settings/inbox-address/regenerate': { roles: [200, 403, 403, 403, 403] },
  // Everyone may search; what they find is bounded by their units (search.int.test.ts).
  'GET /api/v1/search': { roles: [200, 200, 200, 200, 200], query: (o) => ({ q: o.marker }) },
  // Provisioning (SCIM) settings are the administrator's; /scim/v2 itself is attacked in scim.attack.test.ts.
  'GET /api/v1/settings/scim': { roles: [200, 403, 403, 403, 403] },
  'POST /api/v1/settings/scim/token': { roles: [201, 403, 403, 403, 403] },
  'DELETE /api/v1/settings/scim/token': { roles: [204, 403, 403, 403, 403] },
  'GET /api/v1/settings/scim/groups': { roles: [200, 403, 403, 403, 403] },
  'PUT /api/v1/settings/scim/groups/{id}/mapping': {
    roles: [200, 403, 403, 403, 403],
    params: id('scimGroup'),
    body: (o) => ({ businessUnitId: o.ids.unit1, role: 'viewer' }),
  },
  'POST /api/v1/imports/{id}/check': {
    roles: [200, 404, 404, 404, 404],
    params: id('import'),
    body: () => ({ mapping: { title: 'title', start: 'lifecycle.startDate' } }),
  },
  'POST /api/v1/imports/{id}/commit': {
    roles: [409, 404, 404, 404, 404],
    params: id('import'),
    body: () => ({ skipInvalidRows: true }),
  },
};

export type RouteKey = keyof typeof ROUTES;

export const expectedFor = (row: RouteRow, role: Role): number | undefined =>
  row.roles?.[['admin', 'otherEditor', 'viewer', 'noRole', 'unitKey'].indexOf(role)];
