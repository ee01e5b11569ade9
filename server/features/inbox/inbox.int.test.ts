import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../../common/schemas/documents.js';
import {
  addMember,
  auditEvents,
  type Caller,
  call,
  defaultUnit,
  expectProblem,
  signUpOrg,
  uploadDocument,
} from '../../test/api.js';
import { pdfWithText } from '../../test/files.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { future, newContract } from '../contracts/contracts.fixtures.js';
import { extractForOrg } from '../documents/documents.text.jobs.js';

let h: Harness;
const pdf = pdfWithText(['Lease agreement between Acme GmbH and Example AG.']);
const DOMAIN = 'in.deedbox.test';

beforeAll(async () => {
  h = await startHarness({ INBOUND_MAIL_DOMAIN: DOMAIN });
});
afterAll(() => h.close());

const toInbox = (who: Caller | null, name = 'scan.pdf', content = pdf) =>
  uploadDocument(h, who, '/inbox', name, content);

async function inboxDoc(who: Caller, name = 'scan.pdf'): Promise<Document> {
  const res = await toInbox(who, name);
  if (res.statusCode !== 201) throw new Error(`inbox upload failed: ${res.statusCode} ${res.body}`);
  return res.json() as Document;
}

const waiting = async (who: Caller, query = '') =>
  (await call(h, who, 'GET', `/inbox${query}`)).json() as { items: Document[]; nextCursor: string | null };

/** An org with an administrator, an editor of its default unit and a viewer of it. */
async function team() {
  const admin = await signUpOrg(h);
  const unit = defaultUnit(admin);
  const editor = await addMember(h, admin, { roles: { [unit]: 'editor' }, name: 'Erin Editor' });
  const viewer = await addMember(h, admin, { roles: { [unit]: 'viewer' }, name: 'Vic Viewer' });
  return { admin, editor, viewer, unit };
}

describe('the inbox: upload and list', () => {
  it('takes an upload into the inbox and lists it, newest first, a page at a time', async () => {
    const { admin, editor } = await team();
    const first = await toInbox(editor, 'first.pdf');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      name: 'first.pdf',
      contractId: null,
      inInbox: true,
      source: { kind: 'upload', sender: null, subject: null },
      createdBy: { id: editor.me!.user!.id, name: 'Erin Editor' },
    });
    const second = await inboxDoc(admin, 'second.pdf');
    const third = await inboxDoc(admin, 'third.pdf');

    const all = await waiting(editor);
    expect(all.items.map((d) => d.name)).toEqual(['third.pdf', 'second.pdf', 'first.pdf']);
    expect(all.nextCursor).toBeNull();
    const page1 = await waiting(editor, '?limit=2');
    expect(page1.items.map((d) => d.id)).toEqual([third.id, second.id]);
    const page2 = await waiting(editor, `?limit=2&cursor=${page1.nextCursor}`);
    expect(page2.items.map((d) => d.name)).toEqual(['first.pdf']);
    expect(page2.nextCursor).toBeNull();

    // The recycle bin is not the inbox.
    expect((await call(h, admin, 'DELETE', `/documents/${second.id}`)).statusCode).toBe(204);
    expect((await waiting(editor)).items.map((d) => d.name)).toEqual(['third.pdf', 'first.pdf']);

    const download = await call(h, editor, 'GET', `/documents/${third.id}/content`);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    const [uploaded] = await auditEvents(h, admin, `&objectId=${first.json().id}&action=document.uploaded`);
    expect(uploaded!.actor).toMatchObject({ type: 'user', id: editor.me!.user!.id });
  });

  it('refuses bad files, bad cursors and limits, naming the field, and keeps nothing', async () => {
    const { admin } = await team();
    const empty = expectProblem(await toInbox(admin, 'empty.pdf', Buffer.alloc(0)), 422, 'validation_failed');
    expect(empty.errors![0]).toMatchObject({ field: 'file', rule: 'file_empty' });
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(200)]);
    expect(expectProblem(await toInbox(admin, 'invoice.pdf', elf), 422, 'validation_failed').errors![0]!.field).toBe(
      'file',
    );
    const noFile = expectProblem(await call(h, admin, 'POST', '/inbox', { file: 'x' }), 422, 'validation_failed');
    expect(noFile.errors![0]).toMatchObject({ field: 'file', rule: 'required' });
    const cursor = expectProblem(await call(h, admin, 'GET', '/inbox?cursor=bogus'), 422, 'validation_failed');
    expect(cursor.errors![0]).toMatchObject({ field: 'cursor', rule: 'format' });
    expect(
      expectProblem(await call(h, admin, 'GET', '/inbox?limit=0'), 422, 'validation_failed').errors![0]!.field,
    ).toBe('limit');
    expect((await waiting(admin)).items).toEqual([]);
  });

  it('is for people who create contracts (403 for viewers), per org, and needs a session (401)', async () => {
    const { admin, viewer } = await team();
    const other = await signUpOrg(h, 'Other Corp');
    const doc = await inboxDoc(admin);
    expect((await waiting(other)).items.map((d) => d.id)).not.toContain(doc.id);
    expectProblem(await call(h, other, 'GET', `/documents/${doc.id}`), 404, 'not_found');
    expectProblem(await call(h, viewer, 'GET', '/inbox'), 403, 'forbidden');
    expectProblem(await toInbox(viewer), 403, 'forbidden');
    expectProblem(await call(h, null, 'GET', '/inbox'), 401, 'unauthenticated');
    expectProblem(await toInbox(null), 401, 'unauthenticated');
    expect((await waiting(admin)).items.map((d) => d.id)).toEqual([doc.id]);
  });
});

