import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { type APIRequestContext, type Browser, type BrowserContext, expect, request } from '@playwright/test';
import { addDays, todayIn } from '../common/terms/dates.js';
import { E2E_ENV } from '../playwright.config.js';
import { totpCode } from '../server/features/factors/totp.js';
import { linkFromMail } from './mail.js';

export const PASSWORD = 'Tr0ub4dor&3-horse-staple';

/** What a representative account holds, with the links a visitor follows from mails. */
export type Seeded = {
  email: string;
  orgId: string;
  partnerId: string;
  /** Auto-renewing with three months' notice and a reminder on the notice deadline. */
  contractId: string;
  contractTitle: string;
  inviteLink: string;
  resetLink: string;
  respondLink: string;
};

/** A JSON call as the signed-in session (cookie and CSRF token) of `api`. */
export async function call(api: APIRequestContext, method: string, url: string, data?: unknown) {
  const csrf = (await api.storageState()).cookies.find((c) => c.name === 'dbx_csrf')?.value ?? '';
  const res = await api.fetch(`/api/v1${url}`, { method, data, headers: { 'x-csrf-token': csrf } });
  expect(res.status(), `${method} ${url}: ${await res.text()}`).toBeLessThan(300);
  return res.status() === 204 ? null : res.json();
}

type FileSpec = { name: string; mimeType: string; buffer: Buffer };

/** Uploads one file to a contract as the signed-in session of `api` (multipart, as the web app sends it). */
export function uploadDocument(api: APIRequestContext, contractId: string, file: FileSpec) {
  return upload(api, `/contracts/${contractId}/documents`, file);
}

/** Uploads one file into the account's inbox, as the signed-in session of `api`. */
export function uploadToInbox(api: APIRequestContext, file: FileSpec) {
  return upload(api, '/inbox', file);
}

async function upload(api: APIRequestContext, path: string, file: FileSpec) {
  const csrf = (await api.storageState()).cookies.find((c) => c.name === 'dbx_csrf')?.value ?? '';
  const res = await api.post(`/api/v1${path}`, { multipart: { file }, headers: { 'x-csrf-token': csrf } });
  expect(res.status(), `upload ${file.name}: ${await res.text()}`).toBe(201);
  return res.json();
}

/** Signs the browser context in through the API and sets the person's language. */
export async function signIn(context: BrowserContext, email: string, locale: 'en' | 'de', totpSecret?: string) {
  const answer = await call(context.request, 'POST', '/auth/sign-in', { email, password: PASSWORD });
  if (answer?.secondFactor) {
    // The app's code of the next time step: the one that confirmed the factor is spent (codes work once).
    const code = totpCode(totpSecret!, Date.now() + 30_000);
    await call(context.request, 'POST', '/auth/second-factor', { kind: 'totp', code });
  }
  await call(context.request, 'PATCH', '/me', { locale });
}

/** `deedbox reminders run --as-of …` as its own process, as an operator runs it. */
export function remindersRun(orgId: string, asOf: string) {
  return deedbox('reminders', 'run', '--org', orgId, '--as-of', asOf);
}

/** `deedbox documents extract`: reads the text of uploaded documents now (the e2e server runs no worker). */
export function documentsExtract(orgId: string) {
  return deedbox('documents', 'extract', '--org', orgId);
}

/** `deedbox domain verify`: the operator marks a single sign-on domain verified (no DNS here). */
export function domainVerify(orgId: string, domain: string) {
  return deedbox('domain', 'verify', '--org', orgId, '--domain', domain);
}

