import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type SearchHit, searchResult } from '../../../common/schemas/documents.js';
import { api } from './client.js';

export type { SearchHit };

/** Contracts and documents matching `q` that the caller may see; asks nothing for an empty query. */
export function useSearch(q: string, limit: number) {
  const query = q.trim();
  return useQuery({
    queryKey: ['search', query, limit],
    queryFn: async () => (await api.get('/search', searchResult, { q: query, limit })).items,
    enabled: query.length > 0,
    // The earlier word's results stay while the next one's are on their way.
    placeholderData: keepPreviousData,
  });
}