describe('turning an inbox document into a contract', () => {
  it('creates the contract with its number and moves the document onto it, in one step', async () => {
    const { admin, editor } = await team();
    await call(h, admin, 'PATCH', '/settings/repository', { contractNumberPattern: 'IN-{SEQ:3}' });
    const doc = await inboxDoc(editor);
    const res = await call(h, editor, 'POST', `/inbox/${doc.id}/convert`, {
      title: 'Office lease',
      status: 'active',
      lifecycle: future,
    });
    expect(res.statusCode, res.body).toBe(201);
    const { contract, document } = res.json();
    expect(contract).toMatchObject({ title: 'Office lease', status: 'active', contractNumber: 'IN-001' });
    expect(document).toMatchObject({ id: doc.id, contractId: contract.id, inInbox: false });
    const onContract = (await call(h, editor, 'GET', `/contracts/${contract.id}/documents`)).json().items;
    expect(onContract.map((d: Document) => d.id)).toEqual([doc.id]);
    expect((await waiting(editor)).items).toEqual([]);
    const events = await auditEvents(h, admin, `&objectId=${doc.id}&action=inbox.converted`);
    expect(events.map((e) => [e.actor.id, e.changes])).toEqual([
      [editor.me!.user!.id, { contractId: { before: null, after: contract.id } }],
    ]);
    expect(await auditEvents(h, admin, `&objectId=${contract.id}&action=contract.created`)).toHaveLength(1);
    // Filed once: a second attempt says it is no longer waiting.
    const again = await call(h, editor, 'POST', `/inbox/${doc.id}/convert`, { title: 'Twice', lifecycle: future });
    expect(expectProblem(again, 409, 'conflict').reason).toBe('not_in_inbox');
  });

  it('refuses a bad form (422), leaving the document in the inbox and no contract', async () => {
    const { admin } = await team();
    const doc = await inboxDoc(admin);
    const noTitle = await call(h, admin, 'POST', `/inbox/${doc.id}/convert`, { lifecycle: future });
    expect(expectProblem(noTitle, 422, 'validation_failed').errors![0]!.field).toBe('title');
    const badLifecycle = await call(h, admin, 'POST', `/inbox/${doc.id}/convert`, {
      title: 'Lease',
      lifecycle: { ...future, endDate: '2089-01-01' },
    });
    expectProblem(badLifecycle, 422, 'validation_failed');
    const unknownPartner = await call(h, admin, 'POST', `/inbox/${doc.id}/convert`, {
      title: 'Lease',
      lifecycle: future,
      partnerId: crypto.randomUUID(),
    });
    expect(expectProblem(unknownPartner, 422, 'validation_failed').errors![0]).toMatchObject({
      field: 'partnerId',
      rule: 'unknown_partner',
    });
    expect((await waiting(admin)).items.map((d) => d.id)).toEqual([doc.id]);
    expect((await call(h, admin, 'GET', '/contracts')).json().items).toEqual([]);
    expect(await auditEvents(h, admin, '&action=inbox.converted')).toEqual([]);
  });

  it('answers 401, 404 for another org, 403 for viewers and for a unit the editor cannot change', async () => {
    const { admin, editor, viewer } = await team();
    const doc = await inboxDoc(admin);
    const body = { title: 'Lease', lifecycle: future };
    expectProblem(await call(h, null, 'POST', `/inbox/${doc.id}/convert`, body), 401, 'unauthenticated');
    const other = await signUpOrg(h, 'Other Corp');
    expectProblem(await call(h, other, 'POST', `/inbox/${doc.id}/convert`, body), 404, 'not_found');
    expectProblem(await call(h, viewer, 'POST', `/inbox/${doc.id}/convert`, body), 403, 'forbidden');
    const sales = (await call(h, admin, 'POST', '/business-units', { name: 'Sales' })).json().id as string;
    const elsewhere = await call(h, editor, 'POST', `/inbox/${doc.id}/convert`, { ...body, businessUnitId: sales });
    expectProblem(elsewhere, 403, 'forbidden');
    expect((await waiting(admin)).items.map((d) => d.id)).toEqual([doc.id]);
  });
});

