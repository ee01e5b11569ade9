import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../../server/db/client.js';
import { withClaims } from '../../server/db/tx.js';
import { documentContext, sealField, versionContext } from '../../server/features/documents/documents.keys.js';
import type { Keyring, VersionedKey } from '../../server/platform/crypto/keyring.js';
import { activeOrgKey, newDataKey } from '../../server/platform/keys/org-keys.js';
import { currentMarker } from '../pg-admin.js';
import { type GeneratedDocument, generateDocument, PARTNERS } from './text.js';

/** Bump when the seeded data changes shape, so an old bench database is seeded again. */
export const SEED_VERSION = 2;
export const DOCUMENTS = 100_000;
/** Documents per batch: one transaction, each on one of two connections (the machine has 2 cores). */
const BATCH = 500;
const WORKERS = 2;
const UNITS = ['Sales', 'Procurement', 'IT', 'Facilities'];

/** What a later run needs to use a seeded database: the org, its administrator and the server's keys. */
export interface Marker {
  version: number;
  migrations: number;
  org_id: string;
  email: string;
  password: string;
  master_keys: string;
  secret_key: string;
  seconds: number;
}

/** The marker of a complete seed made by this version on the current migrations, or null. */
export const completeSeed = (url: string) => currentMarker<Marker>(url, 'bench.search_marker', SEED_VERSION);

