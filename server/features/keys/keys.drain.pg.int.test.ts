import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../../common/schemas/documents.js';
import { documents } from '../../db/schema/index.js';
import { withClaims } from '../../db/tx.js';
import { openDataKey, orgKey } from '../../platform/keys/org-keys.js';
import { signUpOrg, uploadDocument } from '../../test/api.js';
import { pdfWithText } from '../../test/files.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { newContract } from '../contracts/contracts.fixtures.js';
import { documentContext } from '../documents/documents.keys.js';
import { destroyRetired, rotateOrg } from './keys.rotation.js';

// A transaction held open while a rotation runs needs a second connection: PostgreSQL only.
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function orgWithDocument() {
  const admin = await signUpOrg(h);
  const contractId = (await newContract(h, admin)).id;
  const res = await uploadDocument(h, admin, `/contracts/${contractId}/documents`, 'a.pdf', pdfWithText(['Lease']));
  expect(res.statusCode, res.body).toBe(201);
  return { orgId: admin.me!.org.id, documentId: (res.json() as Document).id };
}

function signal() {
  let fire!: () => void;
  const fired = new Promise<void>((resolve) => {
    fire = resolve;
  });
  return { fire, fired };
}

/** A transaction that reads the document's row, waits for `go`, then opens its data key with the version the row named. */
function slowReader(orgId: string, documentId: string, go: Promise<void>) {
  const read = signal();
  const done = withClaims(h.database.db, { orgId }, async (tx) => {
    const [row] = await tx.select().from(documents).where(eq(documents.id, documentId));
    read.fire();
    await go;
    const key = await orgKey(tx, h.config.masterKeys, orgId, row!.orgKeyVersion);
    return { version: row!.orgKeyVersion, dataKey: openDataKey(key, row!.dataKey, documentContext(orgId, documentId)) };
  });
  return { read: read.fired, done };
}

describe('destroying retired org keys', () => {
  it('waits for a transaction that read a row before its rewrap, so that transaction still opens it', async () => {
    const { orgId, documentId } = await orgWithDocument();
    const go = signal();
    const reader = slowReader(orgId, documentId, go.fired);
    await reader.read;
    const rotation = await rotateOrg(h.app.deps, orgId, {
      destroyRetired: true,
      onProgress: (p) => {
        // The rows are rewrapped and the old key is about to go: only now does the reader reach for it.
        if (p.step === 'drain') go.fire();
      },
    });
    go.fire();
    expect(rotation).toMatchObject({ orgKeyVersion: 2, retired: [1], destroyed: [1], kept: [] });
    const opened = await reader.done;
    expect(opened.version).toBe(1);
    expect(opened.dataKey).toHaveLength(32);
  });

  it('keeps retired keys when such a transaction is still open at the deadline', async () => {
    const { orgId, documentId } = await orgWithDocument();
    expect(await rotateOrg(h.app.deps, orgId)).toMatchObject({ orgKeyVersion: 2, kept: [1] });
    const go = signal();
    const reader = slowReader(orgId, documentId, go.fired);
    await reader.read;
    expect(await destroyRetired(h.app.deps, orgId, { drainMs: 0 })).toEqual({ destroyed: [], kept: [1] });
    go.fire();
    expect((await reader.done).version).toBe(2);
    expect(await destroyRetired(h.app.deps, orgId)).toEqual({ destroyed: [1], kept: [] });
  });
});
