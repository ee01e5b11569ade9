import { type SQL, sql } from 'drizzle-orm';
import { rowsOf, type Tx } from './client.js';

/**
 * A search as to_tsquery input: the words PostgreSQL's own parser finds in it (so a query is cut
 * where the documents are), each quoted and, from `prefixFrom` characters on, a prefix
 * ("leas" finds "Lease"), all required. Empty when the search has no words.
 */
function prefixTerms(q: string, prefixFrom: number): SQL {
  return sql`(select coalesce(string_agg('''' || replace(replace(lexeme, '\\', '\\\\'), '''', '''''') || ''''
      || case when length(lexeme) >= ${prefixFrom}::int then ':*' else '' end, ' & '), '')
    from unnest(to_tsvector('simple', ${q})))`;
}

/** What the contract grid and partner names match: their `search` columns use the 'simple' configuration. */
function simpleQuery(q: string): SQL {
  return sql`to_tsquery('simple', ${prefixTerms(q, 1)})`;
}

/** Shorter words are matched whole in document text: a one-letter prefix would match most of it. */
const DOCUMENT_PREFIX_FROM = 3;

/** A search as the two kinds of index see it, each a tsquery as text (resolveSearch). */
export interface ResolvedSearch {
  /** What contract fields and partner names match (simpleQuery). */
  fields: string;
  /** What document text matches; empty when the search has no words for it. */
  query: string;
  /** The stems of the search's words, for marking matches (search/snippets.ts). */
  stems: string[];
}

/**
 * A search resolved in a query of its own, so that the statements using it are planned with the
 * real terms: as a subquery the planner cannot tell a rare word from a common one, and a search
 * capped by LIMIT then scans every contract. Document text matches the words stemmed as English or
 * as German, accents removed (migration 0024), either reading matching.
 */
export async function resolveSearch(tx: Tx, q: string): Promise<ResolvedSearch> {
  const terms = prefixTerms(q, DOCUMENT_PREFIX_FROM);
  const result = await tx.execute(sql`
    SELECT ${simpleQuery(q)}::text AS fields,
           (to_tsquery('deedbox_en', ${terms}) || to_tsquery('deedbox_de', ${terms}))::text AS query,
           array(SELECT lexeme FROM unnest(to_tsvector('deedbox_en', ${q}) || to_tsvector('deedbox_de', ${q}))) AS stems`);
  const [row] = rowsOf<ResolvedSearch>(result);
  return { fields: row?.fields ?? '', query: row?.query ?? '', stems: row?.stems ?? [] };
}

/** The search document of a page of text: its English and its German stems, accents removed. */
export function documentVector(text: string): SQL {
  return sql`(select to_tsvector('deedbox_en', t) || to_tsvector('deedbox_de', t) from (select ${text}::text as t) s)`;
}
