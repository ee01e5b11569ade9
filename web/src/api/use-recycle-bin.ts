import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { contractOutput, recycledContract } from '../../../common/schemas/contracts.js';
import { api } from './client.js';
import { contractsKey, partnersKey } from './keys.js';
import { fetchPage, pagingOptions } from './paging.js';

export type RecycledContract = z.output<typeof recycledContract>;

const binKey = [...contractsKey, 'recycle-bin'] as const;

export function useRecycleBin() {
  return useInfiniteQuery({
    queryKey: binKey,
    queryFn: ({ pageParam }) => fetchPage('/contracts/recycle-bin', recycledContract, {}, pageParam),
    ...pagingOptions,
  });
}

export function useRestoreContract() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post(`/contracts/${id}/restore`, undefined, contractOutput),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: contractsKey });
      await client.invalidateQueries({ queryKey: partnersKey });
    },
  });
}
