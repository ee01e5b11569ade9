import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../../common/schemas/documents.js';
import { documents, documentVersions, orgKeys } from '../../db/schema/index.js';
import { withClaims } from '../../db/tx.js';
import { auditEvents, type Caller, call, signUpOrg, uploadDocument } from '../../test/api.js';
import { pdfWithText } from '../../test/files.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { newContract } from '../contracts/contracts.fixtures.js';
import { destroyRetired, type RotationProgress, rotateOrg } from './keys.rotation.js';
import { keyStatus } from './keys.status.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

interface Stored {
  id: string;
  versions: Buffer[];
}

/** An org with a contract holding `files` documents (every other one with a second version) and a link. */
async function orgWithDocuments(files: number) {
  const admin = await signUpOrg(h);
  const contractId = (await newContract(h, admin)).id;
  const stored: Stored[] = [];
  for (let i = 0; i < files; i++) {
    stored.push(await upload(admin, contractId, `Contract ${i}`));
    if (i % 2 === 0) await addVersion(admin, stored.at(-1)!, `Contract ${i}, second version`);
  }
  const link = await call(h, admin, 'POST', `/contracts/${contractId}/links`, {
    url: 'https://example.com/shared/lease.pdf',
    title: 'Lease in the shared drive',
  });
  expect(link.statusCode, link.body).toBe(201);
  return { admin, orgId: admin.me!.org.id, contractId, stored, linkId: (link.json() as Document).id };
}

async function upload(admin: Caller, contractId: string, text: string): Promise<Stored> {
  const bytes = pdfWithText([text]);
  const res = await uploadDocument(h, admin, `/contracts/${contractId}/documents`, 'contract.pdf', bytes);
  expect(res.statusCode, res.body).toBe(201);
  return { id: (res.json() as Document).id, versions: [bytes] };
}

async function addVersion(admin: Caller, doc: Stored, text: string) {
  const bytes = pdfWithText([text]);
  const res = await uploadDocument(h, admin, `/documents/${doc.id}/versions`, 'contract.pdf', bytes);
  expect(res.statusCode, res.body).toBe(201);
  doc.versions.push(bytes);
}

