import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { businessUnit } from '../../../common/schemas/org.js';
import { api } from './client.js';
import { businessUnitsKey, meKey, usersKey } from './keys.js';
import { fetchAllPages } from './paging.js';

export function useBusinessUnits() {
  return useQuery({ queryKey: businessUnitsKey, queryFn: () => fetchAllPages('/business-units', businessUnit) });
}

function useUnitMutation<I>(mutationFn: (input: I) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: businessUnitsKey });
      // Unit names appear in user roles and on the home page.
      await client.invalidateQueries({ queryKey: usersKey });
      await client.invalidateQueries({ queryKey: meKey });
    },
  });
}

export function useCreateBusinessUnit() {
  return useUnitMutation((name: string) => api.post('/business-units', { name }, businessUnit));
}

export function useRenameBusinessUnit() {
  return useUnitMutation(({ id, name }: { id: string; name: string }) =>
    api.patch(`/business-units/${id}`, { name }, businessUnit),
  );
}

export function useDeleteBusinessUnit() {
  return useUnitMutation((id: string) => api.delete(`/business-units/${id}`));
}

export type BusinessUnit = z.output<typeof businessUnit>;
