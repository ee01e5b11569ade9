import { readFileSync } from 'node:fs';
import { type APIRequestContext, expect, request, test } from '@playwright/test';
import { PLACEHOLDERS } from '../common/reminders/template.js';
import { addDays, todayIn } from '../common/terms/dates.js';
import { TWILIO_URL } from '../playwright.config.js';
import { totpCode } from '../server/features/factors/totp.js';
import { URL_PAYLOAD, XSS_PAYLOADS } from '../server/security/payloads.js';
import {
  jsonBodyOf,
  type OpenApiDocument,
  type TextField,
  withPayloads,
  writeOperations,
} from '../server/security/text-fields.js';
import { pdfWithText } from '../server/test/files.js';
import { startTestIdp } from '../server/test/oidc-provider.js';
import { IDP_CERT } from '../server/test/saml-idp.js';
import { SoftAuthenticator } from '../server/test/soft-authenticator.js';
import { linkFromMail } from './mail.js';
import {
  call,
  PASSWORD,
  pathOf,
  remindersRun,
  sendForSignature,
  signIn,
  uploadDocument,
  uploadToInbox,
} from './seed.js';

// Stored XSS: every free-text field the API takes holds attack strings, then every page that shows
// them is loaded with a dialog listener and its DOM searched for markup that came from data.
// About 2 minutes on the shared two-core machine (4 under load): seeding, a reminder run, about 45 views.
test.setTimeout(300_000);
const look = expect.configure({ timeout: 20_000 });

/** The text of one field: as many attack strings as its length allows (for templates none with `{{`, which they refuse). */
function attack(field: TextField, withTemplates = true): string {
  if (/url|link|website/i.test(field.path)) return URL_PAYLOAD;
  const payloads = withTemplates ? XSS_PAYLOADS : XSS_PAYLOADS.filter((p) => !p.includes('{{'));
  const full = payloads.join(' ');
  if (full.length <= field.maxLength) return full;
  return payloads.find((p) => p.length <= field.maxLength) ?? payloads[0]!.slice(0, field.maxLength);
}

/** Write operations with free text that the world below does not call, each with the reason. */
const NOT_SEEDED: Record<string, string> = {
  'POST /settings/mail-templates/preview': 'answers a preview and stores nothing (its escaping is in server/security)',
  'POST /subscription/deletion-request':
    'a password and the account’s name, compared and never stored or shown (seeding it would delete the world)',
  'PATCH /business-units/{id}': 'the same name as POST /business-units',
  'PATCH /webhooks/{id}': 'the same texts as POST /webhooks',
  'PATCH /contracts/{id}': 'the same texts as POST /contracts',
  'PATCH /events/{id}': 'the same texts as POST /contracts/{id}/events',
  'PATCH /contracts/{id}/billing-lines/{lineId}': 'the same description as POST /contracts/{id}/billing-lines',
  'PATCH /partners/{id}': 'the same texts as POST /partners',
  'PATCH /categories/{id}': 'the same name as POST /categories',
  'PATCH /org-units/{id}': 'the same name as POST /org-units',
  'PATCH /custom-fields/{id}': 'the same texts as POST /custom-fields',
  'PATCH /saved-views/{id}': 'the same name as POST /saved-views',
  'POST /inbox/{id}/convert': 'the same contract texts as POST /contracts',
  'POST /auth/second-factor': 'a code, checked and never stored or shown',
  'POST /auth/sso/saml/{connectionId}/acs':
    'a SAML response posted by the IdP, kept until the finish step and never shown; it must be signed by the IdP',
  'POST /settings/sso/domains':
    'a domain name (letters, digits, dots and hyphens by its rule): markup is refused (422)',
  'POST /signing/{token}/sign':
    'needs a real signing link (an HMAC token mailed to the recipient); the values are sealed and drawn only into the sealed PDF, never into a page',
  'POST /signing/{token}/decline':
    'needs a real signing link (an HMAC token mailed to the recipient); the reason is sealed and no page shows it',
};