describe('filing an inbox document on an existing contract', () => {
  it('moves it onto a contract the actor may edit and logs it', async () => {
    const { admin, editor } = await team();
    const contract = await newContract(h, admin, { title: 'Existing lease' });
    const doc = await inboxDoc(editor);
    const res = await call(h, editor, 'POST', `/inbox/${doc.id}/attach`, { contractId: contract.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: doc.id, contractId: contract.id, inInbox: false });
    expect((await waiting(editor)).items).toEqual([]);
    const [event] = await auditEvents(h, admin, `&objectId=${doc.id}&action=inbox.attached`);
    expect(event!.changes).toEqual({ contractId: { before: null, after: contract.id } });
    const again = await call(h, editor, 'POST', `/inbox/${doc.id}/attach`, { contractId: contract.id });
    expect(expectProblem(again, 409, 'conflict').reason).toBe('not_in_inbox');
  });

  it('refuses a contract that is not there to see (422) and a bad body, keeping the document waiting', async () => {
    const { admin } = await team();
    const other = await signUpOrg(h, 'Other Corp');
    const foreign = await newContract(h, other);
    const doc = await inboxDoc(admin);
    const attach = (body: object) => call(h, admin, 'POST', `/inbox/${doc.id}/attach`, body);
    expect(expectProblem(await attach({ contractId: foreign.id }), 422, 'validation_failed').errors![0]).toMatchObject({
      field: 'contractId',
      rule: 'unknown_contract',
    });
    expect(expectProblem(await attach({ contractId: 'nope' }), 422, 'validation_failed').errors![0]!.field).toBe(
      'contractId',
    );
    expect(expectProblem(await attach({}), 422, 'validation_failed').errors![0]!.field).toBe('contractId');
    const deleted = await newContract(h, admin);
    await call(h, admin, 'DELETE', `/contracts/${deleted.id}`);
    expectProblem(await attach({ contractId: deleted.id }), 422, 'validation_failed');
    expect((await waiting(admin)).items.map((d) => d.id)).toEqual([doc.id]);
  });

  it('answers 401, 404 for another org, 403 for viewers and for a contract the editor may only read', async () => {
    const { admin, editor, viewer } = await team();
    const sales = (await call(h, admin, 'POST', '/business-units', { name: 'Sales' })).json().id as string;
    const reader = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'editor', [sales]: 'viewer' } });
    const salesContract = await newContract(h, admin, { businessUnitId: sales });
    const doc = await inboxDoc(admin);
    const body = { contractId: salesContract.id };
    expectProblem(await call(h, null, 'POST', `/inbox/${doc.id}/attach`, body), 401, 'unauthenticated');
    const other = await signUpOrg(h, 'Other Corp');
    expectProblem(await call(h, other, 'POST', `/inbox/${doc.id}/attach`, body), 404, 'not_found');
    expectProblem(await call(h, viewer, 'POST', `/inbox/${doc.id}/attach`, body), 403, 'forbidden');
    expectProblem(await call(h, reader, 'POST', `/inbox/${doc.id}/attach`, body), 403, 'forbidden');
    // The editor cannot see Sales at all: to them it is no contract.
    const blind = await call(h, editor, 'POST', `/inbox/${doc.id}/attach`, body);
    expect(expectProblem(blind, 422, 'validation_failed').errors![0]!.rule).toBe('unknown_contract');
    expect(await auditEvents(h, admin, '&action=inbox.attached')).toEqual([]);
  });
});

