import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { type directoryMember, directoryOutput } from '../../../common/schemas/auth.js';
import { api } from './client.js';
import { usersKey } from './keys.js';

export type DirectoryMember = z.output<typeof directoryMember>;

/** The org's active members (loaded once, searched in the browser): owners and `user` field values. */
export function useDirectory() {
  return useQuery({
    queryKey: [...usersKey, 'directory'],
    queryFn: async () => (await api.get('/users/directory', directoryOutput)).items,
    staleTime: 5 * 60_000,
  });
}
