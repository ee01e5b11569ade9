import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiKey, apiKeyCreated, type apiKeyInput } from '../../../common/schemas/org.js';
import { api } from './client.js';
import { apiKeysKey } from './keys.js';
import { fetchPage, pagingOptions } from './paging.js';

export type ApiKey = z.output<typeof apiKey>;

export function useApiKeys() {
  return useInfiniteQuery({
    queryKey: apiKeysKey,
    queryFn: ({ pageParam }) => fetchPage('/api-keys', apiKey, {}, pageParam),
    ...pagingOptions,
  });
}

export function useCreateApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: z.output<typeof apiKeyInput>) => api.post('/api-keys', input, apiKeyCreated),
    onSuccess: () => client.invalidateQueries({ queryKey: apiKeysKey }),
  });
}

export function useRevokeApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api-keys/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: apiKeysKey }),
  });
}