describe('suggestions for the contract form', () => {
  it('has none while the text is not read, and follows the same access rules', async () => {
    const { admin, viewer } = await team();
    const doc = await inboxDoc(admin);
    const res = await call(h, admin, 'GET', `/inbox/${doc.id}/suggestions`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ textStatus: 'pending', suggestions: null });
    expectProblem(await call(h, null, 'GET', `/inbox/${doc.id}/suggestions`), 401, 'unauthenticated');
    expectProblem(await call(h, viewer, 'GET', `/inbox/${doc.id}/suggestions`), 403, 'forbidden');
    const other = await signUpOrg(h, 'Other Corp');
    expectProblem(await call(h, other, 'GET', `/inbox/${doc.id}/suggestions`), 404, 'not_found');
    expectProblem(await call(h, admin, 'GET', '/inbox/not-a-uuid/suggestions'), 422, 'validation_failed');
  });

  it('suggests dates, notice, amount and a known partner once the text is read, each with its words', async () => {
    const { admin, editor } = await team();
    const partner = await call(h, admin, 'POST', '/partners', { name: 'Globex Ltd', type: 'supplier' });
    expect(partner.statusCode, partner.body).toBe(201);
    const lease = pdfWithText([
      'SOFTWARE LICENSE AGREEMENT',
      'between Acme GmbH and Globex Ltd',
      'This agreement commences on 1 January 2027 and ends on 31 December 2028.',
      'Either party may terminate with three months notice.',
      'The annual fee is EUR 12,000.00.',
    ]);
    const res = await toInbox(editor, 'license.pdf', lease);
    expect(res.statusCode, res.body).toBe(201);
    await extractForOrg(h.app.deps, admin.me!.org.id, { limit: 5, now: new Date() });
    const read = await call(h, editor, 'GET', `/inbox/${res.json().id}/suggestions`);
    expect(read.statusCode, read.body).toBe(200);
    const { textStatus, suggestions } = read.json();
    expect(textStatus).toBe('extracted');
    expect(suggestions).toMatchObject({
      title: 'SOFTWARE LICENSE AGREEMENT',
      startDate: '2027-01-01',
      endDate: '2028-12-31',
      noticePeriod: { count: 3, unit: 'month' },
      amount: { value: '12000.00', currency: 'EUR' },
      partnerId: partner.json().id,
    });
    expect(suggestions.evidence.noticePeriod).toContain('three months notice');
  });
});

describe('the inbox e-mail address', () => {
  it('is made on first read, the same on the next, and replaced by an administrator', async () => {
    const { admin, editor } = await team();
    const first = await call(h, editor, 'GET', '/settings/inbox-address');
    expect(first.statusCode, first.body).toBe(200);
    const { address } = first.json();
    expect(address).toMatch(new RegExp(`^[a-z0-9]{25}@${DOMAIN.replace(/\./g, '\\.')}$`));
    expect((await call(h, admin, 'GET', '/settings/inbox-address')).json().address).toBe(address);
    const created = await auditEvents(h, admin, '&action=inbox.address_created');
    expect(created.map((e) => e.actor.id)).toEqual([editor.me!.user!.id]);
    // The secret never enters the activity log.
    expect(JSON.stringify(created)).not.toContain(address.split('@')[0]);

    const renewed = await call(h, admin, 'POST', '/settings/inbox-address/regenerate');
    expect(renewed.statusCode, renewed.body).toBe(200);
    expect(renewed.json().address).not.toBe(address);
    expect((await call(h, editor, 'GET', '/settings/inbox-address')).json().address).toBe(renewed.json().address);
    const [event] = await auditEvents(h, admin, '&action=inbox.address_regenerated');
    expect(event!.objectType).toBe('inbox_address');

    const other = await signUpOrg(h, 'Other Corp');
    expect((await call(h, other, 'GET', '/settings/inbox-address')).json().address).not.toBe(renewed.json().address);
  });

  it('is for people who create contracts; only administrators replace it; 401 without a session', async () => {
    const { editor, viewer } = await team();
    expectProblem(await call(h, viewer, 'GET', '/settings/inbox-address'), 403, 'forbidden');
    expectProblem(await call(h, editor, 'POST', '/settings/inbox-address/regenerate'), 403, 'forbidden');
    expectProblem(await call(h, null, 'GET', '/settings/inbox-address'), 401, 'unauthenticated');
    expectProblem(await call(h, null, 'POST', '/settings/inbox-address/regenerate'), 401, 'unauthenticated');
  });
});
