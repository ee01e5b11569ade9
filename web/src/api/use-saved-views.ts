import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { type savedViewInput, savedViewOutput } from '../../../common/schemas/grids.js';
import type { GridEntity } from '../../../common/schemas/vocabulary.js';
import { api } from './client.js';
import { savedViewsKey } from './keys.js';
import { useInvalidating } from './use-classification.js';

export type SavedView = z.output<typeof savedViewOutput>;

export function useSavedViews(entity: GridEntity) {
  return useQuery({
    queryKey: [...savedViewsKey, entity],
    queryFn: async () =>
      (await api.get('/saved-views', z.object({ items: z.array(savedViewOutput) }), { entity })).items,
  });
}

export const useCreateSavedView = () =>
  useInvalidating([savedViewsKey], (input: z.input<typeof savedViewInput>) =>
    api.post('/saved-views', input, savedViewOutput),
  );

export const useDeleteSavedView = () =>
  useInvalidating([savedViewsKey], (id: string) => api.delete(`/saved-views/${id}`));
