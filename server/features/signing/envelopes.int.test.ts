import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../../common/schemas/documents.js';
import type { Envelope } from '../../../common/schemas/signing.js';
import { signingEnvelopes } from '../../db/schema/index.js';
import { withClaims } from '../../db/tx.js';
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
import { pdfWithText, png } from '../../test/files.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { newContract } from '../contracts/contracts.fixtures.js';

let h: Harness;
let admin: Caller;
let viewer: Caller;
let other: Caller;
let contractId: string;

beforeAll(async () => {
  h = await startHarness();
  admin = await signUpOrg(h);
  viewer = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'viewer' } });
  other = await signUpOrg(h, 'Other GmbH');
  contractId = (await newContract(h, admin)).id;
});
afterAll(() => h.close());

async function upload(who: Caller, name: string, content: Buffer, id = contractId): Promise<Document> {
  const res = await uploadDocument(h, who, `/contracts/${id}/documents`, name, content);
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as Document;
}

async function draft(who: Caller = admin, body: Record<string, unknown> = {}): Promise<Envelope> {
  const doc = await upload(who, 'Service agreement.pdf', pdfWithText(['Page one', 'Page two', 'Page three']));
  const res = await call(h, who, 'POST', '/envelopes', { documentId: doc.id, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Envelope;
}

const signer = (name: string, email: string, position = 1) => ({ role: 'signer', name, email, position });

describe('envelope drafts', () => {
  it('makes a draft from a PDF on a contract: pages measured, title from the file, logged', async () => {
    const e = await draft(admin, { message: 'Please sign by Friday.', signingOrder: true, expiresInDays: 14 });
    expect(e).toMatchObject({
      status: 'draft',
      title: 'Service agreement',
      message: 'Please sign by Friday.',
      signingOrder: true,
      expiresInDays: 14,
      contractId,
      sourceVersion: 1,
      sealedVersion: null,
      recipients: [],
      fields: [],
      abilities: { edit: true, send: true, cancel: false },
    });
    expect(e.pages).toHaveLength(3);
    expect(e.pages[0]).toMatchObject({ rotate: 0 });
    expect(e.pages[0]!.w).toBeGreaterThan(100);
    expect(e.sourceSha256).toMatch(/^[0-9a-f]{64}$/);
    const events = await auditEvents(h, admin, `&objectId=${e.id}`);
    expect(events.map((x) => x.action)).toEqual(['envelope.created']);

    // A viewer of the unit reads it, but may not change it.
    const seen = await call(h, viewer, 'GET', `/envelopes/${e.id}`);
    expect(seen.statusCode).toBe(200);
    expect((seen.json() as Envelope).abilities).toEqual({ edit: false, send: false, cancel: false });
    const list = await call(h, viewer, 'GET', `/envelopes?contractId=${contractId}`);
    expect(list.json().items.map((x: { id: string }) => x.id)).toContain(e.id);
  });

  it('keeps recipients by id, refuses duplicates and unknown ids, and logs names as personal changes', async () => {
    const e = await draft();
    const first = await call(h, admin, 'PUT', `/envelopes/${e.id}/recipients`, {
      recipients: [signer('Jürgen Groß', 'jg@example.com'), signer('Анна Иванова', 'anna@example.com', 2)],
    });
    expect(first.statusCode, first.body).toBe(200);
    const [jg, anna] = (first.json() as Envelope).recipients;
    expect(jg).toMatchObject({ name: 'Jürgen Groß', email: 'jg@example.com', position: 1, status: 'pending' });

    const swapped = await call(h, admin, 'PUT', `/envelopes/${e.id}/recipients`, {
      recipients: [
        { ...signer('Jürgen Groß', 'anna@example.com'), id: jg!.id },
        { ...signer('Анна Иванова', 'jg@example.com', 2), id: anna!.id },
        { role: 'cc', name: 'Legal', email: 'legal@example.com' },
      ],
    });
    expect(swapped.statusCode, swapped.body).toBe(200);
    const after = (swapped.json() as Envelope).recipients;
    expect(after.map((r) => [r.id, r.email])).toEqual(
      expect.arrayContaining([
        [jg!.id, 'anna@example.com'],
        [anna!.id, 'jg@example.com'],
      ]),
    );
    expect(after).toHaveLength(3);

    const duplicate = await call(h, admin, 'PUT', `/envelopes/${e.id}/recipients`, {
      recipients: [signer('A', 'same@example.com'), signer('B', 'SAME@example.com')],
    });
    expect(expectProblem(duplicate, 422, 'validation_failed').errors).toEqual([
      expect.objectContaining({ field: 'recipients.1.email', rule: 'duplicate_email' }),
    ]);
    // A copy recipient never opens a signing page: a code for them would check nothing.
    const code = await call(h, admin, 'PUT', `/envelopes/${e.id}/recipients`, {
      recipients: [signer('A', 'a@example.com'), { name: 'C', email: 'c@example.com', role: 'cc', requireCode: true }],
    });
    expect(expectProblem(code, 422, 'validation_failed').errors).toEqual([
      expect.objectContaining({ field: 'recipients.1.requireCode', rule: 'cc_no_code' }),
    ]);
    const unknown = await call(h, admin, 'PUT', `/envelopes/${e.id}/recipients`, {
      recipients: [{ ...signer('A', 'a@example.com'), id: other.me!.org.id }],
    });
    expect(expectProblem(unknown, 422, 'validation_failed').errors![0]).toMatchObject({
      field: 'recipients.0.id',
      rule: 'unknown_recipient',
    });
    // Nothing of a refused list was written.
    const now = (await call(h, admin, 'GET', `/envelopes/${e.id}`)).json() as Envelope;
    expect(now.recipients).toHaveLength(3);

    const events = await auditEvents(h, admin, `&objectId=${e.id}`);
    const update = events.find((x) => x.action === 'envelope.updated');
    expect(JSON.stringify(update?.changes)).toContain('Jürgen Groß');
  });

  it('places fields on pages of the document for signers only, refusing each bad one by name', async () => {
    const e = await draft();
    const r = (
      (
        await call(h, admin, 'PUT', `/envelopes/${e.id}/recipients`, {
          recipients: [signer('Signer', 's@example.com'), { role: 'cc', name: 'Copy', email: 'cc@example.com' }],
        })
      ).json() as Envelope
    ).recipients;
    const s = r.find((x) => x.role === 'signer')!;
    const cc = r.find((x) => x.role === 'cc')!;
    const good = { recipientId: s.id, type: 'signature', page: 3, x: 0.1, y: 0.8, w: 0.3, h: 0.08 };
    const ok = await call(h, admin, 'PUT', `/envelopes/${e.id}/fields`, {
      fields: [good, { ...good, type: 'date_signed', x: 0.6, w: 0.2 }],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const placed = (ok.json() as Envelope).fields;
    expect(placed).toHaveLength(2);
    expect(placed[0]).toMatchObject({ page: 3, required: true, label: null });

    const bad = await call(h, admin, 'PUT', `/envelopes/${e.id}/fields`, {
      fields: [
        { ...good, page: 4 },
        { ...good, x: 0.8 },
        { ...good, w: 0.001 },
        { ...good, recipientId: cc.id },
        { ...good, id: placed[0]!.id },
        { ...good, id: placed[0]!.id },
      ],
    });
    expect(expectProblem(bad, 422, 'validation_failed').errors!.map((x) => [x.field, x.rule])).toEqual([
      ['fields.0.page', 'page_out_of_range'],
      ['fields.1', 'outside_page'],
      ['fields.2', 'field_too_small'],
      ['fields.3.recipientId', 'recipient_cannot_fill'],
      ['fields.5.id', 'unknown_field'],
    ]);
    const now = (await call(h, admin, 'GET', `/envelopes/${e.id}`)).json() as Envelope;
    expect(now.fields.map((f) => f.id).sort()).toEqual(placed.map((f) => f.id).sort());

    // A signer who becomes a copy recipient takes their fields with them.
    const demoted = await call(h, admin, 'PUT', `/envelopes/${e.id}/recipients`, {
      recipients: [{ ...signer('Signer', 's@example.com'), role: 'cc', id: s.id }],
    });
    expect((demoted.json() as Envelope).fields).toEqual([]);
  });

  it('refuses files that cannot be signed, naming the reason', async () => {
    const picture = await upload(admin, 'scan.png', png());
    expect(
      expectProblem(await call(h, admin, 'POST', '/envelopes', { documentId: picture.id }), 422, 'validation_failed')
        .errors![0],
    ).toMatchObject({ field: 'documentId', rule: 'not_pdf' });
    const signed = await upload(admin, 'signed.pdf', pdfWithText(['/ByteRange [0 10 20 30]']));
    expect(
      expectProblem(await call(h, admin, 'POST', '/envelopes', { documentId: signed.id }), 422, 'validation_failed')
        .errors![0],
    ).toMatchObject({ field: 'documentId', rule: 'pdf_already_signed' });
    const missingVersion = await call(h, admin, 'POST', '/envelopes', { documentId: signed.id, version: 9 });
    expect(expectProblem(missingVersion, 422, 'validation_failed').errors![0]).toMatchObject({
      field: 'version',
      rule: 'unknown_version',
    });
    const badBody = await call(h, admin, 'POST', '/envelopes', { documentId: signed.id, expiresInDays: 0 });
    expect(expectProblem(badBody, 422, 'validation_failed').errors![0]).toMatchObject({ field: 'expiresInDays' });
  });

  it('answers no session 401, a viewer 403, another org 404, and edits drafts only', async () => {
    const e = await draft();
    const doc = e.documentId;
    expectProblem(await call(h, null, 'POST', '/envelopes', { documentId: doc }), 401, 'unauthenticated');
    expectProblem(await call(h, viewer, 'POST', '/envelopes', { documentId: doc }), 403, 'forbidden');
    expectProblem(await call(h, viewer, 'PATCH', `/envelopes/${e.id}`, { title: 'Mine' }), 403, 'forbidden');
    expectProblem(await call(h, other, 'POST', '/envelopes', { documentId: doc }), 404, 'not_found');
    expectProblem(await call(h, other, 'GET', `/envelopes/${e.id}`), 404, 'not_found');
    expectProblem(await call(h, other, 'PUT', `/envelopes/${e.id}/recipients`, { recipients: [] }), 404, 'not_found');
    expectProblem(await call(h, other, 'GET', `/envelopes?contractId=${contractId}`), 404, 'not_found');

    const renamed = await call(h, admin, 'PATCH', `/envelopes/${e.id}`, { title: 'Renamed', reminderEveryDays: 3 });
    expect(renamed.json()).toMatchObject({ title: 'Renamed', reminderEveryDays: 3 });

    await withClaims(h.database.db, { orgId: admin.me!.org.id }, (tx) =>
      tx
        .update(signingEnvelopes)
        .set({ status: 'in_progress' })
        .where(and(eq(signingEnvelopes.orgId, admin.me!.org.id), eq(signingEnvelopes.id, e.id))),
    );
    const late = await call(h, admin, 'PATCH', `/envelopes/${e.id}`, { title: 'Too late' });
    expect(expectProblem(late, 409, 'conflict').reason).toBe('envelope_not_draft');
    expectProblem(await call(h, admin, 'DELETE', `/envelopes/${e.id}`), 409, 'conflict');
    expect(((await call(h, admin, 'GET', `/envelopes/${e.id}`)).json() as Envelope).abilities.cancel).toBe(true);
  });

  it('deletes a draft, logged', async () => {
    const e = await draft();
    expect((await call(h, admin, 'DELETE', `/envelopes/${e.id}`)).statusCode).toBe(204);
    expectProblem(await call(h, admin, 'GET', `/envelopes/${e.id}`), 404, 'not_found');
    const events = await auditEvents(h, admin, `&objectId=${e.id}`);
    expect(events.map((x) => x.action)).toEqual(['envelope.deleted', 'envelope.created']);
  });
});
