import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { isoDateTime } from '../../../common/schemas/common.js';
import { api } from './client.js';
import { categoriesKey, contractsKey, orgUnitsKey } from './keys.js';
import { useInvalidating } from './use-classification.js';

/** Categories and organizational units are both plain named lists; one set of hooks serves both. */
export type ListKind = 'categories' | 'orgUnits';

const listItem = z.object({ id: z.uuid(), name: z.string(), createdAt: isoDateTime });
export type ListItem = z.output<typeof listItem>;
const listOutput = z.object({ items: z.array(listItem) });

const PATH: Record<ListKind, string> = { categories: '/categories', orgUnits: '/org-units' };
const KEY = { categories: categoriesKey, orgUnits: orgUnitsKey } as const;
// Only contract categories belong to the repository; event categories come with the calendar.
const EXTRA: Record<ListKind, Record<string, string>> = { categories: { kind: 'contract' }, orgUnits: {} };

export function useListItems(kind: ListKind) {
  return useQuery({
    queryKey: KEY[kind],
    queryFn: async () => (await api.get(PATH[kind], listOutput, EXTRA[kind])).items,
  });
}

export function useCreateListItem(kind: ListKind) {
  return useInvalidating([KEY[kind]], (name: string) => api.post(PATH[kind], { name, ...EXTRA[kind] }, listItem));
}

export function useRenameListItem(kind: ListKind) {
  return useInvalidating([KEY[kind]], ({ id, name }: { id: string; name: string }) =>
    api.patch(`${PATH[kind]}/${id}`, { name }, listItem),
  );
}

export function useDeleteListItem(kind: ListKind) {
  return useInvalidating([KEY[kind], contractsKey], (id: string) => api.delete(`${PATH[kind]}/${id}`));
}
