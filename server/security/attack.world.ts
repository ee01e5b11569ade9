import { randomUUID } from 'node:crypto';
import { APPROVAL_RULES } from '../../common/schemas/approvals.js';
import {
  addMember,
  type Caller,
  call,
  defaultUnit,
  PASSWORD,
  signUpOrg,
  uniqueEmail,
  uploadDocument,
  uploadImport,
} from '../test/api.js';
import { pdfWithText } from '../test/files.js';
import { type Harness, type Res, startHarness } from '../test/harness.js';
import { linkIn, type SmtpSink } from '../test/smtp-sink.js';
import { type DocRoute, documentedRoutes } from './attack.kit.js';

/** The callers the role table speaks of; `fullKey` is only used by the cross-organization attacks. */
export const ROLES = ['admin', 'otherEditor', 'viewer', 'noRole', 'unitKey'] as const;
export type Role = (typeof ROLES)[number];

/** Ids of one object of every kind, all in the organization's first business unit. */
export interface OrgIds {
  unit1: string;
  unit2: string;
  contract: string;
  billingLine: string;
  event: string;
  reminder: string;
  partner: string;
  category: string;
  eventCategory: string;
  orgUnit: string;
  customField: string;
  partnerField: string;
  savedView: string;
  import: string;
  document: string;
  /** A document waiting in the inbox. */
  inboxDocument: string;
  link: string;
  calendarFeed: string;
  invitation: string;
  apiKey: string;
  target: string;
  adminUser: string;
  /** A SCIM group, pushed with the org's provisioning token. */
  scimGroup: string;
  /** A draft signing envelope for `document`. */
  envelope: string;
  /** The viewer's user id (the approver of the world's approvals). */
  viewer: string;
  approvalTemplate: string;
  /** A running approval (on a contract of its own) whose one slot is the viewer's. */
  approval: string;
  /** A webhook endpoint (to a port nothing listens on; no worker runs in the suite) and its test delivery. */
  webhook: string;
  webhookDelivery: string;
}

export interface OrgWorld {
  name: string;
  /** Every text this organization's objects carry includes it: another organization's answers must never. */
  marker: string;
  callers: Record<Role | 'fullKey', Caller>;
  /** The administrator's calendar feed address, `/ical/{token}.ics` (outside the API document). */
  feedPath: string;
  /** The org's SCIM provisioning token (server/security/scim.attack.test.ts). */
  scimToken: string;
  ids: OrgIds;
  /** A new object for an action that consumes one (delete, lock, merge, revoke). */
  fresh(kind: FreshKind): Promise<string>;
  /** A new running approval whose one slot the viewer answers. */
  freshApproval(): Promise<{ id: string; slotId: string }>;
  /** The e-mail address of a member `fresh('member')` made. */
  emailOf(userId: string): string;
}

export type FreshKind =
  | 'contract'
  /** A contract renewing yearly with a notice deadline ahead, for the notice letter. */
  | 'noticeContract'
  | 'deletedContract'
  | 'event'
  | 'reminder'
  | 'billingLine'
  | 'partner'
  | 'category'
  | 'orgUnit'
  | 'customField'
  | 'savedView'
  | 'document'
  | 'deletedDocument'
  | 'inboxDocument'
  | 'calendarFeed'
  | 'businessUnit'
  | 'apiKey'
  | 'member'
  | 'envelope'
  | 'approvalTemplate'
  | 'approval'
  | 'rejectedApproval'
  | 'readyEnvelope'
  | 'sentEnvelope'
  | 'webhook'
  /** `<envelope id>/<recipient id>`: the mailed signer of a fresh envelope out for signing. */
  | 'sentRecipient';

