import type { SearchHit } from '../../api/use-search.js';

/** Where a result leads: its contract (a document's: the contract's documents), or an inbox document's preview. */
export function hitPath(hit: SearchHit): string {
  if (hit.kind === 'contract' || hit.contractId === null) {
    return hit.contractId ? `/contracts/${hit.contractId}` : pagePath(hit, null);
  }
  return `/contracts/${hit.contractId}?tab=documents`;
}

/** A document result's preview, opened at the page the excerpt comes from. */
export function pagePath(hit: SearchHit, page: number | null): string {
  const query = new URLSearchParams();
  if (hit.version !== null) query.set('version', String(hit.version));
  if (page !== null) query.set('page', String(page));
  const search = query.toString();
  return `/documents/${hit.documentId}/preview${search ? `?${search}` : ''}`;
}

/** The full results page for a query. */
export const resultsPath = (q: string) => `/search?${new URLSearchParams({ q: q.trim() })}`;
