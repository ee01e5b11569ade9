import type { SearchHit } from '../../../common/schemas/documents.js';
import { resolveSearch } from '../../db/text-search.js';
import type { Ctx } from '../../platform/context.js';
import { abilitiesOf, readableUnits } from '../access/access.policy.js';
import { documentContext, openField, rowKeyOpener, versionContext } from '../documents/documents.keys.js';
import { sealedPages } from '../documents/documents.text.repo.js';
import { type TextKind, textKind } from '../documents/text/text-kinds.js';
import * as repo from './search.repo.js';
import { excerpt, matchKeys } from './snippets.js';

/** Words of a search used, at most: each is a prefix scan of the index. */
const MAX_WORDS = 10;
/** Formats whose pages are worth naming: PDF pages, slides, the pages of a scanned image. */
const PAGED = new Set<TextKind>(['pdf', 'pptx', 'image']);

const firstWords = (q: string) => q.split(/\s+/).filter(Boolean).slice(0, MAX_WORDS).join(' ');

function contractHit(row: repo.ContractHit, keys: string[]): SearchHit {
  const fields = [row.description, row.partnerName, row.contractNumber];
  const snippets = fields.flatMap((text) => {
    const parts = text ? excerpt(text, keys) : null;
    return parts ? [{ parts, page: null }] : [];
  });
  return {
    kind: 'contract',
    contractId: row.id,
    contractTitle: row.title,
    documentId: null,
    version: null,
    title: row.title,
    snippets,
  };
}

/** Opens the names and matched pages of the document hits (only those) and marks the matches. */
async function documentResults(ctx: Ctx, keys: string[], hits: repo.DocumentHit[]): Promise<SearchHit[]> {
  const open = rowKeyOpener(ctx);
  const sealed = await sealedPages(
    ctx.tx,
    ctx.orgId,
    hits.flatMap((h) => h.pages.map((page) => ({ versionId: h.versionId, page }))),
  );
  const out: SearchHit[] = [];
  for (const hit of hits) {
    const docContext = documentContext(ctx.orgId, hit.documentId);
    const name = openField(await open(hit.documentKey, docContext), docContext, 'name', hit.name);
    const context = versionContext(ctx.orgId, hit.versionId);
    const key = await open(hit.versionKey, context);
    const paged = PAGED.has(textKind(hit.mimeType));
    const snippets = hit.pages.flatMap((page) => {
      const row = sealed.find((s) => s.versionId === hit.versionId && s.page === page);
      if (!row) return [];
      const text = openField(key, context, `text/${page}`, row.text);
      // A page matched by stem may have no word our simpler marking recognises: its start stands in.
      const parts = excerpt(text, keys) ?? [`${text.replace(/\s+/g, ' ').trim().slice(0, 200)}…`];
      return [{ parts, page: paged ? page : null }];
    });
    out.push({
      kind: 'document',
      contractId: hit.contractId,
      contractTitle: hit.contractTitle,
      documentId: hit.documentId,
      version: hit.version,
      title: name,
      snippets,
    });
  }
  return out;
}

/** How many of each kind a page of `limit` shows: half each, or more of one when the other has fewer. */
function shares(contracts: number, documents: number, limit: number): [number, number] {
  const c = Math.min(contracts, Math.max(Math.ceil(limit / 2), limit - documents));
  return [c, Math.min(documents, limit - c)];
}

/**
 * Contracts (title, number, description, partner) and documents (their text) the caller may see,
 * each kind best first, with highlighted excerpts; contracts come first.
 */
export async function search(ctx: Ctx, input: { q: string; limit: number }): Promise<SearchHit[]> {
  const q = firstWords(input.q);
  const units = readableUnits(ctx.actor);
  const inbox = abilitiesOf(ctx.actor).createContracts;
  const resolved = await resolveSearch(ctx.tx, q);
  const contracts = await repo.contractHits(ctx.tx, ctx.orgId, resolved.fields, { units, limit: input.limit });
  const documents = resolved.query
    ? await repo.documentHits(ctx.tx, ctx.orgId, resolved.query, { units, inbox, limit: input.limit })
    : [];
  const [c, d] = shares(contracts.length, documents.length, input.limit);
  return [
    ...contracts.slice(0, c).map((row) => contractHit(row, matchKeys(q))),
    ...(await documentResults(ctx, matchKeys(q, resolved.stems), documents.slice(0, d))),
  ];
}
