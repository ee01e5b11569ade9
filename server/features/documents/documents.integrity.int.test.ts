import { readdir, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../../common/schemas/documents.js';
import { auditEvents, type Caller, call, expectProblem, signUpOrg, uploadDocument } from '../../test/api.js';
import { multipart, pdfWithText } from '../../test/files.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { newContract } from '../contracts/contracts.fixtures.js';

const SENTENCE = 'The supplier shall keep this sentence confidential';
let h: Harness;
let admin: Caller;
let contractId: string;
let dir: string;

beforeAll(async () => {
  h = await startHarness();
  admin = await signUpOrg(h);
  contractId = (await newContract(h, admin)).id;
  if (h.config.storage.driver !== 'local') throw new Error('these tests read the local store');
  dir = h.config.storage.dir;
});
afterAll(() => h.close());

/** A PDF over several 64 KiB chunks, so chunks can be cut, swapped and reordered. */
const bigPdf = (marker: string) => pdfWithText(Array.from({ length: 1200 }, (_, i) => `${SENTENCE} ${marker} ${i}`));

async function upload(name: string, content: Buffer): Promise<Document> {
  const res = await uploadDocument(h, admin, `/contracts/${contractId}/documents`, name, content);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Document;
}

async function blobFiles(): Promise<string[]> {
  const out: string[] = [];
  const walk = async (folder: string) => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(full);
      else out.push(full);
    }
  };
  await walk(dir);
  return out;
}

/** The blob a document's newest version was sealed into: the file written last. */
async function newestBlob(): Promise<string> {
  const files = await blobFiles();
  const times = await Promise.all(files.map(async (f) => ({ f, t: (await stat(f)).mtimeMs })));
  return times.sort((a, b) => b.t - a.t)[0]!.f;
}

const download = (id: string) => call(h, admin, 'GET', `/documents/${id}/content`);

describe('documents at rest', () => {
  it('never stores the plaintext: a known sentence is in no stored blob', async () => {
    const doc = await upload('confidential.pdf', bigPdf('plain'));
    expect((await download(doc.id)).rawPayload.includes(Buffer.from(SENTENCE))).toBe(true);
    for (const file of await blobFiles()) {
      const bytes = await readFile(file);
      expect(bytes.includes(Buffer.from(SENTENCE)), file).toBe(false);
      expect(bytes.includes(Buffer.from('confidential.pdf')), file).toBe(false);
    }
    // The name is sealed in the database too.
    const rows = await h.database.db.execute(sql`select name from documents where id = ${doc.id}`);
    expect(Buffer.from(JSON.stringify(rows)).includes(Buffer.from('confidential'))).toBe(false);
  });

  it.each([
    [
      'a flipped bit',
      async (f: string) => {
        const b = await readFile(f);
        b[70_000] = b[70_000]! ^ 1;
        await writeFile(f, b);
      },
    ],
    ['a cut-off end', async (f: string) => truncate(f, (await stat(f)).size - 100)],
    [
      'two chunks swapped',
      async (f: string) => {
        const b = await readFile(f);
        const record = 64 * 1024 + 16;
        const a = Buffer.from(b.subarray(41, 41 + record));
        b.copy(b, 41, 41 + record, 41 + 2 * record);
        a.copy(b, 41 + record);
        await writeFile(f, b);
      },
    ],
  ])('refuses to send a blob with %s, and logs it', async (_label, damage) => {
    const doc = await upload('damaged.pdf', bigPdf('damage'));
    await damage(await newestBlob());
    // Damage past the first chunk is found while streaming: the response is cut off, never completed.
    const res = await download(doc.id).catch((error: Error) => error);
    if (res instanceof Error) {
      expect(res.message).toMatch(/destroyed before completion/);
    } else {
      expectProblem(res, 500, 'integrity_failed');
      const events = await auditEvents(h, admin, `&objectId=${doc.id}`);
      expect(events.map((e) => e.action)).toContain('document.integrity_failed');
    }
    expect(h.logs.some((l) => l.includes(doc.id) && l.includes('integrity'))).toBe(true);
  });

  it('refuses a blob swapped with another document’s, before sending a byte', async () => {
    const first = await upload('first.pdf', bigPdf('first'));
    const firstBlob = await newestBlob();
    const second = await upload('second.pdf', bigPdf('second'));
    const secondBlob = await newestBlob();
    await writeFile(secondBlob, await readFile(firstBlob));
    expectProblem(await download(second.id), 500, 'integrity_failed');
    expect((await download(first.id)).statusCode).toBe(200);
  });

  it('leaves no document and no blob when an upload is cut off halfway', async () => {
    const before = new Set(await blobFiles());
    const listed = (await call(h, admin, 'GET', `/contracts/${contractId}/documents`)).json().items.length;
    const { body, contentType } = multipart('file', 'cut.pdf', bigPdf('cut'));
    const half = body.subarray(0, Math.floor(body.length / 2));
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/v1/contracts/${contractId}/documents`,
      headers: { 'content-type': contentType, cookie: admin.cookie!, 'x-csrf-token': admin.csrf! },
      payload: Readable.from([half]),
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect((await call(h, admin, 'GET', `/contracts/${contractId}/documents`)).json().items.length).toBe(listed);
    const after = (await blobFiles()).filter((f) => !before.has(f));
    expect(after).toEqual([]);
  });
});
