import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../../common/schemas/documents.js';
import type { StorageConfig } from '../../config.js';
import { call, signUpOrg, uploadDocument } from '../../test/api.js';
import { type BlobServer, startAzurite, startS3rver } from '../../test/blob-servers.js';
import { pdfWithText } from '../../test/files.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { newContract } from '../contracts/contracts.fixtures.js';
import { purgeDocuments } from './documents.purge.js';

/** The variables an operator sets for each driver, from the emulator's settings. */
function envOf(storage: StorageConfig): Record<string, string> {
  switch (storage.driver) {
    case 'azure':
      return {
        STORAGE_DRIVER: 'azure',
        AZURE_STORAGE_CONNECTION_STRING: storage.connectionString,
        AZURE_STORAGE_CONTAINER: 'deedbox-documents',
      };
    case 's3':
      return {
        STORAGE_DRIVER: 's3',
        S3_ENDPOINT: storage.endpoint!,
        S3_BUCKET: storage.bucket,
        S3_ACCESS_KEY_ID: storage.accessKeyId,
        S3_SECRET_ACCESS_KEY: storage.secretAccessKey,
        S3_FORCE_PATH_STYLE: 'true',
      };
    default:
      throw new Error('the local driver is what the other document tests use');
  }
}

const SENTENCE = 'The supplier shall keep the customer informed of every material change.';
const DAY_MS = 86_400_000;

describe.each([
  ['Azure Blob Storage (Azurite)', () => startAzurite('deedbox-documents')],
  ['S3 (s3rver)', () => startS3rver(['deedbox-documents'])],
] as const)('documents on %s', (_label, start) => {
  let server: BlobServer<StorageConfig>;
  let h: Harness;
  let admin: Awaited<ReturnType<typeof signUpOrg>>;
  let contractId: string;

  beforeAll(async () => {
    server = await start();
    h = await startHarness(envOf(server.storage));
    admin = await signUpOrg(h);
    contractId = (await newContract(h, admin)).id;
  });
  afterAll(async () => {
    await h?.close();
    await server?.stop();
  });

  async function stored(): Promise<Buffer[]> {
    const blobs: Buffer[] = [];
    for await (const name of h.app.deps.blobs.list(`orgs/${admin.me.org.id}`)) {
      const chunks: Buffer[] = [];
      for await (const chunk of await h.app.deps.blobs.get(name)) chunks.push(chunk as Buffer);
      blobs.push(Buffer.concat(chunks));
    }
    return blobs;
  }

  it('uploads, downloads (whole and a range), adds a version, bins and purges, storing only ciphertext', async () => {
    expect(h.app.deps.blobs.kind).toBe(server.storage.driver);
    const first = pdfWithText([SENTENCE, 'Second page.']);
    const res = await uploadDocument(h, admin, `/contracts/${contractId}/documents`, 'supply.pdf', first);
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json() as Document;

    const download = await call(h, admin, 'GET', `/documents/${doc.id}/content`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(first)).toBe(true);
    const range = await h.app.inject({
      method: 'GET',
      url: `/api/v1/documents/${doc.id}/content`,
      headers: { cookie: admin.cookie!, range: 'bytes=10-99' },
    });
    expect(range.statusCode).toBe(206);
    expect(range.rawPayload.equals(first.subarray(10, 100))).toBe(true);

    const second = pdfWithText([`${SENTENCE} Amended.`]);
    const added = await uploadDocument(h, admin, `/documents/${doc.id}/versions`, 'supply-v2.pdf', second);
    expect(added.statusCode, added.body).toBe(201);
    const v1 = await call(h, admin, 'GET', `/documents/${doc.id}/content?version=1`);
    expect(v1.rawPayload.equals(first)).toBe(true);
    expect((await call(h, admin, 'GET', `/documents/${doc.id}/content`)).rawPayload.equals(second)).toBe(true);

    const blobs = await stored();
    expect(blobs).toHaveLength(2);
    for (const blob of blobs) {
      expect(blob.includes(Buffer.from('The supplier shall'))).toBe(false);
      expect(blob.includes(Buffer.from('%PDF'))).toBe(false);
    }

    expect((await call(h, admin, 'DELETE', `/documents/${doc.id}`)).statusCode).toBe(204);
    const counts = await purgeDocuments(h.app.deps, admin.me.org.id, new Date(Date.now() + 31 * DAY_MS));
    expect(counts).toMatchObject({ purged: 1, blobsDeleted: 2, blobsFailed: 0 });
    expect(await stored()).toEqual([]);
  });
});