/** Every secret the suite handled: none may ever appear in a log line. */
export class Secrets {
  readonly values = new Set<string>([PASSWORD]);
  add(...values: (string | undefined)[]) {
    for (const v of values) if (v && v.length >= 8) this.values.add(v);
  }
  /** Every token in a link of every mail the server sent (invitations, resets, reminders). */
  addMailTokens(sink: SmtpSink) {
    for (const mail of sink.messages) {
      for (const url of `${mail.text ?? ''} ${mail.html ?? ''}`.match(/https?:\/\/[^\s"'<>]+/g) ?? []) {
        const parsed = new URL(url);
        const parts = [parsed.pathname.split('/').pop() ?? '', ...parsed.searchParams.values()];
        this.add(...parts.filter((p) => p.length >= 20));
      }
    }
  }
  addCaller(c: Caller) {
    this.add(c.cookie?.split('=').slice(1).join('='), c.csrf, c.bearer);
  }
}

function idOf(res: Res, what: string): string {
  if (res.statusCode >= 300) throw new Error(`world: ${what} failed: ${res.statusCode} ${res.body}`);
  const body = res.json() as { id?: string; apiKey?: { id: string }; endpoint?: { id: string } };
  const id = body.id ?? body.apiKey?.id ?? body.endpoint?.id;
  if (!id) throw new Error(`world: ${what} answered no id: ${res.body}`);
  return id;
}

const lifecycle = { type: 'fixed', startDate: '2025-01-01', endDate: '2095-12-31' };

/** A signed-in member with these unit roles (through the shared helper, which follows the invitation mail). */
async function member(h: Harness, admin: Caller, roles: Record<string, 'editor' | 'viewer'>, secrets: Secrets) {
  const added = await addMember(h, admin, { roles });
  secrets.addCaller(added);
  return added;
}

/** An invitation nobody accepted yet. */
async function invite(h: Harness, admin: Caller, roles: Record<string, string>, secrets: Secrets) {
  const email = uniqueEmail('attack');
  const res = await call(h, admin, 'POST', '/users/invitations', { email, isAdmin: false, roles });
  const id = idOf(res, 'invite');
  const mail = await h.sink.waitFor((m) => m.to.includes(email));
  const token = linkIn(mail).split('/invite/')[1]!;
  secrets.add(token);
  return id;
}

async function apiKey(h: Harness, admin: Caller, body: object, secrets: Secrets) {
  const res = await call(h, admin, 'POST', '/api-keys', body);
  const token = (res.json() as { token: string }).token;
  secrets.add(token);
  return { id: idOf(res, 'api key'), token };
}

/** One organization seeded through the public API only, as its administrator. */
export async function seedOrg(h: Harness, name: string, secrets: Secrets): Promise<OrgWorld> {
  const marker = `${name}-${randomUUID().slice(0, 8)}`;
  const admin = await signUpOrg(h, `${marker} GmbH`);
  secrets.addCaller(admin);
  const post = async (url: string, body: unknown, what = url) => idOf(await call(h, admin, 'POST', url, body), what);
  const unit1 = defaultUnit(admin);
  const unit2 = await post('/business-units', { name: `${marker} unit 2` });
  const otherEditor = await member(h, admin, { [unit2]: 'editor' }, secrets);
  const viewer = await member(h, admin, { [unit1]: 'viewer' }, secrets);
  const noRole = await member(h, admin, {}, secrets);
  const target = await member(h, admin, { [unit1]: 'viewer' }, secrets);
  const invitation = await invite(h, admin, { [unit1]: 'viewer' }, secrets);
  const unitKey = await apiKey(
    h,
    admin,
    { name: `${marker} unit key`, role: 'editor', businessUnitIds: [unit1] },
    secrets,
  );
  const fullKey = await apiKey(h, admin, { name: `${marker} full key`, role: 'administrator' }, secrets);

  const partner = await post('/partners', {
    name: `${marker} partner`,
    type: 'supplier',
    address: { street: `${marker} street 1`, postalCode: '10115', city: `${marker} city`, country: 'DE' },
  });
  const company = { legalName: `${marker} GmbH`, street: 'Main street 1', postalCode: '10115', city: 'Berlin' };
  const companySet = await call(h, admin, 'PUT', '/settings/company', { ...company, country: 'DE' });
  if (companySet.statusCode !== 200) throw new Error(`world: company details failed: ${companySet.body}`);
  const category = await post('/categories', { name: `${marker} category`, kind: 'contract' });
  const eventCategory = await post('/categories', { name: `${marker} event category`, kind: 'event' });
  const orgUnit = await post('/org-units', { name: `${marker} org unit` });
  const customField = await post('/custom-fields', { entity: 'contract', label: `${marker} field`, type: 'text' });
  const partnerField = await post('/custom-fields', { entity: 'partner', label: `${marker} pfield`, type: 'text' });
  const newContract = () =>
    post('/contracts', {
      title: `${marker} contract`,
      businessUnitId: unit1,
      partnerId: partner,
      categoryId: category,
      orgUnitId: orgUnit,
      description: `${marker} notes`,
      tags: [marker],
      lifecycle,
    });
  const contract = await newContract();
  const newLine = () =>
    post(`/contracts/${contract}/billing-lines`, {
      kind: 'cost',
      frequency: 'monthly',
      amount: '100.00',
      currency: 'EUR',
      firstBillingOn: '2090-01-01',
      description: `${marker} line`,
    });
  const billingLine = await newLine();
  const newEvent = () => post(`/contracts/${contract}/events`, { title: `${marker} event`, date: '2090-06-01' });
  const event = await newEvent();
  const newReminder = () => post(`/events/${event}/reminders`, { leadTimes: [7], recipients: { owner: true } });
  const reminder = await newReminder();
  const savedView = await post('/saved-views', { entity: 'contract', name: `${marker} view`, definition: {} });
  const upload = await uploadImport(h, admin, `title,start\n${marker} imported,2090-01-01\n`, {
    query: 'entity=contract&fileName=attack.csv',
  });
  const newDocument = async () =>
    idOf(
      await uploadDocument(h, admin, `/contracts/${contract}/documents`, `${marker}.pdf`, pdfWithText([marker])),
      'document',
    );
  const document = await newDocument();
  const newEnvelope = () => post('/envelopes', { documentId: document, title: `${marker} envelope` });
  const envelope = await newEnvelope();
  // A draft that may be sent: one signer with a signature field.
  const newReadyEnvelope = async () => {
    const id = await newEnvelope();
    const put = (path: string, body: unknown) => call(h, admin, 'PUT', `/envelopes/${id}/${path}`, body);
    const recipients = await put('recipients', {
      recipients: [{ role: 'signer', name: `${marker} signer`, email: uniqueEmail('signer') }],
    });
    const recipientId = (recipients.json() as { recipients: { id: string }[] }).recipients[0]!.id;
    const box = { page: 1, x: 0.1, y: 0.1, w: 0.3, h: 0.1 };
    idOf(await put('fields', { fields: [{ recipientId, type: 'signature', ...box }] }), 'envelope fields');
    return id;
  };
  const newSentEnvelope = async () => {
    const id = await newReadyEnvelope();
    idOf(await call(h, admin, 'POST', `/envelopes/${id}/send`), 'envelope send');
    return id;
  };
  const newSentRecipient = async () => {
    const id = await newSentEnvelope();
    const got = await call(h, admin, 'GET', `/envelopes/${id}`);
    return `${id}/${(got.json() as { recipients: { id: string }[] }).recipients[0]!.id}`;
  };
  const newInboxDocument = async () =>
    idOf(await uploadDocument(h, admin, '/inbox', `${marker} inbox.pdf`, pdfWithText([marker])), 'inbox document');
  const inboxDocument = await newInboxDocument();
  // The inbox address is made on its first read; made now, reading it later changes nothing.
  const inboxAddress = await call(h, admin, 'GET', '/settings/inbox-address');
  if (inboxAddress.statusCode !== 200) throw new Error(`world: inbox address failed: ${inboxAddress.body}`);
  const link = await post(`/contracts/${contract}/links`, {
    url: 'https://example.com/a.pdf',
    title: `${marker} link`,
  });
  const feed = await call(h, admin, 'POST', '/calendar/feeds', { name: `${marker} feed` });
  const feedPath = new URL((feed.json() as { url: string }).url).pathname;
  secrets.add(feedPath.split('/ical/')[1]?.replace('.ics', ''));
  const scimToken = (await call(h, admin, 'POST', '/settings/scim/token')).json().secret as string;
  secrets.add(scimToken);
  const scimGroup = await h.app.inject({
    method: 'POST',
    url: '/scim/v2/Groups',
    headers: { authorization: `Bearer ${scimToken}`, 'content-type': 'application/scim+json' },
    payload: JSON.stringify({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: `${marker} group`,
    }),
  });
  if (scimGroup.statusCode !== 201) throw new Error(`world: SCIM group failed: ${scimGroup.body}`);
  const mailTemplate = await call(h, admin, 'PUT', '/settings/mail-templates/reminder/en', {
    subject: `${marker} {{contractTitle}}`,
    body: `${marker} body`,
  });
  if (mailTemplate.statusCode >= 300) throw new Error(`world: template failed: ${mailTemplate.body}`);

  const approvalSteps = [
    { name: `${marker} step`, rule: APPROVAL_RULES[0], dueDays: 3, approvers: [{ kind: 'user', userId: viewer.id }] },
  ];
  const newTemplate = () =>
    post('/approval-templates', { name: `${marker} template`, description: `${marker} notes`, steps: approvalSteps });
  const approvalTemplate = await newTemplate();
  const newApproval = async (rejected = false) => {
    const started = await call(h, admin, 'POST', `/contracts/${await newContract()}/approval`, {
      steps: approvalSteps,
    });
    if (started.statusCode !== 201) throw new Error(`world: approval failed: ${started.body}`);
    const current = (started.json() as { current: { id: string; steps: { slots: { id: string }[] }[] } }).current;
    const made = { id: current.id, slotId: current.steps[0]!.slots[0]!.id };
    if (!rejected) return made;
    const url = `/approvals/${made.id}/slots/${made.slotId}/decision`;
    const no = await call(h, viewer, 'POST', url, { decision: 'reject', comment: `${marker} no` });
    if (no.statusCode !== 200) throw new Error(`world: rejection failed: ${no.body}`);
    return made;
  };
  const approval = (await newApproval()).id;
  const newWebhook = () =>
    post('/webhooks', {
      url: 'http://127.0.0.1:9/hook',
      description: `${marker} hook`,
      eventTypes: ['contract.created'],
    });
  const webhook = await newWebhook();
  const webhookDelivery = await post(`/webhooks/${webhook}/test`, {});

  const memberEmails = new Map<string, string>();
  const fresh = async (kind: FreshKind): Promise<string> => {
    switch (kind) {
      case 'contract':
        return newContract();
      case 'noticeContract':
        return post('/contracts', {
          title: `${marker} notice contract`,
          businessUnitId: unit1,
          partnerId: partner,
          lifecycle: { ...lifecycle, type: 'auto_renewal', renewalTerm: 'P1Y', noticePeriod: 'P3M' },
        });
      case 'deletedContract': {
        const id = await newContract();
        await call(h, admin, 'DELETE', `/contracts/${id}`);
        return id;
      }
      case 'event':
        return newEvent();
      case 'reminder':
        return newReminder();
      case 'billingLine':
        return newLine();
      case 'partner':
        return post('/partners', { name: `${marker} partner ${randomUUID()}`, type: 'customer' });
      case 'category':
        return post('/categories', { name: `${marker} category ${randomUUID()}` });
      case 'orgUnit':
        return post('/org-units', { name: `${marker} org unit ${randomUUID()}` });
      case 'customField':
        return post('/custom-fields', { entity: 'contract', label: `${marker} ${randomUUID()}`, type: 'text' });
      case 'savedView':
        return post('/saved-views', { entity: 'contract', name: `${marker} ${randomUUID()}`, definition: {} });
      case 'calendarFeed':
        return post('/calendar/feeds', { name: `${marker} feed` });
      case 'businessUnit':
        return post('/business-units', { name: `${marker} unit ${randomUUID()}` });
      case 'apiKey':
        return (await apiKey(h, admin, { name: `${marker} key`, role: 'viewer', businessUnitIds: [unit1] }, secrets))
          .id;
      case 'document':
        return newDocument();
      case 'deletedDocument': {
        const id = await newDocument();
        await call(h, admin, 'DELETE', `/documents/${id}`);
        return id;
      }
      case 'inboxDocument':
        return newInboxDocument();
      case 'member': {
        const made = await member(h, admin, { [unit1]: 'viewer' }, secrets);
        memberEmails.set(made.id, made.email);
        return made.id;
      }
      case 'envelope':
        return newEnvelope();
      case 'approvalTemplate':
        return newTemplate();
      case 'approval':
        return (await newApproval()).id;
      case 'rejectedApproval':
        return (await newApproval(true)).id;
      case 'readyEnvelope':
        return newReadyEnvelope();
      case 'sentEnvelope':
        return newSentEnvelope();
      case 'sentRecipient':
        return newSentRecipient();
      case 'webhook':
        return newWebhook();
    }
  };

  return {
    name,
    marker,
    feedPath,
    scimToken,
    emailOf: (userId) => memberEmails.get(userId) ?? uniqueEmail('unknown'),
    callers: {
      admin,
      otherEditor,
      viewer,
      noRole,
      unitKey: { bearer: unitKey.token },
      fullKey: { bearer: fullKey.token },
    },
    ids: {
      unit1,
      unit2,
      contract,
      billingLine,
      event,
      reminder,
      partner,
      category,
      eventCategory,
      orgUnit,
      customField,
      partnerField,
      savedView,
      import: idOf(upload, 'import'),
      document,
      inboxDocument,
      link,
      calendarFeed: idOf(feed, 'calendar feed'),
      invitation,
      apiKey: unitKey.id,
      target: target.id,
      adminUser: admin.me!.user!.id,
      scimGroup: (scimGroup.json() as { id: string }).id,
      envelope,
      viewer: viewer.id,
      approvalTemplate,
      approval,
      webhook,
      webhookDelivery,
    },
    fresh,
    freshApproval: () => newApproval(),
  };
}

export interface World {
  a: OrgWorld;
  b: OrgWorld;
  secrets: Secrets;
}

/** Two organizations, A (attacked) and B (attacker), with the same kinds of objects. */
export async function buildWorld(h: Harness): Promise<World> {
  const secrets = new Secrets();
  const a = await seedOrg(h, 'ALPHA', secrets);
  const b = await seedOrg(h, 'BRAVO', secrets);
  return { a, b, secrets };
}

/** What each attack file starts from: its own app on PostgreSQL, the two seeded organizations, the documented routes. */
export async function attackStart(): Promise<{ h: Harness; world: World; routes: DocRoute[] }> {
  const h = await startHarness();
  return { h, world: await buildWorld(h), routes: await documentedRoutes(h) };
}
