import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../api/use-search.js';
import { hitPath, pagePath, resultsPath } from './search-paths.js';

const CONTRACT = '0b4f5f3e-6c4e-4a8e-9d6f-1f2b3c4d5e6f';
const DOCUMENT = '7a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const hit = (over: Partial<SearchHit>): SearchHit => ({
  kind: 'document',
  contractId: CONTRACT,
  contractTitle: 'Lease',
  documentId: DOCUMENT,
  version: 2,
  title: 'Lease.pdf',
  snippets: [],
  ...over,
});

describe('where a search result leads', () => {
  it('a contract to the contract, a document to its contract’s documents', () => {
    expect(hitPath(hit({ kind: 'contract', documentId: null, version: null }))).toBe(`/contracts/${CONTRACT}`);
    expect(hitPath(hit({}))).toBe(`/contracts/${CONTRACT}?tab=documents`);
  });

  it('a document in the inbox, which has no contract, to its preview', () => {
    expect(hitPath(hit({ contractId: null, contractTitle: null }))).toBe(`/documents/${DOCUMENT}/preview?version=2`);
  });

  it('an excerpt to the preview at its page', () => {
    expect(pagePath(hit({}), 3)).toBe(`/documents/${DOCUMENT}/preview?version=2&page=3`);
  });

  it('the results page carries the query, encoded', () => {
    expect(resultsPath(' rent & lease ')).toBe('/search?q=rent+%26+lease');
  });
});
