import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { TextStatus } from '../../../common/schemas/documents.js';
import { rowsOf, type Tx } from '../../db/client.js';
import { contracts, contractText, documents, documentText, documentVersions } from '../../db/schema/index.js';
import { documentVector } from '../../db/text-search.js';

/** A version claimed for text extraction, with what opening its blob needs. */
export interface ClaimedVersion {
  id: string;
  documentId: string;
  blobName: string;
  size: number;
  sealedSize: number;
  mimeType: string;
  dataKey: Buffer;
  orgKeyVersion: number;
  /** This claim's attempt, counted from 1. */
  attempts: number;
}

const bytes = (value: unknown): Buffer => (Buffer.isBuffer(value) ? value : Buffer.from(value as Uint8Array));

/**
 * Claims up to `limit` pending versions whose turn has come (text_after null or past) and that
 * have attempts left: counts the attempt and leases them until `leaseUntil`, in one statement.
 * SKIP LOCKED lets several workers claim side by side; a worker that dies leaves its versions
 * to be claimed again once the lease has run out.
 */
export async function claim(
  tx: Tx,
  orgId: string,
  opts: { now: Date; leaseUntil: Date; limit: number; maxAttempts: number },
): Promise<ClaimedVersion[]> {
  const result = await tx.execute(sql`
    UPDATE document_versions v SET text_attempts = v.text_attempts + 1, text_after = ${opts.leaseUntil}
    WHERE v.org_id = ${orgId} AND v.id IN (
      SELECT id FROM document_versions
      WHERE org_id = ${orgId} AND text_status = 'pending' AND text_attempts < ${opts.maxAttempts}
        AND (text_after IS NULL OR text_after <= ${opts.now})
      ORDER BY text_after NULLS FIRST, created_at
      LIMIT ${opts.limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING v.id, v.document_id, v.blob_name, v.size, v.sealed_size, v.mime_type, v.data_key, v.org_key_version,
              v.text_attempts`);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    id: r.id as string,
    documentId: r.document_id as string,
    blobName: r.blob_name as string,
    size: Number(r.size),
    sealedSize: Number(r.sealed_size),
    mimeType: r.mime_type as string,
    dataKey: bytes(r.data_key),
    orgKeyVersion: Number(r.org_key_version),
    attempts: Number(r.text_attempts),
  }));
}

/**
 * Versions whose last attempt's lease ran out without an answer (the worker died on the file,
 * perhaps because of it): they have had their tries and are marked failed. Returns how many.
 */
export async function failAbandoned(tx: Tx, orgId: string, now: Date, maxAttempts: number): Promise<number> {
  const result = await tx.execute(sql`
    UPDATE document_versions SET text_status = 'failed', text_after = NULL
    WHERE org_id = ${orgId} AND text_status = 'pending' AND text_attempts >= ${maxAttempts} AND text_after <= ${now}
    RETURNING id`);
  return rowsOf(result).length;
}

/** Locks a claimed version to record its outcome; null when it is gone or another worker has claimed it since. */
export async function lockClaimed(tx: Tx, orgId: string, claimed: ClaimedVersion): Promise<boolean> {
  const [row] = await tx
    .select({ id: documentVersions.id })
    .from(documentVersions)
    .where(
      and(
        eq(documentVersions.orgId, orgId),
        eq(documentVersions.id, claimed.id),
        eq(documentVersions.textStatus, 'pending'),
        eq(documentVersions.textAttempts, claimed.attempts),
      ),
    )
    .for('update');
  return row !== undefined;
}

/**
 * Who may find a version's pages (document_text.scope): its contract's unit, or the org's id in
 * the inbox. The document is locked for share and its contract for (no key) update until the
 * pages are stored, so a concurrent move waits and its trigger then updates them too, and the
 * contract's merged text (refresh_contract_text, which locks the contract the same way) is made
 * by one transaction after the other: a share lock here would let two of them deadlock there.
 */
export async function scopeOf(tx: Tx, orgId: string, documentId: string): Promise<string> {
  const [doc] = await tx
    .select({ contractId: documents.contractId })
    .from(documents)
    .where(and(eq(documents.orgId, orgId), eq(documents.id, documentId)))
    .for('share');
  if (!doc?.contractId) return orgId;
  const [contract] = await tx
    .select({ unit: contracts.businessUnitId })
    .from(contracts)
    .where(and(eq(contracts.orgId, orgId), eq(contracts.id, doc.contractId)))
    .for('no key update');
  return contract?.unit ?? orgId;
}

/** Pages stored by one INSERT (its parameters stay far below PostgreSQL's 65,535). */
const PAGES_PER_INSERT = 500;

