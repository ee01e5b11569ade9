import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../../common/schemas/documents.js';
import { withClaims } from '../../db/tx.js';
import { type Caller, call, signUpOrg, uploadDocument } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { newContract } from '../contracts/contracts.fixtures.js';
import { noisePdf } from '../search/search.fixtures.js';
import { extractForOrg, MAX_TEXT_ATTEMPTS } from './documents.text.jobs.js';
import { claim } from './documents.text.repo.js';
import { pdf } from './text/text.fixtures.js';

let h: Harness;
const MINUTE = 60_000;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function orgWithDocument(content: Buffer) {
  const admin = await signUpOrg(h);
  const contract = await newContract(h, admin);
  const res = await uploadDocument(h, admin, `/contracts/${contract.id}/documents`, 'file.pdf', content);
  expect(res.statusCode, res.body).toBe(201);
  const doc = res.json() as Document;
  // The upload does not wait for its text.
  expect(doc.versions[0]!.textStatus).toBe('pending');
  return { admin, orgId: admin.me!.org.id, doc };
}

const textStatus = async (who: Caller, id: string) =>
  ((await call(h, who, 'GET', `/documents/${id}`)).json() as Document).versions[0]!.textStatus;

describe('text extraction job', () => {
  it('tries a file that outlasts its time limit again later, marks it failed after the last try, and keeps it downloadable', async () => {
    const content = noisePdf();
    const { admin, orgId, doc } = await orgWithDocument(content);
    const start = new Date();
    // Far less than the worker needs to start and OCR a page of noise: every try runs out of time.
    const run = (now: Date) => extractForOrg(h.app.deps, orgId, { limit: 5, now, timeLimitMs: 1_500 });

    expect(await run(start)).toMatchObject({ claimed: 1, retrying: 1 });
    expect(await textStatus(admin, doc.id)).toBe('pending');
    // Its next try waits for the back-off.
    expect(await run(start)).toMatchObject({ claimed: 0 });
    expect(await run(new Date(start.getTime() + 2 * MINUTE))).toMatchObject({ claimed: 1, retrying: 1 });
    expect(await run(new Date(start.getTime() + 15 * MINUTE))).toMatchObject({ claimed: 1, failed: 1 });
    expect(await textStatus(admin, doc.id)).toBe('failed');
    expect(await run(new Date(start.getTime() + 60 * MINUTE))).toMatchObject({ claimed: 0 });

    const download = await call(h, admin, 'GET', `/documents/${doc.id}/content`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(content)).toBe(true);
  }, 120_000);

  it('marks failed a version whose worker died on each try, once the last lease has run out', async () => {
    const { admin, orgId, doc } = await orgWithDocument(pdf([{ lines: ['Never read'] }]));
    let now = Date.now();
    // Claims that nobody answers, as from workers that died on the file.
    for (let i = 0; i < MAX_TEXT_ATTEMPTS; i++) {
      const claimed = await withClaims(h.database.db, { orgId }, (tx) =>
        claim(tx, orgId, { now: new Date(now), leaseUntil: new Date(now + 30 * MINUTE), limit: 5, maxAttempts: 3 }),
      );
      expect(claimed.map((c) => [c.documentId, c.attempts])).toEqual([[doc.id, i + 1]]);
      now += 31 * MINUTE;
    }
    expect(await textStatus(admin, doc.id)).toBe('pending');
    expect(await extractForOrg(h.app.deps, orgId, { limit: 5, now: new Date(now) })).toMatchObject({
      claimed: 0,
      failed: 1,
    });
    expect(await textStatus(admin, doc.id)).toBe('failed');
  });
});