interface World {
  email: string;
  contractId: string;
  documentId: string;
  inboxId: string;
  childId: string;
  partnerId: string;
  inviteToken: string;
  respondPath: string;
  /** A signer's link to a sent envelope whose title, message, signer and field label hold attack strings. */
  signPath: string;
  seeded: Set<string>;
  /** The person holds an authenticator app: signing in takes its code. */
  totpSecret: string;
  /** A signing draft whose title, message, signers and field label hold attack strings. */
  envelopeId: string;
}

type Write = (
  ctx: APIRequestContext,
  method: string,
  path: string,
  base: object,
  url?: string,
) => ReturnType<typeof call>;

/**
 * Approvals whose texts are attack strings: a template (created and changed), an approval of the contract the
 * other administrator approves with a comment, a comment on it, and one of the child contract waiting for the
 * person (the home card shows it).
 */
async function seedApprovals(
  write: Write,
  as: { api: APIRequestContext; joiner: APIRequestContext },
  ids: { contractId: string; childId: string; categoryId: string; personId: string; joinerId: string },
) {
  const step = (userId: string) => ({ rule: 'all', dueDays: 3, approvers: [{ kind: 'user', userId }] });
  const template = await write(as.api, 'POST', '/approval-templates', {
    defaultCategoryId: ids.categoryId,
    steps: [step(ids.joinerId)],
  });
  await write(
    as.api,
    'PATCH',
    '/approval-templates/{id}',
    { steps: [step(ids.joinerId)] },
    `/approval-templates/${template.id}`,
  );
  const started = await write(
    as.api,
    'POST',
    '/contracts/{id}/approval',
    { steps: [step(ids.joinerId)] },
    `/contracts/${ids.contractId}/approval`,
  );
  const workflowId = started.current.id as string;
  await write(as.api, 'POST', '/approvals/{id}/comments', {}, `/approvals/${workflowId}/comments`);
  const slotId = started.current.steps[0].slots[0].id as string;
  await write(
    as.joiner,
    'POST',
    '/approvals/{id}/slots/{slotId}/decision',
    { decision: 'approve' },
    `/approvals/${workflowId}/slots/${slotId}/decision`,
  );
  await write(
    as.joiner,
    'POST',
    '/contracts/{id}/approval',
    { steps: [step(ids.personId)] },
    `/contracts/${ids.childId}/approval`,
  );
}