/** Replaces a version's pages: each sealed by the caller, its search document made here from the plaintext. */
export async function storePages(
  tx: Tx,
  orgId: string,
  version: { id: string; scope: string },
  pages: { page: number; text: string; sealed: Buffer }[],
): Promise<void> {
  await tx.delete(documentText).where(and(eq(documentText.orgId, orgId), eq(documentText.versionId, version.id)));
  // Many pages a statement: each statement refreshes the contract's merged text (migration 0025).
  for (let from = 0; from < pages.length; from += PAGES_PER_INSERT) {
    const rows = pages
      .slice(from, from + PAGES_PER_INSERT)
      .map(
        (p) =>
          sql`(${orgId}::uuid, ${version.id}::uuid, ${p.page}::int, ${version.scope}::uuid, ${p.sealed}::bytea, ${documentVector(p.text)})`,
      );
    await tx.execute(sql`
      INSERT INTO document_text (org_id, version_id, page, scope, text, search) VALUES ${sql.join(rows, sql`, `)}`);
  }
}

export async function setStatus(
  tx: Tx,
  orgId: string,
  versionId: string,
  set: { status: TextStatus; after: Date | null },
): Promise<void> {
  await tx
    .update(documentVersions)
    .set({ textStatus: set.status, textAfter: set.after })
    .where(and(eq(documentVersions.orgId, orgId), eq(documentVersions.id, versionId)));
}

/** A version's sealed pages, in order. */
export function versionPages(tx: Tx, orgId: string, versionId: string) {
  return tx
    .select({ page: documentText.page, text: documentText.text })
    .from(documentText)
    .where(and(eq(documentText.orgId, orgId), eq(documentText.versionId, versionId)))
    .orderBy(documentText.page);
}

/** The sealed text of these pages. */
export async function sealedPages(tx: Tx, orgId: string, pages: { versionId: string; page: number }[]) {
  if (pages.length === 0) return [];
  const pairs = sql.join(
    pages.map((p) => sql`(${p.versionId}::uuid, ${p.page}::int)`),
    sql`, `,
  );
  return tx
    .select({ versionId: documentText.versionId, page: documentText.page, text: documentText.text })
    .from(documentText)
    .where(and(eq(documentText.orgId, orgId), sql`(${documentText.versionId}, ${documentText.page}) in (${pairs})`));
}

/**
 * Where a search may look (document_text.scope): null for everywhere, else the visible units and,
 * with the inbox, the org's id. Visibility is still checked row by row; this narrows the index scan.
 */
export function scopesOf(orgId: string, units: string[] | 'all', inbox: boolean): string[] | null {
  if (units === 'all') return null;
  return inbox ? [...units, orgId] : units;
}

export const inScopes = (column: SQL, scopes: string[] | null): SQL =>
  scopes === null
    ? sql`true`
    : scopes.length === 0
      ? sql`false`
      : sql`${column} in (${sql.join(
          scopes.map((u) => sql`${u}::uuid`),
          sql`, `,
        )})`;

/**
 * Contracts with a live document whose current version's text matches `query` (a tsquery from
 * resolveSearch): a condition on `contracts` over contract_text, one merged search document per
 * contract (migration 0025), so the planner can walk the grid's sort order and test each
 * contract, or look a rare word up in the index, whichever the word's frequency favours. The
 * caller still filters the contracts by unit and deletion.
 */
export function hasMatchingText(orgId: string, query: string): SQL {
  return sql`exists (select 1 from ${contractText} ct where ct.org_id = ${orgId} and ct.contract_id = ${contracts.id}
    and ct.search @@ ${query}::tsquery)`;
}

/**
 * Runs a statement that matches contract_text with sequential scans off, so that it is read
 * through its GIN index: the planner does not cost detoasting, and for a common word it judges
 * reading and matching every contract's merged search document cheaper than the index (3 s
 * against 30 ms at 100,000 contracts; bench/README.md, "Search"). Local to the transaction, and
 * set back after the statement; a search without document text runs as it is.
 */
export async function textIndexLed<T>(
  tx: Tx,
  search: { query: string } | undefined,
  run: () => PromiseLike<T>,
): Promise<T> {
  if (!search?.query) return run();
  await tx.execute(sql`select set_config('enable_seqscan', 'off', true)`);
  const result = await run();
  await tx.execute(sql`select set_config('enable_seqscan', 'on', true)`);
  return result;
}

/**
 * The contracts whose live documents' text matches `query`, when at most `few` do; null when
 * more do (then the grid tests each contract instead, hasMatchingText).
 */
export async function contractsWithText(tx: Tx, orgId: string, query: string, few: number): Promise<string[] | null> {
  const result = await textIndexLed(tx, { query }, () =>
    tx.execute(sql`select distinct ct.contract_id from ${contractText} ct
      where ct.org_id = ${orgId} and ct.search @@ ${query}::tsquery limit ${few + 1}`),
  );
  const ids = rowsOf<{ contract_id: string }>(result).map((r) => r.contract_id);
  return ids.length > few ? null : ids;
}
