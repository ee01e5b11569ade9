import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../../common/schemas/documents.js';
import {
  auditEvents,
  type Caller,
  call,
  expectProblem,
  signUpOrg,
  uploadDocument,
  uploadImport,
} from '../../test/api.js';
import { pdfWithText } from '../../test/files.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { future, newContract } from './contracts.fixtures.js';

let h: Harness;
const pdf = pdfWithText(['Signed agreement']);

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const requireAttachment = (who: Caller, on: boolean) =>
  call(h, who, 'PATCH', '/settings/repository', { requireAttachment: on });

function expectAttachmentRule(res: Awaited<ReturnType<typeof call>>) {
  expect(expectProblem(res, 422, 'validation_failed').errors).toEqual([
    expect.objectContaining({ field: 'documents', rule: 'attachment_required' }),
  ]);
}

describe('mandatory attachments', () => {
  it('are off by default: a contract goes into the repository without a file', async () => {
    const admin = await signUpOrg(h);
    expect((await call(h, admin, 'GET', '/settings/repository')).json().requireAttachment).toBe(false);
    const res = await call(h, admin, 'POST', '/contracts', { title: 'Lease', status: 'active', lifecycle: future });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('when on, a contract leaves draft only with a live file or link, and the log says who turned it on', async () => {
    const admin = await signUpOrg(h);
    expect((await requireAttachment(admin, true)).json().requireAttachment).toBe(true);
    const [event] = await auditEvents(h, admin, '&action=org.settings_updated');
    expect(event!.changes).toEqual({ requireAttachment: { before: false, after: true } });

    expectAttachmentRule(
      await call(h, admin, 'POST', '/contracts', { title: 'Lease', status: 'active', lifecycle: future }),
    );
    expect((await call(h, admin, 'GET', '/contracts')).json().items).toEqual([]);

    const draft = await newContract(h, admin, { title: 'Lease' });
    expect(draft.status).toBe('draft');
    expectAttachmentRule(await call(h, admin, 'PATCH', `/contracts/${draft.id}`, { status: 'in_negotiation' }));
    const link = await call(h, admin, 'POST', `/contracts/${draft.id}/links`, {
      url: 'https://example.com/lease.pdf',
      title: 'Lease',
    });
    expect(link.statusCode).toBe(201);
    const saved = await call(h, admin, 'PATCH', `/contracts/${draft.id}`, { status: 'active' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().status).toBe('active');

    // A link in the recycle bin is no attachment.
    await call(h, admin, 'DELETE', `/documents/${(link.json() as Document).id}`);
    expectAttachmentRule(await call(h, admin, 'PATCH', `/contracts/${draft.id}`, { title: 'Office lease' }));
    // Back to draft is always allowed.
    expect((await call(h, admin, 'PATCH', `/contracts/${draft.id}`, { status: 'draft' })).statusCode).toBe(200);
  });

  it('holds existing contracts to the rule only when next saved; deleting the last file is allowed', async () => {
    const admin = await signUpOrg(h);
    const bare = await newContract(h, admin, { title: 'Old lease', status: 'active' });
    const filed = await newContract(h, admin, { title: 'Filed lease', status: 'active' });
    const upload = await uploadDocument(h, admin, `/contracts/${filed.id}/documents`, 'lease.pdf', pdf);
    expect(upload.statusCode).toBe(201);
    await requireAttachment(admin, true);

    expect((await call(h, admin, 'GET', `/contracts/${bare.id}`)).json().status).toBe('active');
    expectAttachmentRule(await call(h, admin, 'PATCH', `/contracts/${bare.id}`, { title: 'Old lease 2020' }));
    expect((await call(h, admin, 'PATCH', `/contracts/${filed.id}`, { title: 'Filed lease 2020' })).statusCode).toBe(
      200,
    );

    // Deleting the only file succeeds; the contract is held to the rule at its next save.
    expect((await call(h, admin, 'DELETE', `/documents/${(upload.json() as Document).id}`)).statusCode).toBe(204);
    expectAttachmentRule(await call(h, admin, 'PATCH', `/contracts/${filed.id}`, { title: 'Filed lease 2021' }));

    await requireAttachment(admin, false);
    expect((await call(h, admin, 'PATCH', `/contracts/${bare.id}`, { title: 'Old lease 2020' })).statusCode).toBe(200);
  });

  it('counts the inbox document being turned into the contract', async () => {
    const admin = await signUpOrg(h);
    await requireAttachment(admin, true);
    const doc = (await uploadDocument(h, admin, '/inbox', 'scan.pdf', pdf)).json() as Document;
    const res = await call(h, admin, 'POST', `/inbox/${doc.id}/convert`, {
      title: 'Scanned lease',
      status: 'active',
      lifecycle: future,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().contract.status).toBe('active');
  });

  it('makes imported rows drafts, and refuses a row that says otherwise', async () => {
    const admin = await signUpOrg(h);
    await requireAttachment(admin, true);
    const csv = [
      'Title,Status,Start date,End date',
      'Cleaning,active,2030-01-01,2030-12-31',
      'Hosting,,2030-01-01,2030-12-31',
    ];
    const imp = (await uploadImport(h, admin, csv.join('\n'), { query: 'entity=contract&fileName=c.csv' })).json();
    const checked = (
      await call(h, admin, 'POST', `/imports/${imp.id}/check`, { mapping: imp.suggestedMapping, options: {} })
    ).json();
    expect(checked.errors).toEqual([
      expect.objectContaining({ row: 2, column: 'Status', value: 'active', rule: 'attachment_required' }),
    ]);
    const done = await call(h, admin, 'POST', `/imports/${imp.id}/commit`, { skipInvalidRows: true });
    expect(done.statusCode, done.body).toBe(200);
    const imported = (await call(h, admin, 'GET', '/contracts')).json().items;
    expect(imported.map((c: { title: string; status: string }) => [c.title, c.status])).toEqual([['Hosting', 'draft']]);
  });
});
