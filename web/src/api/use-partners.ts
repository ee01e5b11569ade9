import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { type partnerInput, partnerOutput, type partnerPatch } from '../../../common/schemas/partners.js';
import { api, apiUrl } from './client.js';
import { contractsKey, partnersKey } from './keys.js';
import { fetchCountedPage, pagingOptions } from './paging.js';

export type Partner = z.output<typeof partnerOutput>;
export type PartnerInput = z.input<typeof partnerInput>;
export type PartnerPatch = z.input<typeof partnerPatch>;
/** `q`, `type` and `cf.<key>` filters, as the list (and its export) take them. */
export type PartnerQuery = Record<string, string | undefined>;

export function usePartners(query: PartnerQuery) {
  return useInfiniteQuery({
    queryKey: [...partnersKey, 'list', query],
    queryFn: ({ pageParam }) => fetchCountedPage('/partners', partnerOutput, query, pageParam),
    ...pagingOptions,
  });
}

/** The export link takes the list's filters and columns, so it downloads exactly the current view. */
export function partnerExportUrl(query: PartnerQuery, format: 'csv' | 'xlsx'): string {
  return apiUrl('/partners/export', { ...query, format });
}

/** One partner; grids show partner names by id, and the cache shares them between rows. */
export function usePartner(id: string | null | undefined) {
  return useQuery({
    queryKey: [...partnersKey, 'one', id],
    queryFn: () => api.get(`/partners/${id}`, partnerOutput),
    enabled: Boolean(id),
    staleTime: 60_000,
  });
}

export function useCreatePartner() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: PartnerInput) => api.post('/partners', input, partnerOutput),
    onSuccess: (partner) => {
      client.setQueryData([...partnersKey, 'one', partner.id], partner);
      void client.invalidateQueries({ queryKey: [...partnersKey, 'list'] });
    },
  });
}

export function useUpdatePartner(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: PartnerPatch) => api.patch(`/partners/${id}`, patch, partnerOutput),
    onSuccess: (partner) => {
      client.setQueryData([...partnersKey, 'one', partner.id], partner);
      void client.invalidateQueries({ queryKey: [...partnersKey, 'list'] });
    },
  });
}

/** Folds the duplicates into this partner; their contracts move over, so contract lists change too. */
export function useMergePartners(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (duplicateIds: string[]) => api.post(`/partners/${id}/merge`, { duplicateIds }, partnerOutput),
    onSuccess: async (partner) => {
      client.setQueryData([...partnersKey, 'one', partner.id], partner);
      await client.invalidateQueries({ queryKey: partnersKey });
      await client.invalidateQueries({ queryKey: contractsKey });
    },
  });
}

export function useDeletePartner() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/partners/${id}`),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: partnersKey });
      await client.invalidateQueries({ queryKey: contractsKey });
    },
  });
}