async function seedWorld(baseURL: string): Promise<World> {
  const seeded = new Set<string>();
  const anonymous = await request.newContext({ baseURL });
  const doc = (await (await anonymous.get('/api/v1/openapi.json')).json()) as OpenApiDocument;
  const api = await request.newContext({ baseURL });
  /** One write with attack strings in every free-text field of its body; answers the created object. */
  const write = async (ctx: APIRequestContext, method: string, path: string, base: object, url = path) => {
    const schema = jsonBodyOf(doc, method, `/api/v1${path}`);
    const body = withPayloads(schema, base as Parameters<typeof withPayloads>[1], (f) => attack(f));
    seeded.add(`${method} ${path}`);
    return call(ctx, method, url, body);
  };

  const run = Date.now().toString(36);
  const email = `xss-${run}@xss.example`;
  await write(api, 'POST', '/auth/sign-up', { email, password: PASSWORD, locale: 'en' });
  const link = await linkFromMail(email, /Finish signing up/, '/confirm-sign-up');
  await call(api, 'POST', '/auth/sign-up/confirm', { token: new URL(link).searchParams.get('token') });
  const me = await call(api, 'GET', '/me');
  await write(api, 'PATCH', '/me', {});
  // An authenticator app named with attack strings, confirmed so the Security page lists it.
  const factor = await write(api, 'POST', '/me/factors/totp', {});
  await call(api, 'POST', `/me/factors/totp/${factor.id}/confirm`, { code: totpCode(factor.secret, Date.now()) });
  // A passkey of a software authenticator, named and renamed with attack strings, so the Passkeys list shows it.
  const passkey = await write(api, 'POST', '/me/factors/passkey', {});
  const response = new SoftAuthenticator().register(passkey.options, { origin: new URL(baseURL).origin });
  await call(api, 'POST', `/me/factors/passkey/${passkey.id}/confirm`, { response });
  await write(api, 'PATCH', '/me/factors/{id}', {}, `/me/factors/${passkey.id}`);
  // A text-message factor named with attack strings (the number must be one), confirmed with the code the fake Twilio got.
  const phone = `+4916${String(Date.now()).slice(-9)}`;
  const sms = withPayloads(jsonBodyOf(doc, 'POST', '/api/v1/me/factors/sms'), {}, (f) => attack(f));
  seeded.add('POST /me/factors/sms');
  const smsFactor = await call(api, 'POST', '/me/factors/sms', { ...(sms as object), phone });
  const texts = (await (await fetch(`${TWILIO_URL}/messages`)).json()) as { to: string; body: string }[];
  const smsText = texts.filter((m) => m.to === phone).at(-1)?.body ?? '';
  await call(api, 'POST', `/me/factors/sms/${smsFactor.id}/confirm`, { code: /\d{6}/.exec(smsText)?.[0] ?? '' });
  await call(api, 'PATCH', '/settings/reminders', { expiryEndDays: [], expiryNoticeDays: [], weeklySummary: false });
  await write(api, 'POST', '/business-units', {});
  // A single sign-on connection whose client id (shown on its settings page) and secret are attack strings;
  // the issuer must be a real provider (discovery is checked on save), so it is kept.
  const idp = await startTestIdp(`${baseURL}/api/v1/auth/sso/oidc/callback`);
  const connection = withPayloads(jsonBodyOf(doc, 'PUT', '/api/v1/settings/sso/connection'), {}, (f) => attack(f));
  seeded.add('PUT /settings/sso/connection');
  await call(api, 'PUT', '/settings/sso/connection', {
    ...(connection as object),
    protocol: 'oidc',
    issuer: idp.issuer,
  });
  await idp.close();
  await write(api, 'POST', '/api-keys', { role: 'viewer' });
  // A webhook endpoint described with attack strings; its URL must be one (javascript: is refused with 422).
  const hook = withPayloads(jsonBodyOf(doc, 'POST', '/api/v1/webhooks'), { eventTypes: ['contract.created'] }, (f) =>
    attack(f),
  );
  seeded.add('POST /webhooks');
  await call(api, 'POST', '/webhooks', { ...(hook as object), url: 'https://hooks.example.com/deedbox' });
  // Its list shows who started it: the person, named with attack strings.
  await write(api, 'POST', '/account-exports', { locale: 'en' });
  // SCIM is outside the OpenAPI document: a group and a person named with attack strings, pushed with the token.
  const scimToken = (await call(api, 'POST', '/settings/scim/token')).secret as string;
  const hostileName = XSS_PAYLOADS.filter((p) => p.length <= 60)
    .join(' ')
    .slice(0, 200);
  for (const [path, body] of [
    ['/scim/v2/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: hostileName }],
    [
      '/scim/v2/Users',
      {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName: `scim-${run}@xss.example`,
        displayName: hostileName,
      },
    ],
  ] as const) {
    const pushed = await anonymous.post(path, {
      headers: { authorization: `Bearer ${scimToken}`, 'content-type': 'application/scim+json' },
      data: JSON.stringify(body),
    });
    expect(pushed.status(), `${path}: ${await pushed.text()}`).toBe(201);
  }
  const category = await write(api, 'POST', '/categories', { kind: 'contract' });
  const eventCategory = await call(api, 'POST', '/categories', { name: XSS_PAYLOADS[2], kind: 'event' });
  const orgUnit = await write(api, 'POST', '/org-units', {});
  const dropdown = await write(api, 'POST', '/custom-fields', { entity: 'contract', type: 'dropdown' });
  const textField = await call(api, 'POST', '/custom-fields', {
    entity: 'contract',
    label: XSS_PAYLOADS[0],
    type: 'text',
  });
  const partnerField = await call(api, 'POST', '/custom-fields', {
    entity: 'partner',
    label: XSS_PAYLOADS[1],
    type: 'long_text',
  });
  const partner = await write(api, 'POST', '/partners', {
    type: 'supplier',
    contacts: [{ email: 'contact@xss.example' }],
    custom: { [partnerField.key]: XSS_PAYLOADS.join('\n') },
  });
  for (const kind of Object.keys(PLACEHOLDERS) as (keyof typeof PLACEHOLDERS)[]) {
    const path = `/settings/mail-templates/${kind}/en`;
    const body = withPayloads(jsonBodyOf(doc, 'PUT', '/api/v1/settings/mail-templates/{kind}/{locale}'), {}, (f) =>
      attack(f, false),
    ) as { subject: string; body: string };
    const placeholders = PLACEHOLDERS[kind].map((p) => `{{${p}}}`).join('\n');
    await call(api, 'PUT', path, { subject: `own ${body.subject}`, body: `${body.body}\n\n${placeholders}` });
    seeded.add('PUT /settings/mail-templates/{kind}/{locale}');
  }

  const today = todayIn('Europe/Berlin');
  const contractBase = {
    status: 'active',
    partnerId: partner.id,
    ownerId: me.user.id,
    categoryId: category.id,
    orgUnitId: orgUnit.id,
    custom: { [textField.key]: XSS_PAYLOADS.join(' '), [dropdown.key]: dropdown.options[0] },
    lifecycle: {
      type: 'auto_renewal',
      startDate: addDays(today, -30),
      endDate: addDays(today, 400),
      renewalTerm: 'P1Y',
      noticePeriod: 'P3M',
    },
    reminders: [{ eventType: 'notice_deadline', leadTimes: [30], recipients: { owner: true } }],
  };
  const contract = await write(api, 'POST', '/contracts', contractBase);
  const child = await call(api, 'POST', '/contracts', {
    ...contractBase,
    title: `${XSS_PAYLOADS[1]} child`,
    contractNumber: null,
    masterId: contract.id,
    reminders: [],
  });
  const binned = await call(api, 'POST', '/contracts', {
    ...contractBase,
    title: `${XSS_PAYLOADS[1]} binned`,
    reminders: [],
  });
  await call(api, 'DELETE', `/contracts/${binned.id}`);
  const eventsPath = '/contracts/{id}/events';
  await write(
    api,
    'POST',
    eventsPath,
    { date: addDays(today, 3), categoryId: eventCategory.id },
    `/contracts/${contract.id}/events`,
  );
  await write(
    api,
    'POST',
    '/contracts/{id}/billing-lines',
    { kind: 'cost', frequency: 'monthly', amount: '100.00', currency: 'EUR', firstBillingOn: addDays(today, -30) },
    `/contracts/${child.id}/billing-lines`,
  );
  // Document names and link titles refuse slashes, so they hold the payloads without one.
  const noSlash = XSS_PAYLOADS.filter((p) => !p.includes('/'));
  const document = await uploadDocument(api, contract.id, {
    name: `${XSS_PAYLOADS[2]} ${XSS_PAYLOADS[3]}.pdf`,
    mimeType: 'application/pdf',
    buffer: pdfWithText(['Stored attack strings']),
  });
  await call(api, 'PATCH', `/documents/${document.id}`, { name: noSlash.join(' ') });
  // The company details head the notice letter; its subject and body hold attack strings (drawn only into the PDF).
  await write(api, 'PUT', '/settings/company', { country: 'DE' });
  await write(
    api,
    'POST',
    '/contracts/{id}/notice-letter',
    { kind: 'termination', locale: 'en', recordNotice: false },
    `/contracts/${contract.id}/notice-letter`,
  );
  const waiting = await uploadToInbox(api, {
    name: `${XSS_PAYLOADS[2]} ${XSS_PAYLOADS[3]}.pdf`,
    mimeType: 'application/pdf',
    buffer: pdfWithText(['Stored attack strings in the inbox']),
  });
  await call(api, 'PATCH', `/documents/${waiting.id}`, { name: noSlash.join(' ') });
  seeded.add('PATCH /documents/{id}');
  // A signing draft of the document: its title, message, signers' names and a field's label hold attack strings.
  const envelope = await write(api, 'POST', '/envelopes', { documentId: document.id });
  await write(api, 'PATCH', '/envelopes/{id}', {}, `/envelopes/${envelope.id}`);
  const signers = await call(api, 'PUT', `/envelopes/${envelope.id}/recipients`, {
    recipients: XSS_PAYLOADS.slice(0, 3).map((name, i) => ({
      role: 'signer',
      name,
      email: `signer${i}-${run}@xss.example`,
    })),
  });
  seeded.add('PUT /envelopes/{id}/recipients');
  await call(api, 'PUT', `/envelopes/${envelope.id}/fields`, {
    fields: [
      {
        recipientId: signers.recipients[0].id,
        type: 'text',
        page: 1,
        x: 0.1,
        y: 0.1,
        w: 0.3,
        h: 0.05,
        label: XSS_PAYLOADS[1],
      },
    ],
  });
  seeded.add('PUT /envelopes/{id}/fields');
  // A second envelope, sent and then cancelled: the cancel reason holds attack strings.
  const toCancel = await call(api, 'POST', '/envelopes', { documentId: document.id, title: 'Cancelled envelope' });
  const canceller = await call(api, 'PUT', `/envelopes/${toCancel.id}/recipients`, {
    recipients: [{ role: 'signer', name: 'Signer', email: `cancel-${run}@xss.example` }],
  });
  await call(api, 'PUT', `/envelopes/${toCancel.id}/fields`, {
    fields: [{ recipientId: canceller.recipients[0].id, type: 'signature', page: 1, x: 0.1, y: 0.2, w: 0.3, h: 0.1 }],
  });
  await call(api, 'POST', `/envelopes/${toCancel.id}/send`);
  await write(api, 'POST', '/envelopes/{id}/cancel', {}, `/envelopes/${toCancel.id}/cancel`);
  // A third, out for signing, whose signer the sender renamed with an attack string.
  const toRename = await call(api, 'POST', '/envelopes', { documentId: document.id, title: 'Renamed signer' });
  const renamed = await call(api, 'PUT', `/envelopes/${toRename.id}/recipients`, {
    recipients: [{ role: 'signer', name: 'Signer', email: `rename-${run}@xss.example` }],
  });
  const renamedId = renamed.recipients[0].id;
  await call(api, 'PUT', `/envelopes/${toRename.id}/fields`, {
    fields: [{ recipientId: renamedId, type: 'signature', page: 1, x: 0.1, y: 0.2, w: 0.3, h: 0.1 }],
  });
  await call(api, 'POST', `/envelopes/${toRename.id}/send`);
  await call(api, 'PATCH', `/envelopes/${toRename.id}/recipients/${renamedId}`, { name: XSS_PAYLOADS[3] });
  seeded.add('PATCH /envelopes/{id}/recipients/{rid}');
  // A third, sent: the signer's page shows its title, message, the signer's name and a field's label.
  const signPath = await sendForSignature(api, document.id, {
    name: XSS_PAYLOADS[1],
    email: `page-${run}@xss.example`,
    title: XSS_PAYLOADS[1],
    message: XSS_PAYLOADS.join('\n'),
    textLabel: XSS_PAYLOADS[2],
  });
  await call(api, 'POST', `/contracts/${contract.id}/links`, {
    url: `https://files.xss.example/${encodeURIComponent(XSS_PAYLOADS[0])}?q=${encodeURIComponent(XSS_PAYLOADS[1])}`,
    title: `Link ${noSlash.join(' ')}`,
  });
  seeded.add('POST /contracts/{id}/links');
  await write(api, 'POST', '/calendar/feeds', {});
  await write(api, 'POST', '/saved-views', {
    entity: 'contract',
    shared: true,
    definition: { filters: { q: XSS_PAYLOADS[0] } },
  });

  const pending = `pending-${run}@xss.example`;
  await write(api, 'POST', '/users/invitations', { email: pending });
  const joining = `joining-${run}@xss.example`;
  // An administrator, so she can approve the contract and ask the person for an approval in turn.
  await call(api, 'POST', '/users/invitations', { email: joining, name: XSS_PAYLOADS[4], isAdmin: true });
  const joinToken = new URL(await linkFromMail(joining, /invited/, '/invite/')).pathname.split('/invite/')[1]!;
  // Accepting signs `anonymous` in as her.
  const joiner = await write(
    anonymous,
    'POST',
    '/invitations/{token}/accept',
    { password: PASSWORD },
    `/invitations/${joinToken}/accept`,
  );
  await seedApprovals(
    write,
    { api, joiner: anonymous },
    {
      contractId: contract.id,
      childId: child.id,
      categoryId: category.id,
      personId: me.user.id,
      joinerId: joiner.user.id,
    },
  );

  await remindersRun(me.org.id, `${addDays(contract.computed.noticeDeadline, -30)}T08:00`);
  const world: World = {
    email,
    envelopeId: envelope.id,
    contractId: contract.id,
    documentId: document.id,
    inboxId: waiting.id,
    childId: child.id,
    partnerId: partner.id,
    inviteToken: new URL(await linkFromMail(pending, /invited/, '/invite/')).pathname.split('/invite/')[1]!,
    respondPath: pathOf(await linkFromMail(email, /^own /, '/respond/')),
    signPath,
    seeded,
    totpSecret: factor.secret,
  };
  await api.dispose();
  await anonymous.dispose();
  // Every write operation with free text is either called above or named with its reason.
  const unaccounted = writeOperations(doc)
    .map((w) => w.op)
    .filter((op) => !seeded.has(op) && !NOT_SEEDED[op]);
  expect(unaccounted, 'seed these in e2e/xss.spec.ts or say in NOT_SEEDED why not').toEqual([]);
  for (const op of Object.keys(NOT_SEEDED)) {
    expect(
      writeOperations(doc).map((w) => w.op),
      `${op} in NOT_SEEDED`,
    ).toContain(op);
  }
  return world;
}

/** Each route of web/src/router.tsx as a URL to visit, signed in or not, and whether it shows seeded text. */
function pagesOf(w: World): Record<string, { url: string; guest?: boolean; shows?: boolean }> {
  return {
    '/sign-in': { url: '/sign-in', guest: true },
    '/sign-up': { url: '/sign-up', guest: true },
    '/forgot-password': { url: '/forgot-password', guest: true },
    '/reset-password': { url: '/reset-password?token=x', guest: true },
    '/verify-email': { url: '/verify-email?token=x', guest: true },
    '/confirm-sign-up': { url: '/confirm-sign-up?token=x', guest: true },
    '/invite/:token': { url: `/invite/${w.inviteToken}`, guest: true, shows: true },
    '/respond/:token': { url: w.respondPath, guest: true, shows: true },
    '/sign/:token': { url: w.signPath, guest: true, shows: true },
    '/end-session': { url: '/end-session?token=x', guest: true },
    '/sso-error': { url: '/sso-error?code=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', guest: true },
    // Configured text (TRUST_* in playwright.config.ts) and, for the administrator, the own account's part.
    '/trust': { url: '/trust' },
    '/dev/outbox': { url: '/dev/outbox' },
    '': { url: '/', shows: true },
    '/contracts': { url: '/contracts', shows: true },
    '/contracts/new': { url: '/contracts/new' },
    '/contracts/:id': { url: `/contracts/${w.contractId}`, shows: true },
    '/contracts/:id/edit': { url: `/contracts/${w.contractId}/edit` },
    '/contracts/:id/notice-letter': { url: `/contracts/${w.contractId}/notice-letter`, shows: true },
    '/documents/:id/preview': { url: `/documents/${w.documentId}/preview`, shows: true },
    '/envelopes/:id': { url: `/envelopes/${w.envelopeId}`, shows: true },
    '/envelopes/:id/edit': { url: `/envelopes/${w.envelopeId}/edit` },
    '/search': { url: '/search?q=alert', shows: true },
    '/inbox': { url: '/inbox', shows: true },
    '/inbox/:id': { url: `/inbox/${w.inboxId}`, shows: true },
    '/calendar': { url: '/calendar' },
    '/partners': { url: '/partners', shows: true },
    '/partners/:id': { url: `/partners/${w.partnerId}`, shows: true },
    '/imports/new': { url: '/imports/new' },
    '/settings/recycle-bin': { url: '/settings/recycle-bin', shows: true },
    '/settings': { url: '/settings' },
    '/settings/users': { url: '/settings/users', shows: true },
    '/settings/business-units': { url: '/settings/business-units', shows: true },
    '/settings/categories': { url: '/settings/categories', shows: true },
    '/settings/org-units': { url: '/settings/org-units', shows: true },
    '/settings/custom-fields': { url: '/settings/custom-fields', shows: true },
    '/settings/approval-templates': { url: '/settings/approval-templates', shows: true },
    '/settings/repository': { url: '/settings/repository' },
    '/settings/company': { url: '/settings/company' },
    '/settings/inbox': { url: '/settings/inbox' },
    '/settings/mail-templates': { url: '/settings/mail-templates' },
    '/settings/reminders': { url: '/settings/reminders' },
    '/settings/api-keys': { url: '/settings/api-keys', shows: true },
    '/settings/provisioning': { url: '/settings/provisioning', shows: true },
    '/settings/activity': { url: '/settings/activity', shows: true },
    '/settings/export': { url: '/settings/export', shows: true },
    '/settings/personal': { url: '/settings/personal' },
    '/settings/sessions': { url: '/settings/sessions' },
    '/settings/security': { url: '/settings/security' },
    '/settings/sso': { url: '/settings/sso' },
    '/settings/subscription': { url: '/settings/subscription' },
    '/home': { url: '/home', shows: true },
    '*': { url: '/no-such-page' },
  };
}

/** Views a route's address alone does not open: the contract page's tabs (they mount only when chosen). */
const tabsOf = (w: World) => [
  { url: `/contracts/${w.contractId}?tab=documents`, shows: true },
  { url: `/contracts/${w.contractId}?tab=events`, shows: true },
  { url: `/contracts/${w.childId}?tab=billing`, shows: true },
  { url: `/contracts/${w.childId}?tab=hierarchy`, shows: true },
  { url: `/contracts/${w.contractId}?tab=history`, shows: false },
  { url: `/contracts/${w.contractId}?tab=approval`, shows: true },
  { url: `/contracts/${w.childId}?tab=approval`, shows: true },
];

/** A CSV file for the import wizard: its name, headers' values and cells hold attack strings. */
function hostileImport() {
  const quote = (v: string) => `"${v.replaceAll('"', '""')}"`;
  const rows = [
    ['Title', 'Partner', 'Start date', 'End date', 'Notice period', 'Renewal term'],
    [XSS_PAYLOADS.join(' '), XSS_PAYLOADS[0], XSS_PAYLOADS[1], '2031-01-31', XSS_PAYLOADS[2], '1 year'],
    [XSS_PAYLOADS[4], XSS_PAYLOADS[1], '2030-01-01', XSS_PAYLOADS[0], '3 months', XSS_PAYLOADS[3]],
  ];
  return {
    name: `${XSS_PAYLOADS[0]}.csv`,
    mimeType: 'text/csv',
    buffer: Buffer.from(`${rows.map((r) => r.map(quote).join(',')).join('\n')}\n`, 'utf8'),
  };
}

/** Route paths as web/src/router.tsx declares them (the index route as ''). */
function routerPaths(): string[] {
  const source = readFileSync('web/src/router.tsx', 'utf8');
  const paths = [...source.matchAll(/path: '([^']+)'/g)].map((m) => m[1]!);
  return source.includes('index: true') ? ['', ...paths] : paths;
}

/**
 * Markup in the live DOM that can only have come from data: event-handler attributes (React never
 * writes them), script URLs, and the payloads' own elements. A script string: e2e has no DOM types.
 */
const DOM_PROBE = `(() => {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (tag === 'xss' || (tag === 'img' && el.getAttribute('src') === 'x')) found.push('<' + tag + '> element');
    if (tag === 'script' && /alert\\(/.test(el.textContent || '')) found.push('<script> with alert(');
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) found.push(attr.name + '= on <' + tag + '>');
      const scheme = attr.value.replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
      if (/^(href|src|action|formaction|xlink:href)$/.test(attr.name) && scheme.startsWith('javascript:')) {
        found.push(attr.name + '="' + attr.value + '" on <' + tag + '>');
      }
    }
  }
  return found;
})()`;

test('stored attack strings in every text field run nowhere in the app', async ({ browser, baseURL }) => {
  const world = await seedWorld(baseURL!);
  const pages = pagesOf(world);
  expect(Object.keys(pages).sort(), 'a route of web/src/router.tsx without a page to visit here').toEqual(
    routerPaths().sort(),
  );

  const problems: string[] = [];
  const member = await browser.newContext();
  await signIn(member, world.email, 'en', world.totpSecret);
  const guest = await browser.newContext();
  for (const context of [member, guest]) {
    context.on('dialog', (dialog) => {
      problems.push(`${dialog.page()?.url()}: a ${dialog.type()} dialog "${dialog.message()}"`);
      void dialog.dismiss();
    });
    context.on('console', (message) => {
      // An injected inline script or handler the Content-Security-Policy blocked still means markup got through.
      if (/Content Security Policy/i.test(message.text())) problems.push(`${message.page()?.url()}: ${message.text()}`);
    });
  }
  const memberPage = await member.newPage();
  const guestPage = await guest.newPage();
  for (const [route, { url, guest: asGuest, shows }] of Object.entries(pages)) {
    const page = asGuest ? guestPage : memberPage;
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    if (shows) await look(page.getByText(XSS_PAYLOADS[1]).first(), `${route} shows the stored text`).toBeVisible();
    for (const problem of await page.evaluate<string[]>(DOM_PROBE)) problems.push(`${route} (${url}): ${problem}`);
  }
  const page = memberPage;
  const probe = async (what: string) => {
    for (const problem of await page.evaluate<string[]>(DOM_PROBE)) problems.push(`${what}: ${problem}`);
  };
  for (const { url, shows } of tabsOf(world)) {
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    if (shows) await look(page.getByText(XSS_PAYLOADS[1]).first(), `${url} shows the stored text`).toBeVisible();
    await probe(url);
  }

  // The template dialog shows its name, description and step names in inputs and its approvers as chosen values.
  await page.goto('/settings/approval-templates');
  await page
    .getByRole('button', { name: /^Edit / })
    .first()
    .click();
  await look(page.getByRole('dialog')).toBeVisible();
  await probe('the approval template dialog');
  await page.keyboard.press('Escape');
  await look(page.getByRole('dialog')).toHaveCount(0);

  // Dialogs that name the contract.
  await page.goto(`/contracts/${world.contractId}`);
  for (const button of ['Record notice', 'Delete']) {
    await page.getByRole('button', { name: button, exact: true }).click();
    await look(page.getByRole('dialog')).toBeVisible();
    await probe(`the ${button} dialog`);
    await page.keyboard.press('Escape');
    await look(page.getByRole('dialog')).toHaveCount(0);
  }

  // The documents tab's dialogs name the document.
  await page.goto(`/contracts/${world.contractId}?tab=documents`);
  for (const item of ['Version history', 'Rename', 'Move to recycle bin']) {
    await page.getByRole('button', { name: /^Actions for "><img/ }).click();
    await page.getByRole('menuitem', { name: item }).click();
    await look(page.getByRole('dialog')).toBeVisible();
    await probe(`the ${item} dialog`);
    await page.keyboard.press('Escape');
    await look(page.getByRole('dialog')).toHaveCount(0);
  }

  // The import wizard shows the file's name, its values and the errors it finds in them.
  await page.goto('/imports/new');
  await page.locator('input[type="file"]').setInputFiles(hostileImport());
  await look(page.getByText(`${XSS_PAYLOADS[0]}.csv: 2 rows, 6 columns`)).toBeVisible();
  await page.getByRole('checkbox', { name: 'Create business partners that do not exist yet' }).check();
  await page.getByRole('button', { name: 'Check all rows' }).click();
  await look(page.getByRole('table', { name: 'Errors by row' }).getByText(XSS_PAYLOADS[1]).first()).toBeVisible();
  await probe('the import check');

  // The single sign-on page in its SAML state: the IdP's entity id (free text by SAML's rule) is an attack string.
  await call(member.request, 'PUT', '/settings/sso/connection', {
    protocol: 'saml',
    entityId: XSS_PAYLOADS.join(' ').slice(0, 500),
    ssoUrl: 'https://idp.xss.example/saml/sso',
    certificate: IDP_CERT,
  });
  await page.goto('/settings/sso');
  await look(page.getByRole('textbox', { name: 'Identity provider entity ID (issuer)' })).toHaveValue(
    XSS_PAYLOADS.join(' ').slice(0, 500),
  );
  await probe('/settings/sso (SAML)');
  await member.close();
  await guest.close();
  expect(problems).toEqual([]);
});