async function deedbox(...args: string[]) {
  const child = spawn(process.execPath, ['bin/deedbox.js', ...args], {
    env: { ...process.env, ...E2E_ENV },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const [code] = (await once(child, 'exit')) as [number];
  expect(code, `deedbox ${args.join(' ')}`).toBe(0);
}

async function askToSignUp(api: APIRequestContext, name: string, email: string, companyName: string) {
  await call(api, 'POST', '/auth/sign-up', { name, email, password: PASSWORD, companyName, locale: 'en' });
}

/** Signs up and follows the mailed link, which creates the account and signs `api` in. */
async function signUp(api: APIRequestContext, name: string, email: string, companyName: string) {
  await askToSignUp(api, name, email, companyName);
  const link = await linkFromMail(email, /Finish signing up/, '/confirm-sign-up');
  await call(api, 'POST', '/auth/sign-up/confirm', { token: new URL(link).searchParams.get('token') });
}

/** One account with a partner, contracts, a custom field, a pending member and a sent reminder. */
export async function seedAccount(baseURL: string, tag: string): Promise<Seeded> {
  const run = `${tag}-${Date.now().toString(36)}`;
  const email = `ada-${run}@acme.example`;
  const api = await request.newContext({ baseURL });
  await signUp(api, 'Ada Admin', email, 'Acme GmbH');
  const me = await (await api.get('/api/v1/me')).json();
  await call(api, 'PATCH', '/settings/reminders', { expiryEndDays: [], expiryNoticeDays: [], weeklySummary: false });
  await call(api, 'POST', '/custom-fields', { entity: 'contract', label: 'Cost centre', type: 'text' });
  await call(api, 'POST', '/custom-fields', {
    entity: 'contract',
    label: 'Risk',
    type: 'dropdown',
    options: ['Low', 'High'],
  });
  await call(api, 'POST', '/categories', { name: 'Facilities', kind: 'contract' });
  await call(api, 'POST', '/org-units', { name: 'Operations' });
  const partner = await call(api, 'POST', '/partners', { name: 'Globex AG', type: 'supplier', vatId: 'DE123456789' });

  const today = todayIn('Europe/Berlin');
  const contractTitle = `Office cleaning ${run}`;
  const contract = await call(api, 'POST', '/contracts', {
    title: contractTitle,
    status: 'active',
    partnerId: partner.id,
    ownerId: me.user.id,
    tags: ['facilities'],
    custom: { cost_centre: 'CC-4711', risk: 'High' },
    lifecycle: {
      type: 'auto_renewal',
      startDate: addDays(today, -30),
      endDate: addDays(today, 400),
      renewalTerm: 'P1Y',
      noticePeriod: 'P3M',
    },
    reminders: [{ eventType: 'notice_deadline', leadTimes: [30], recipients: { owner: true } }],
  });
  await call(api, 'POST', '/contracts', {
    title: `Software licence ${run}`,
    status: 'active',
    partnerId: partner.id,
    masterId: contract.id,
    lifecycle: { type: 'fixed', startDate: addDays(today, -200), endDate: addDays(today, 40) },
    reminders: [],
  });
  await call(api, 'POST', '/contracts', {
    title: `Parking spaces ${run}`,
    lifecycle: { type: 'indefinite', startDate: addDays(today, 10), noticePeriod: 'P1M' },
    reminders: [],
  });

  await call(api, 'POST', '/users/invitations', { email: `max-${run}@acme.example`, name: 'Max Member' });
  await call(api, 'POST', '/auth/forgot-password', { email });
  await remindersRun(me.org.id, `${addDays(contract.computed.noticeDeadline, -30)}T08:00`);
  await api.dispose();
  return {
    email,
    orgId: me.org.id,
    partnerId: partner.id,
    contractId: contract.id,
    contractTitle,
    inviteLink: await linkFromMail(`max-${run}@acme.example`, /invited/, '/invite/'),
    resetLink: await linkFromMail(email, /Reset your password/, '/reset-password'),
    respondLink: await linkFromMail(email, new RegExp(contractTitle), '/respond/'),
  };
}

/** A member of the account's general unit with `role`, invited by its administrator and joined with PASSWORD. */
export async function inviteMember(
  browser: Browser,
  seeded: Seeded,
  member: { email: string; name: string; role: 'editor' | 'viewer' },
) {
  const admin = await browser.newContext();
  await signIn(admin, seeded.email, 'en');
  const me = await call(admin.request, 'GET', '/me');
  await call(admin.request, 'POST', '/users/invitations', {
    email: member.email,
    name: member.name,
    isAdmin: false,
    roles: { [me.roles[0].businessUnitId]: member.role },
  });
  await admin.close();
  const token = new URL(await linkFromMail(member.email, /invited/, '/invite/')).pathname.split('/invite/')[1]!;
  const joining = await browser.newContext();
  await call(joining.request, 'POST', `/invitations/${token}/accept`, { name: member.name, password: PASSWORD });
  await joining.close();
}

type SignerSpec = {
  name: string;
  email: string;
  title?: string;
  message?: string;
  textLabel?: string;
  requireCode?: boolean;
};

/**
 * Sends a PDF for signature to one signer (a signature field, and a text field when labelled) as the
 * signed-in session of `api`; answers the path of the signer's link from their mail.
 */
export async function sendForSignature(api: APIRequestContext, documentId: string, signer: SignerSpec) {
  const { title, message, textLabel } = signer;
  const envelope = await call(api, 'POST', '/envelopes', { documentId, title, message });
  const { recipients } = await call(api, 'PUT', `/envelopes/${envelope.id}/recipients`, {
    recipients: [{ role: 'signer', name: signer.name, email: signer.email, requireCode: signer.requireCode ?? false }],
  });
  const recipientId = recipients[0].id;
  const fields: Record<string, unknown>[] = [
    { recipientId, type: 'signature', page: 1, x: 0.1, y: 0.3, w: 0.3, h: 0.08 },
  ];
  if (textLabel)
    fields.push({ recipientId, type: 'text', page: 1, x: 0.1, y: 0.15, w: 0.3, h: 0.05, label: textLabel });
  await call(api, 'PUT', `/envelopes/${envelope.id}/fields`, { fields });
  await call(api, 'POST', `/envelopes/${envelope.id}/send`);
  return pathOf(await linkFromMail(signer.email, /asks you to sign/, '/sign/'));
}

/** A link from a mail as a path on the server under test. */
export function pathOf(link: string): string {
  const url = new URL(link);
  return `${url.pathname}${url.search}`;
}
