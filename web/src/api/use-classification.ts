import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  customField,
  type customFieldInput,
  type customFieldPatch,
  repositorySettings,
  type repositorySettingsPatch,
} from '../../../common/schemas/classification.js';
import type { CustomFieldEntity } from '../../../common/schemas/vocabulary.js';
import { api } from './client.js';
import { customFieldsKey, repositorySettingsKey } from './keys.js';

export type CustomField = z.output<typeof customField>;
export type RepositorySettings = z.output<typeof repositorySettings>;

const items = <S extends z.ZodType>(item: S) => z.object({ items: z.array(item) });

export function useInvalidating<I, O>(keys: readonly (readonly string[])[], mutationFn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      for (const queryKey of keys) await client.invalidateQueries({ queryKey });
    },
  });
}

export function useCustomFields(entity: CustomFieldEntity) {
  return useQuery({
    queryKey: [...customFieldsKey, entity],
    queryFn: async () => (await api.get('/custom-fields', items(customField), { entity })).items,
  });
}
export const useCreateCustomField = () =>
  useInvalidating([customFieldsKey], (input: z.input<typeof customFieldInput>) =>
    api.post('/custom-fields', input, customField),
  );
export const useUpdateCustomField = () =>
  useInvalidating([customFieldsKey], ({ id, ...patch }: z.input<typeof customFieldPatch> & { id: string }) =>
    api.patch(`/custom-fields/${id}`, patch, customField),
  );
export const useDeleteCustomField = () =>
  useInvalidating([customFieldsKey], (id: string) => api.delete(`/custom-fields/${id}`));
export function useReorderCustomFields(entity: CustomFieldEntity) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => api.put('/custom-fields/order', { entity, ids }, items(customField)),
    onSuccess: (result) => client.setQueryData([...customFieldsKey, entity], result.items),
  });
}

export function useRepositorySettings() {
  return useQuery({
    queryKey: repositorySettingsKey,
    queryFn: () => api.get('/settings/repository', repositorySettings),
  });
}
export function useUpdateRepositorySettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: z.input<typeof repositorySettingsPatch>) =>
      api.patch('/settings/repository', patch, repositorySettings),
    onSuccess: (settings) => client.setQueryData(repositorySettingsKey, settings),
  });
}