export async function writeMarker(url: string, marker: Marker) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create schema if not exists bench; drop table if exists bench.search_marker;
      create table bench.search_marker (version int, migrations int, org_id uuid, email text, password text,
        master_keys text, secret_key text, seconds int)`);
    await client.query('insert into bench.search_marker values ($1, $2, $3, $4, $5, $6, $7, $8)', [
      marker.version,
      marker.migrations,
      marker.org_id,
      marker.email,
      marker.password,
      marker.master_keys,
      marker.secret_key,
      marker.seconds,
    ]);
  } finally {
    await client.end();
  }
}

interface Org {
  id: string;
  userId: string;
  key: VersionedKey;
  units: string[];
  /** A contract made through the API: every seeded contract copies its lifecycle and stored dates. */
  templateContractId: string;
}

/**
 * Rows of one batch as arrays for `unnest`: contracts named after their documents' text, one live
 * document each, its first version extracted, its pages sealed under the version's own data key
 * exactly as the text job seals them (documents.text.jobs.ts), so search opens them as usual.
 */
function batchRows(org: Org, from: number, to: number) {
  const contracts = { id: [] as string[], title: [] as string[], partner: [] as string[], unit: [] as string[] };
  const docs = { id: [] as string[], contract: [] as string[], key: [] as Buffer[], name: [] as Buffer[] };
  const versions = { id: [] as string[], document: [] as string[], key: [] as Buffer[] };
  const pages = { version: [] as string[], page: [] as number[], scope: [] as string[], sealed: [] as Buffer[] };
  const text: string[] = [];
  for (let n = from; n < to; n++) {
    const doc: GeneratedDocument = generateDocument(n);
    const contractId = randomUUID();
    const documentId = randomUUID();
    const versionId = randomUUID();
    const unit = org.units[n % org.units.length]!;
    contracts.id.push(contractId);
    contracts.title.push(`${doc.title} ${doc.partner}`);
    contracts.partner.push(doc.partner);
    contracts.unit.push(unit);
    const dContext = documentContext(org.id, documentId);
    const dKey = newDataKey(org.key, dContext);
    docs.id.push(documentId);
    docs.contract.push(contractId);
    docs.key.push(dKey.wrapped);
    docs.name.push(sealField(dKey.key, dContext, 'name', doc.name));
    const vContext = versionContext(org.id, versionId);
    const vKey = newDataKey(org.key, vContext);
    versions.id.push(versionId);
    versions.document.push(documentId);
    versions.key.push(vKey.wrapped);
    doc.pages.forEach((page, i) => {
      pages.version.push(versionId);
      pages.page.push(i + 1);
      pages.scope.push(unit);
      pages.sealed.push(sealField(vKey.key, vContext, `text/${i + 1}`, page));
      text.push(page);
    });
  }
  return { contracts, docs, versions, pages, text };
}

async function insertBatch(client: pg.Client, org: Org, columns: string[], from: number, to: number) {
  const b = batchRows(org, from, to);
  const replaced: Record<string, string> = {
    id: 'x.id',
    title: 'x.title',
    contract_number: `'B-' || to_char(${from} + x.n, 'FM000000')`,
    partner_id: 'p.id',
    business_unit_id: 'x.unit',
    created_at: `now() - (${from} + x.n) * interval '1 minute'`,
    updated_at: 'now()',
  };
  await client.query('begin');
  await client.query(
    `insert into contracts (${columns.join(', ')})
     select ${columns.map((c) => replaced[c] ?? `t.${c}`).join(', ')}
     from contracts t
     cross join unnest($2::uuid[], $3::text[], $4::text[], $5::uuid[]) with ordinality x(id, title, partner, unit, n)
     left join partners p on p.org_id = t.org_id and p.name = x.partner
     where t.org_id = $1 and t.id = $6`,
    [org.id, b.contracts.id, b.contracts.title, b.contracts.partner, b.contracts.unit, org.templateContractId],
  );
  await client.query(
    `insert into documents (org_id, id, kind, contract_id, data_key, org_key_version, name, current_version, created_by, source)
     select $1, x.id, 'file', x.contract, x.key, $6, x.name, 1, $7, 'upload'
     from unnest($2::uuid[], $3::uuid[], $4::bytea[], $5::bytea[]) x(id, contract, key, name)`,
    [org.id, b.docs.id, b.docs.contract, b.docs.key, b.docs.name, org.key.version, org.userId],
  );
  await client.query(
    `insert into document_versions (org_id, id, document_id, number, blob_name, size, sealed_size, sha256, mime_type,
       data_key, org_key_version, uploaded_by, text_status, text_attempts)
     select $1::uuid, x.id, x.document, 1, 'orgs/' || $1::uuid || '/' || x.id, 180000 + x.n * 7 % 90000, 180000 + x.n * 7 % 90000 + 64,
       md5(x.id::text) || md5(x.document::text), 'application/pdf', x.key, $5, $6, 'extracted', 1
     from unnest($2::uuid[], $3::uuid[], $4::bytea[]) with ordinality x(id, document, key, n)`,
    [org.id, b.versions.id, b.versions.document, b.versions.key, org.key.version, org.userId],
  );
  // The search document as documentVector (server/db/text-search.ts) makes it from the plaintext.
  await client.query(
    `insert into document_text (org_id, version_id, page, scope, text, search)
     select $1, x.version, x.page, x.scope, x.sealed, to_tsvector('deedbox_en', x.t) || to_tsvector('deedbox_de', x.t)
     from unnest($2::uuid[], $3::int[], $4::uuid[], $5::bytea[], $6::text[]) x(version, page, scope, sealed, t)`,
    [org.id, b.pages.version, b.pages.page, b.pages.scope, b.pages.sealed, b.text],
  );
  await client.query('commit');
  return b.pages.page.length;
}

type Log = (line: string) => void;

/**
 * Fills the bench database (migrated, the org signed up and one contract made through the API) in
 * SQL as the superuser: 4 more business units, the partners the text names, and DOCUMENTS contracts,
 * each with one document of 2-5 pages of generated text. The text index is built after the rows.
 */
export async function seed(
  url: string,
  database: Database,
  keyring: Keyring,
  who: { orgId: string; userId: string; templateContractId: string },
  log: Log,
) {
  const started = Date.now();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const key = await withClaims(database.db, { orgId: who.orgId }, (tx) => activeOrgKey(tx, keyring, who.orgId));
    await admin.query(
      `insert into business_units (org_id, id, name) select $1, gen_random_uuid(), unnest($2::text[])`,
      [who.orgId, UNITS],
    );
    const units = (
      await admin.query('select id from business_units where org_id = $1 order by is_default desc, name', [who.orgId])
    ).rows.map((r) => r.id as string);
    await admin.query(
      `insert into partners (org_id, id, name, type) select $1, gen_random_uuid(), name, 'supplier' from unnest($2::text[]) name`,
      [who.orgId, PARTNERS],
    );
    const columns = (
      await admin.query(
        `select column_name from information_schema.columns
         where table_schema = 'public' and table_name = 'contracts' and is_generated = 'NEVER' order by ordinal_position`,
      )
    ).rows.map((r) => r.column_name as string);
    // The text indexes are built after the load (contract_text is filled by the page inserts' trigger).
    const textIndexes = (
      await admin.query(
        `select indexname, indexdef from pg_indexes where indexname in ('document_text_search_idx', 'contract_text_search_idx')`,
      )
    ).rows as { indexname: string; indexdef: string }[];
    for (const i of textIndexes) await admin.query(`drop index ${i.indexname}`);
    // contract_text is filled after the load as migration 0025 fills it, contract by contract
    // (the page trigger's refresh per batch made the load about twice as long).
    await admin.query('alter table document_text disable trigger contract_text_pages_stored');
    const org: Org = { id: who.orgId, userId: who.userId, key, units, templateContractId: who.templateContractId };
    let next = 0;
    let pages = 0;
    const worker = async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query('set synchronous_commit = off');
      try {
        while (next < DOCUMENTS) {
          const from = next;
          const to = Math.min(DOCUMENTS, from + BATCH);
          next = to;
          const inserted = await insertBatch(client, org, columns, from, to);
          pages += inserted;
          if (to % 10_000 === 0)
            log(`  ${to} documents, ${pages} pages, ${((Date.now() - started) / 1000).toFixed(0)} s`);
        }
      } finally {
        await client.end();
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, worker));
    await admin.query('delete from contracts where org_id = $1 and id = $2', [who.orgId, who.templateContractId]);
    await admin.query('alter table document_text enable trigger contract_text_pages_stored');
    const merging = Date.now();
    await admin.query(
      `select count(refresh_contract_text($1, c.contract_id))
       from (select distinct contract_id from documents where org_id = $1 and contract_id is not null order by contract_id) c`,
      [who.orgId],
    );
    log(
      `  contract_text: ${DOCUMENTS} contracts merged in ${((Date.now() - merging) / 1000).toFixed(0)} s (as migration 0025 does)`,
    );
    await admin.query(`set maintenance_work_mem = '512MB'`);
    for (const i of textIndexes) {
      log(`  text index ${i.indexname} (${i.indexdef.replace(/^.* USING /, 'USING ')})`);
      await admin.query(i.indexdef);
    }
    log('  vacuum analyze');
    await admin.query('vacuum analyze contracts, partners, documents, document_versions, document_text, contract_text');
    const seconds = Math.round((Date.now() - started) / 1000);
    log(`  seeded ${DOCUMENTS} documents, ${pages} pages in ${seconds} s`);
    return seconds;
  } finally {
    await admin.end();
  }
}
