import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../db/client.js';
import { fieldSearchCondition } from '../contracts/contracts.list.repo.js';
import { inScopes, scopesOf } from '../documents/documents.text.repo.js';

/** What a caller may see: business units ('all' for administrators) and whether the inbox too. */
export interface Visibility {
  units: string[] | 'all';
  inbox: boolean;
}

/**
 * Matches ranked, at most: a frequent word can match most pages of a large org, and ranking
 * reads every matched search document, so the ranking looks at the first this many visible
 * matches and the rest are not ranked (docs/api.md, "Search").
 */
const CANDIDATES = 200;
/** Matched pages of a document whose text is shown. */
const PAGES_PER_DOCUMENT = 3;

/** The units as scopes: null (everywhere) for 'all'. */
const unitsOnly = (units: string[] | 'all') => (units === 'all' ? null : units);

export interface ContractHit {
  id: string;
  title: string;
  contractNumber: string | null;
  description: string | null;
  partnerName: string | null;
}

/**
 * Live contracts in visible units whose title, number, description or partner match `fields` (a
 * tsquery as text, from resolveSearch), best first.
 */
export async function contractHits(
  tx: Tx,
  orgId: string,
  fields: string,
  opts: { units: string[] | 'all'; limit: number },
): Promise<ContractHit[]> {
  const result = await tx.execute(sql`
    WITH matched AS (
      SELECT contracts.id, ts_rank(contracts.search, ${fields}::tsquery) AS rank
      FROM contracts
      WHERE contracts.org_id = ${orgId} AND contracts.deleted_at IS NULL
        AND ${inScopes(sql`contracts.business_unit_id`, unitsOnly(opts.units))} AND ${fieldSearchCondition(orgId, fields)}
      LIMIT ${CANDIDATES}
    )
    SELECT c.id, c.title, c.contract_number, c.description, p.name AS partner_name
    FROM matched m
    JOIN contracts c ON c.org_id = ${orgId} AND c.id = m.id
    LEFT JOIN partners p ON p.org_id = c.org_id AND p.id = c.partner_id
    ORDER BY m.rank DESC, c.title, c.id
    LIMIT ${opts.limit}`);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    id: r.id as string,
    title: r.title as string,
    contractNumber: (r.contract_number as string | null) ?? null,
    description: (r.description as string | null) ?? null,
    partnerName: (r.partner_name as string | null) ?? null,
  }));
}

export interface DocumentHit {
  documentId: string;
  contractId: string | null;
  contractTitle: string | null;
  /** The document's sealed name and its data key. */
  name: Buffer;
  documentKey: { dataKey: Buffer; orgKeyVersion: number };
  versionId: string;
  version: number;
  mimeType: string;
  versionKey: { dataKey: Buffer; orgKeyVersion: number };
  /** The best-matching pages, best first. */
  pages: number[];
}

const bytes = (value: unknown): Buffer => (Buffer.isBuffer(value) ? value : Buffer.from(value as Uint8Array));

/**
 * Live documents the caller may see whose current version's text matches `textQuery` (from
 * resolveSearch), best first, each with its best pages. The ranking stays in SQL on the
 * search documents; nothing is decrypted here.
 */
export async function documentHits(
  tx: Tx,
  orgId: string,
  textQuery: string,
  opts: Visibility & { limit: number },
): Promise<DocumentHit[]> {
  const query = sql`${textQuery}::tsquery`;
  const visible = sql`((d.contract_id IS NULL AND ${opts.inbox ? sql`true` : sql`false`})
    OR (d.contract_id IS NOT NULL AND c.deleted_at IS NULL AND ${inScopes(sql`c.business_unit_id`, unitsOnly(opts.units))}))`;
  const result = await tx.execute(sql`
    WITH matched AS (
      SELECT t.version_id, t.page, ts_rank(t.search, ${query}) AS rank
      FROM document_text t
      -- LATERAL with OFFSET 0 is a fence: the text index leads and LIMIT stops it early, whatever
      -- the planner guesses of the visibility rule's selectivity.
      CROSS JOIN LATERAL (
        SELECT 1 FROM document_versions v
        JOIN documents d ON d.org_id = v.org_id AND d.id = v.document_id AND d.current_version = v.number
        LEFT JOIN contracts c ON c.org_id = d.org_id AND c.id = d.contract_id
        WHERE v.org_id = t.org_id AND v.id = t.version_id AND d.deleted_at IS NULL AND ${visible}
        OFFSET 0
      ) seen
      WHERE t.org_id = ${orgId} AND ${inScopes(sql`t.scope`, scopesOf(orgId, opts.units, opts.inbox))}
        AND t.search @@ ${query}
      LIMIT ${CANDIDATES}
    ), best AS (
      SELECT version_id, max(rank) AS rank,
             (array_agg(page ORDER BY rank DESC, page))[1:${sql.raw(String(PAGES_PER_DOCUMENT))}] AS pages
      FROM matched GROUP BY version_id
      ORDER BY max(rank) DESC, version_id
      LIMIT ${opts.limit}
    )
    SELECT b.version_id, b.pages, v.number, v.mime_type, v.data_key AS version_key,
           v.org_key_version AS version_org_key, d.id AS document_id, d.contract_id, d.name, d.data_key AS document_key,
           d.org_key_version AS document_org_key, c.title AS contract_title
    FROM best b
    JOIN document_versions v ON v.org_id = ${orgId} AND v.id = b.version_id
    JOIN documents d ON d.org_id = v.org_id AND d.id = v.document_id
    LEFT JOIN contracts c ON c.org_id = d.org_id AND c.id = d.contract_id
    ORDER BY b.rank DESC, b.version_id`);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    documentId: r.document_id as string,
    contractId: (r.contract_id as string | null) ?? null,
    contractTitle: (r.contract_title as string | null) ?? null,
    name: bytes(r.name),
    documentKey: { dataKey: bytes(r.document_key), orgKeyVersion: Number(r.document_org_key) },
    versionId: r.version_id as string,
    version: Number(r.number),
    mimeType: r.mime_type as string,
    versionKey: { dataKey: bytes(r.version_key), orgKeyVersion: Number(r.version_org_key) },
    pages: (r.pages as (number | string)[]).map(Number),
  }));
}
