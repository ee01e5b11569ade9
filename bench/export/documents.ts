import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import pg from 'pg';
import type { Database } from '../../server/db/client.js';
import { withClaims } from '../../server/db/tx.js';
import {
  blobContext,
  blobName,
  documentContext,
  sealField,
  versionContext,
} from '../../server/features/documents/documents.keys.js';
import type { Keyring, VersionedKey } from '../../server/platform/crypto/keyring.js';
import { sealBuffer } from '../../server/platform/crypto/seal.js';
import { activeOrgKey, newDataKey } from '../../server/platform/keys/org-keys.js';
import type { BlobStore } from '../../server/platform/storage/blob-store.js';

/** Documents per transaction and per round of blob writes. */
const BATCH = 200;
/** Blob writes (each fsynced by the store) in flight at once. */
const PARALLEL = 8;
/** Every tenth document has a second version, so the export writes "older versions/" too. */
const versionsOf = (n: number) => (n % 10 === 0 ? 2 : 1);

export interface SeededDocuments {
  documents: number;
  files: number;
  bytes: number;
  /** The plaintext of every version, one file each: what the raw floor zips. */
  plainFiles: string[];
}

interface Org {
  id: string;
  userId: string;
  key: VersionedKey;
  contracts: string[];
}

/**
 * Incompressible bytes (stored documents are mostly compressed PDFs) with a PDF header; sizes spread
 * from half to one and a half times the mean, the same for the same n.
 */
function content(n: number, version: number, mean: number): Buffer {
  const size = Math.max(64, Math.round(mean * (0.5 + ((n * 7919 + version * 104729) % 1000) / 1000)));
  const bytes = randomBytes(size);
  bytes.write('%PDF-1.7\n', 0, 'latin1');
  return bytes;
}

async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/**
 * One batch as the app stores an upload: a data key per document (its sealed name) and per version,
 * both wrapped under the org key; each version's bytes sealed under its key into the blob store by the
 * store's own put, its size, sealed size and SHA-256 recorded; the plaintext also written to `plainDir`.
 */
async function insertBatch(
  client: pg.Client,
  store: BlobStore,
  org: Org,
  from: number,
  to: number,
  mean: number,
  plainDir: string,
) {
  const docs = {
    id: [] as string[],
    contract: [] as string[],
    key: [] as Buffer[],
    name: [] as Buffer[],
    current: [] as number[],
  };
  const versions = {
    id: [] as string[],
    document: [] as string[],
    number: [] as number[],
    key: [] as Buffer[],
    size: [] as number[],
    sealed: [] as number[],
    sha256: [] as string[],
  };
  const writes: { name: string; sealed: Buffer; plain: Buffer; file: string }[] = [];
  for (let n = from; n < to; n++) {
    const documentId = randomUUID();
    const dContext = documentContext(org.id, documentId);
    const dKey = newDataKey(org.key, dContext);
    docs.id.push(documentId);
    docs.contract.push(org.contracts[n % org.contracts.length]!);
    docs.key.push(dKey.wrapped);
    docs.name.push(sealField(dKey.key, dContext, 'name', `Signed contract ${n + 1}.pdf`));
    docs.current.push(versionsOf(n));
    for (let v = 1; v <= versionsOf(n); v++) {
      const versionId = randomUUID();
      const vKey = newDataKey(org.key, versionContext(org.id, versionId));
      const plain = content(n, v, mean);
      const sealed = sealBuffer(vKey.key, blobContext(org.id, versionId), plain);
      versions.id.push(versionId);
      versions.document.push(documentId);
      versions.number.push(v);
      versions.key.push(vKey.wrapped);
      versions.size.push(plain.length);
      versions.sealed.push(sealed.length);
      versions.sha256.push(createHash('sha256').update(plain).digest('hex'));
      writes.push({
        name: blobName(org.id, versionId),
        sealed,
        plain,
        file: path.join(plainDir, `${n + 1}-v${v}.pdf`),
      });
    }
  }
  await inParallel(writes, PARALLEL, async (w) => {
    await store.put(w.name, Readable.from([w.sealed]));
    await writeFile(w.file, w.plain);
  });
  await client.query('begin');
  await client.query(
    `insert into documents (org_id, id, kind, contract_id, data_key, org_key_version, name, current_version, created_by, source)
     select $1, x.id, 'file', x.contract, x.key, $7, x.name, x.current, $8, 'upload'
     from unnest($2::uuid[], $3::uuid[], $4::bytea[], $5::bytea[], $6::int[]) x(id, contract, key, name, current)`,
    [org.id, docs.id, docs.contract, docs.key, docs.name, docs.current, org.key.version, org.userId],
  );
  await client.query(
    `insert into document_versions (org_id, id, document_id, number, blob_name, size, sealed_size, sha256, mime_type,
       data_key, org_key_version, uploaded_by, text_status)
     select $1::uuid, x.id, x.document, x.number, 'orgs/' || $1::uuid || '/' || x.id, x.size, x.sealed, x.sha256,
       'application/pdf', x.key, $9, $10, 'no_text'
     from unnest($2::uuid[], $3::uuid[], $4::int[], $5::bytea[], $6::bigint[], $7::bigint[], $8::text[])
       x(id, document, number, key, size, sealed, sha256)`,
    [
      org.id,
      versions.id,
      versions.document,
      versions.number,
      versions.key,
      versions.size,
      versions.sealed,
      versions.sha256,
      org.key.version,
      org.userId,
    ],
  );
  await client.query('commit');
  return {
    files: writes.length,
    bytes: versions.size.reduce((a, b) => a + b, 0),
    plainFiles: writes.map((w) => w.file),
  };
}

