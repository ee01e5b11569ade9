import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../../common/schemas/documents.js';
import { type Actor, type Ctx, runInOrg } from '../../platform/context.js';
import { onWake, type Wakeup } from '../../platform/jobs/wake.js';
import { auditEvents, call, signUpOrg, uploadDocument } from '../../test/api.js';
import { pdfWithText } from '../../test/files.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { newContract } from '../contracts/contracts.fixtures.js';
import { purgeDocuments } from './documents.purge.js';
import * as documents from './documents.service.js';
import { EXTRACT_TEXT_JOB, extractForOrg } from './documents.text.jobs.js';

let h: Harness;
let admin: Awaited<ReturnType<typeof signUpOrg>>;
let orgId: string;
let contractId: string;
const DAY_MS = 86_400_000;

beforeAll(async () => {
  h = await startHarness();
  admin = await signUpOrg(h);
  orgId = admin.me.org.id;
  contractId = (await newContract(h, admin)).id;
});
afterAll(() => h.close());

async function upload(text: string): Promise<Document> {
  const res = await uploadDocument(h, admin, `/contracts/${contractId}/documents`, 'a.pdf', pdfWithText([text]));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Document;
}

async function storedBlobs(): Promise<string[]> {
  const names: string[] = [];
  for await (const name of h.app.deps.blobs.list(`orgs/${orgId}`)) names.push(name);
  return names.sort();
}

describe('documents.extract-text', () => {
  it('is woken for the uploading org once the upload commits, and then finds the text', async () => {
    const heard: Wakeup[] = [];
    const stop = onWake(h.app.deps.database, (w) => heard.push(w));
    try {
      const doc = await upload('Woken right after the upload.');
      expect(heard).toContainEqual({ job: EXTRACT_TEXT_JOB, orgId });
      expect(doc.versions[0]!.textStatus).toBe('pending');
    } finally {
      stop();
    }
    const counts = await extractForOrg(h.app.deps, orgId, { limit: 10 });
    expect(counts).toMatchObject({ extracted: counts.claimed, failed: 0 });
  });

  it('is not woken by an upload that is refused', async () => {
    const heard: Wakeup[] = [];
    const stop = onWake(h.app.deps.database, (w) => heard.push(w));
    try {
      const res = await uploadDocument(h, admin, `/contracts/${contractId}/documents`, 'x.pdf', Buffer.from('MZ'));
      expect(res.statusCode).toBe(422);
    } finally {
      stop();
    }
    expect(heard).toEqual([]);
  });
});

describe('documents.purge', () => {
  it('removes a document after 30 days in the bin with its blobs, logs it, and leaves younger ones', async () => {
    const old = await upload('Old contract scan.');
    const second = await uploadDocument(h, admin, `/documents/${old.id}/versions`, 'a2.pdf', pdfWithText(['v2']));
    expect(second.statusCode, second.body).toBe(201);
    const young = await upload('Recently deleted.');
    const before = await storedBlobs();

    expect((await call(h, admin, 'DELETE', `/documents/${old.id}`)).statusCode).toBe(204);
    const deletedAt = Date.now();
    expect((await call(h, admin, 'DELETE', `/documents/${young.id}`)).statusCode).toBe(204);

    // 29 days on: nothing is purged, every blob stays.
    expect(await purgeDocuments(h.app.deps, orgId, new Date(deletedAt + 29 * DAY_MS))).toMatchObject({ purged: 0 });
    expect(await storedBlobs()).toEqual(before);

    // The young one is restored; 31 days after the old one's deletion only that one goes, both versions' blobs with it.
    expect((await call(h, admin, 'POST', `/documents/${young.id}/restore`)).statusCode).toBe(200);
    const counts = await purgeDocuments(h.app.deps, orgId, new Date(deletedAt + 31 * DAY_MS));
    expect(counts).toMatchObject({ purged: 1, blobsDeleted: 2, blobsFailed: 0 });
    expect((await storedBlobs()).length).toBe(before.length - 2);
    expect((await call(h, admin, 'GET', `/documents/${old.id}`)).statusCode).toBe(404);
    expect((await call(h, admin, 'GET', `/documents/${young.id}/content`)).statusCode).toBe(200);

    const events = await auditEvents(h, admin, `&objectId=${old.id}`);
    expect(events.map((e) => e.action)).toContain('document.purged');
    // Run again: nothing left to do.
    expect(await purgeDocuments(h.app.deps, orgId, new Date(deletedAt + 32 * DAY_MS))).toEqual({
      purged: 0,
      blobsDeleted: 0,
      blobsFailed: 0,
    });
  });

  it('deletes the blob of an upload that never committed once its grace day is over, and refuses its late commit', async () => {
    // An upload whose process died (or that is still running a day later) left its blob filed for removal.
    const user = admin.me.user!;
    const actor: Actor = {
      type: 'user',
      id: user.id!,
      name: user.name!,
      email: user.email!,
      isAdmin: true,
      unitRoles: {},
      sessionId: '',
      csrfToken: '',
    };
    const request = { id: randomUUID(), ip: null, userAgent: null, via: 'cli' as const };
    const inOrg = <T>(fn: (ctx: Ctx) => Promise<T>) => runInOrg(h.app.deps, { orgId, actor }, request, fn);
    const slot = await inOrg((ctx) => documents.prepareUpload(ctx, { place: { contractId } }));
    await h.app.deps.blobs.put(slot.blobName, Readable.from([Buffer.from('sealed bytes')]));
    const filedAt = Date.now();

    expect(await purgeDocuments(h.app.deps, orgId, new Date(filedAt + 23 * 3_600_000))).toMatchObject({
      blobsDeleted: 0,
    });
    expect(await h.app.deps.blobs.size(slot.blobName)).not.toBeNull();
    expect(await purgeDocuments(h.app.deps, orgId, new Date(filedAt + 25 * 3_600_000))).toMatchObject({
      blobsDeleted: 1,
    });
    expect(await h.app.deps.blobs.size(slot.blobName)).toBeNull();

    const late = inOrg((ctx) =>
      documents.commitUpload(ctx, slot, {
        size: 12,
        sealedSize: 40,
        sha256: 'a'.repeat(64),
        mimeType: 'application/pdf',
        name: 'late.pdf',
      }),
    );
    await expect(late).rejects.toMatchObject({ code: 'gone', details: { reason: 'upload_expired' } });
    const list = await call(h, admin, 'GET', `/contracts/${contractId}/documents`);
    expect(list.json().items.map((d: Document) => d.name)).not.toContain('late.pdf');
  });
});
