import { type InfiniteData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { erasedUser, type inviteInput, orgUser, type setRolesInput } from '../../../common/schemas/org.js';
import { api } from './client.js';
import { meKey, usersKey } from './keys.js';
import { fetchPage, type Page, pagingOptions, replaceItem } from './paging.js';

export type OrgUser = z.output<typeof orgUser>;

export function useUsers() {
  return useInfiniteQuery({
    queryKey: usersKey,
    queryFn: ({ pageParam }) => fetchPage('/users', orgUser, {}, pageParam),
    ...pagingOptions,
  });
}

function useUserMutation<I>(mutationFn: (input: I) => Promise<OrgUser>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (user) => {
      client.setQueryData<InfiniteData<Page<OrgUser>>>(usersKey, (data) => replaceItem(data, user));
      void client.invalidateQueries({ queryKey: meKey });
    },
  });
}

export function useSetRoles() {
  return useUserMutation(({ id, ...input }: z.output<typeof setRolesInput> & { id: string }) =>
    api.put(`/users/${id}/roles`, input, orgUser),
  );
}

export function useLockUser() {
  return useUserMutation((id: string) => api.post(`/users/${id}/lock`, undefined, orgUser));
}

export function useUnlockUser() {
  return useUserMutation((id: string) => api.post(`/users/${id}/unlock`, undefined, orgUser));
}

export function useInviteUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: z.output<typeof inviteInput>) => api.post('/users/invitations', input, orgUser),
    onSuccess: () => client.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useRemoveUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/users/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: usersKey }),
  });
}

/** Removes the member and the personal data the account holds about them; confirmed with their address. */
export function useEraseUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, email }: { id: string; email: string }) =>
      api.post(`/users/${id}/erasure`, { email }, erasedUser),
    onSuccess: () => client.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useResendInvitation() {
  return useMutation({ mutationFn: (id: string) => api.command(`/users/${id}/invitation`) });
}