/**
 * `count` documents of about `totalBytes` together on the org's contracts, straight into the
 * database (as the superuser) and the blob store, sealed exactly as an upload seals them, so the
 * export opens and checks them as usual.
 */
export async function seedDocuments(
  opts: {
    url: string;
    database: Database;
    keyring: Keyring;
    store: BlobStore;
    orgId: string;
    userId: string;
    count: number;
    totalBytes: number;
    plainDir: string;
  },
  log: (line: string) => void,
): Promise<SeededDocuments> {
  const started = Date.now();
  const client = new pg.Client({ connectionString: opts.url });
  await client.connect();
  try {
    await client.query('set synchronous_commit = off');
    const key = await withClaims(opts.database.db, { orgId: opts.orgId }, (tx) =>
      activeOrgKey(tx, opts.keyring, opts.orgId),
    );
    const contracts = (
      await client.query('select id from contracts where org_id = $1 and deleted_at is null order by id limit $2', [
        opts.orgId,
        opts.count,
      ])
    ).rows.map((r) => r.id as string);
    const org: Org = { id: opts.orgId, userId: opts.userId, key, contracts };
    let files = 0;
    for (let n = 0; n < opts.count; n++) files += versionsOf(n);
    const mean = opts.totalBytes / files;
    const seeded: SeededDocuments = { documents: opts.count, files: 0, bytes: 0, plainFiles: [] };
    for (let from = 0; from < opts.count; from += BATCH) {
      const batch = await insertBatch(
        client,
        opts.store,
        org,
        from,
        Math.min(opts.count, from + BATCH),
        mean,
        opts.plainDir,
      );
      seeded.files += batch.files;
      seeded.bytes += batch.bytes;
      seeded.plainFiles.push(...batch.plainFiles);
      if ((from + BATCH) % 2000 === 0)
        log(`  ${from + BATCH} documents, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    await client.query('vacuum analyze documents, document_versions');
    log(
      `  seeded ${seeded.documents} documents, ${seeded.files} files, ${(seeded.bytes / 2 ** 20).toFixed(0)} MiB in ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
    return seeded;
  } finally {
    await client.end();
  }
}
