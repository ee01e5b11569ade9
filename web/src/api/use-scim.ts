import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { type ScimGroupMappingInput, scimGroup, scimSettings, scimTokenCreated } from '../../../common/schemas/scim.js';
import { api } from './client.js';
import { scimGroupsKey, scimKey } from './keys.js';
import { fetchPage, pagingOptions } from './paging.js';

export type ScimSettings = z.output<typeof scimSettings>;
export type ScimGroup = z.output<typeof scimGroup>;

export function useScimSettings() {
  return useQuery({ queryKey: scimKey, queryFn: () => api.get('/settings/scim', scimSettings) });
}

/** Creates the provisioning token, or replaces the live one (which stops working at once). */
export function useCreateScimToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/settings/scim/token', undefined, scimTokenCreated),
    onSuccess: () => client.invalidateQueries({ queryKey: scimKey }),
  });
}

export function useRevokeScimToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete('/settings/scim/token'),
    onSuccess: () => client.invalidateQueries({ queryKey: scimKey }),
  });
}

export function useScimGroups() {
  return useInfiniteQuery({
    queryKey: scimGroupsKey,
    queryFn: ({ pageParam }) => fetchPage('/settings/scim/groups', scimGroup, {}, pageParam),
    ...pagingOptions,
  });
}

export function useMapScimGroup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: ScimGroupMappingInput & { id: string }) =>
      api.put(`/settings/scim/groups/${id}/mapping`, input, scimGroup),
    onSuccess: () => client.invalidateQueries({ queryKey: scimGroupsKey }),
  });
}
