import { createHash } from 'node:crypto';
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
import { newContract } from '../contracts/contracts.fixtures.js';

let h: Harness;
let admin: Caller;
let contractId: string;
const pdf = pdfWithText(['Termination requires three months notice.', 'Page two of the agreement.']);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  h = await startHarness();
  admin = await signUpOrg(h);
  contractId = (await newContract(h, admin)).id;
});
afterAll(() => h.close());

const uploadPdf = (who: Caller | null, id = contractId, name = 'agreement.pdf', content = pdf) =>
  uploadDocument(h, who, `/contracts/${id}/documents`, name, content);

describe('documents on a contract', () => {
  it('uploads a PDF, lists it and downloads the same bytes, logging upload and download', async () => {
    const res = await uploadPdf(admin);
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json() as Document;
    expect(doc).toMatchObject({ kind: 'file', name: 'agreement.pdf', contractId, inInbox: false });
    expect(doc.versions).toMatchObject([
      { number: 1, size: pdf.length, sha256: sha(pdf), mimeType: 'application/pdf' },
    ]);

    const list = await call(h, admin, 'GET', `/contracts/${contractId}/documents`);
    expect(list.json().items.map((d: Document) => d.id)).toContain(doc.id);

    const download = await call(h, admin, 'GET', `/documents/${doc.id}/content`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect(download.headers['content-disposition']).toContain('attachment; filename="agreement.pdf"');
    expect(download.headers['content-type']).toBe('application/octet-stream');

    const events = await auditEvents(h, admin, `&objectId=${doc.id}`);
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['document.uploaded', 'document.downloaded']));
  });

  it('answers one byte range with 206, and an unsatisfiable one with 416', async () => {
    const doc = (await uploadPdf(admin)).json() as Document;
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/v1/documents/${doc.id}/content`,
      headers: { cookie: admin.cookie!, range: 'bytes=5-20' },
    });
    expect(res.statusCode).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes 5-20/${pdf.length}`);
    expect(res.rawPayload.equals(pdf.subarray(5, 21))).toBe(true);
    const bad = await h.app.inject({
      method: 'GET',
      url: `/api/v1/documents/${doc.id}/content`,
      headers: { cookie: admin.cookie!, range: `bytes=${pdf.length}-` },
    });
    expectProblem(bad, 416, 'range_not_satisfiable');
  });

  it('keeps old versions when a new one arrives', async () => {
    const doc = (await uploadPdf(admin)).json() as Document;
    const second = pdfWithText(['Second version']);
    const res = await uploadDocument(h, admin, `/documents/${doc.id}/versions`, 'agreement-v2.pdf', second);
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as Document).versions.map((v) => v.number)).toEqual([2, 1]);
    const v1 = await call(h, admin, 'GET', `/documents/${doc.id}/content?version=1`);
    expect(v1.rawPayload.equals(pdf)).toBe(true);
    const v2 = await call(h, admin, 'GET', `/documents/${doc.id}/content`);
    expect(v2.rawPayload.equals(second)).toBe(true);
  });

  it('refuses an empty file and a renamed executable, leaving nothing behind', async () => {
    const before = (await call(h, admin, 'GET', `/contracts/${contractId}/documents`)).json().items.length;
    const empty = expectProblem(
      await uploadPdf(admin, contractId, 'empty.pdf', Buffer.alloc(0)),
      422,
      'validation_failed',
    );
    expect(empty.errors![0]).toMatchObject({ field: 'file', rule: 'file_empty' });
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(200)]);
    const exe = expectProblem(await uploadPdf(admin, contractId, 'invoice.pdf', elf), 422, 'validation_failed');
    expect(exe.errors![0]!.field).toBe('file');
    expect((await call(h, admin, 'GET', `/contracts/${contractId}/documents`)).json().items.length).toBe(before);
  });

  it('renames, moves to the recycle bin and restores', async () => {
    const doc = (await uploadPdf(admin)).json() as Document;
    const renamed = await call(h, admin, 'PATCH', `/documents/${doc.id}`, { name: 'Signed agreement.pdf' });
    expect(renamed.json().name).toBe('Signed agreement.pdf');
    const bad = expectProblem(
      await call(h, admin, 'PATCH', `/documents/${doc.id}`, { name: 'a/b\u202Efdp.exe' }),
      422,
      'validation_failed',
    );
    expect(bad.errors![0]).toMatchObject({ field: 'name', rule: 'name_characters' });
    expect((await call(h, admin, 'DELETE', `/documents/${doc.id}`)).statusCode).toBe(204);
    expect((await call(h, admin, 'GET', `/documents/${doc.id}/content`)).statusCode).toBe(404);
    const bin = (await call(h, admin, 'GET', `/contracts/${contractId}/documents?deleted=true`)).json().items;
    expect(bin.map((d: Document) => d.id)).toContain(doc.id);
    expect((await call(h, admin, 'POST', `/documents/${doc.id}/restore`)).json().deletedAt).toBeNull();
  });

  it('adds an https link and refuses other schemes', async () => {
    const res = await call(h, admin, 'POST', `/contracts/${contractId}/links`, {
      url: 'https://example.com/files/contract.pdf',
      title: 'Countersigned copy',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'link', name: 'Countersigned copy', versions: [] });
    for (const url of ['http://example.com/a', 'javascript:alert(1)', 'https://user:pw@example.com/']) {
      const bad = await call(h, admin, 'POST', `/contracts/${contractId}/links`, { url, title: 'x' });
      expect(expectProblem(bad, 422, 'validation_failed').errors![0]!.field).toBe('url');
    }
  });

  it('hides documents from other orgs (404), refuses viewers (403) and anonymous callers (401)', async () => {
    const doc = (await uploadPdf(admin)).json() as Document;
    const other = await signUpOrg(h, 'Other Corp');
    expectProblem(await call(h, other, 'GET', `/documents/${doc.id}`), 404, 'not_found');
    expectProblem(await call(h, other, 'GET', `/documents/${doc.id}/content`), 404, 'not_found');
    expectProblem(await uploadPdf(other), 404, 'not_found');
    expectProblem(await uploadPdf(null), 401, 'unauthenticated');
    const viewer = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'viewer' } });
    expect((await call(h, viewer, 'GET', `/documents/${doc.id}/content`)).statusCode).toBe(200);
    expectProblem(await uploadPdf(viewer), 403, 'forbidden');
    expectProblem(await call(h, viewer, 'DELETE', `/documents/${doc.id}`), 403, 'forbidden');
  });
});