/** Downloads every version of the document; resolves with how many matched byte for byte (failures throw). */
async function downloadAll(admin: Caller, doc: Stored): Promise<number> {
  const versions = [...doc.versions];
  for (const [index, bytes] of versions.entries()) {
    const res = await call(h, admin, 'GET', `/documents/${doc.id}/content?version=${index + 1}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.rawPayload.equals(bytes), `${doc.id} v${index + 1}`).toBe(true);
  }
  return versions.length;
}

/** The org key version of each row holding a data key, and the versions in the key store. */
function keyVersions(orgId: string) {
  return withClaims(h.database.db, { orgId }, async (tx) => ({
    documents: (await tx.select({ v: documents.orgKeyVersion }).from(documents).where(eq(documents.orgId, orgId))).map(
      (r) => r.v,
    ),
    versions: (
      await tx
        .select({ v: documentVersions.orgKeyVersion })
        .from(documentVersions)
        .where(eq(documentVersions.orgId, orgId))
    ).map((r) => r.v),
    store: (
      await tx
        .select({ version: orgKeys.version, state: orgKeys.state })
        .from(orgKeys)
        .where(and(eq(orgKeys.orgId, orgId)))
        .orderBy(orgKeys.version)
    ).map((k) => `${k.version}:${k.state}`),
  }));
}

const only = (values: number[], version: number) => values.length > 0 && values.every((v) => v === version);

describe('org key rotation', () => {
  it('rewraps every data key while downloads, uploads and a rename run at the same time', async () => {
    const org = await orgWithDocuments(6);
    const bystander = await orgWithDocuments(1);
    expect(await keyVersions(org.orgId)).toMatchObject({ store: ['1:active'] });

    // Small batches make many transactions for the traffic below to fall between.
    const rotation = rotateOrg(h.app.deps, org.orgId, { batchSize: 2, destroyRetired: true });
    const traffic = [
      ...org.stored.map((doc) => downloadAll(org.admin, doc)),
      ...org.stored.map((doc) => downloadAll(org.admin, doc)),
      upload(org.admin, org.contractId, 'Uploaded during the rotation'),
      upload(org.admin, org.contractId, 'Also uploaded during the rotation'),
      addVersion(org.admin, org.stored[1]!, 'A new version during the rotation').then(() => 1),
      call(h, org.admin, 'PATCH', `/documents/${org.stored[2]!.id}`, { name: 'Renamed during rotation.pdf' }),
      downloadAll(bystander.admin, bystander.stored[0]!),
    ];
    const [result, ...done] = await Promise.all([rotation, ...traffic]);
    expect(result).toEqual({
      orgId: org.orgId,
      orgKeyVersion: 2,
      resumed: false,
      retired: [1],
      rewrapped: expect.any(Number),
      destroyed: [1],
      kept: [],
    });
    const renamed = done.find((d) => typeof d === 'object' && 'statusCode' in d);
    expect(renamed).toMatchObject({ statusCode: 200 });
    org.stored.push(...done.filter((d): d is Stored => typeof d === 'object' && 'versions' in d));

    const after = await keyVersions(org.orgId);
    expect(only(after.documents, 2) && only(after.versions, 2), JSON.stringify(after)).toBe(true);
    expect(after.documents).toHaveLength(org.stored.length + 1);
    expect(after.store).toEqual(['2:active']);
    for (const doc of org.stored) await downloadAll(org.admin, doc);
    const names = await call(h, org.admin, 'GET', `/contracts/${org.contractId}/documents`);
    expect(names.json().items.map((d: Document) => d.name)).toContain('Renamed during rotation.pdf');
    expect((await call(h, org.admin, 'GET', `/documents/${org.linkId}`)).json().link.url).toBe(
      'https://example.com/shared/lease.pdf',
    );

    // Another org's keys and rows are untouched.
    const other = await keyVersions(bystander.orgId);
    expect(only(other.documents, 1) && only(other.versions, 1)).toBe(true);
    expect(other.store).toEqual(['1:active']);

    const actions = (await auditEvents(h, org.admin)).filter((e) => e.action.startsWith('keys.'));
    expect(actions.map((e) => [e.action, e.changes])).toEqual([
      ['keys.org_keys_destroyed', {}],
      ['keys.org_rotated', { orgKeyVersion: { before: 1, after: 2 } }],
    ]);
  }, 180_000);

  it('resumes an interrupted rotation instead of making another key, and destroys retired keys on request', async () => {
    const org = await orgWithDocuments(3);
    const crash = (p: RotationProgress) => {
      if (p.step === 'rewrap') throw new Error('crash after the first batch');
    };
    await expect(rotateOrg(h.app.deps, org.orgId, { batchSize: 2, onProgress: crash })).rejects.toThrow(
      'crash after the first batch',
    );
    const halfway = await keyVersions(org.orgId);
    expect(halfway.store).toEqual(['1:retiring', '2:active']);
    expect(halfway.documents.filter((v) => v === 2)).toHaveLength(2);
    expect([...halfway.documents, ...halfway.versions]).toContain(1);
    // Rows under either version open meanwhile.
    for (const doc of org.stored) await downloadAll(org.admin, doc);

    const resumed = await rotateOrg(h.app.deps, org.orgId, { batchSize: 2 });
    expect(resumed).toMatchObject({ orgKeyVersion: 2, resumed: true, retired: [1], destroyed: [], kept: [1] });
    const done = await keyVersions(org.orgId);
    expect(only(done.documents, 2) && only(done.versions, 2)).toBe(true);
    expect(done.store).toEqual(['1:retired', '2:active']);

    // Finished, so the next run is a new rotation; retired keys stay until destroyed.
    expect(await rotateOrg(h.app.deps, org.orgId)).toMatchObject({ orgKeyVersion: 3, resumed: false, kept: [1, 2] });
    const status = (await keyStatus(h.app.deps, org.orgId)).orgs[0]!;
    expect(status.orgKeys).toEqual([
      { version: 1, state: 'retired', masterVersion: 1, rows: 0 },
      { version: 2, state: 'retired', masterVersion: 1, rows: 0 },
      { version: 3, state: 'active', masterVersion: 1, rows: org.stored.length + 1 + 5 },
    ]);
    expect(await destroyRetired(h.app.deps, org.orgId)).toEqual({ destroyed: [1, 2], kept: [] });
    expect((await keyVersions(org.orgId)).store).toEqual(['3:active']);
    for (const doc of org.stored) await downloadAll(org.admin, doc);
  }, 120_000);

  it('has nothing to rotate in an org without keys', async () => {
    const admin = await signUpOrg(h);
    expect(await rotateOrg(h.app.deps, admin.me!.org.id)).toMatchObject({ orgKeyVersion: null, rewrapped: 0 });
    expect((await keyVersions(admin.me!.org.id)).store).toEqual([]);
  });
});
