import type { InfiniteData } from '@tanstack/react-query';
import type { z } from 'zod';
import { countedPage, page } from '../../../common/schemas/common.js';
import { api, type QueryParams } from './client.js';

export const PAGE_SIZE = 50;
export type Page<T> = { items: T[]; nextCursor: string | null; total?: number | null; totalCapped?: boolean };

export function fetchPage<S extends z.ZodType>(path: string, item: S, query: QueryParams, cursor?: string) {
  return api.get(path, page(item), { ...query, limit: PAGE_SIZE, cursor }) as Promise<Page<z.output<S>>>;
}

/** A grid's page: the first one also carries the count of all matching rows. */
export function fetchCountedPage<S extends z.ZodType>(path: string, item: S, query: QueryParams, cursor?: string) {
  return api.get(path, countedPage(item), { ...query, limit: PAGE_SIZE, cursor }) as Promise<Page<z.output<S>>>;
}

/** How many rows match the grid's query in all (from its first page), or null before it is known. */
export function totalOf<T>(data: InfiniteData<Page<T>> | undefined): { count: number; capped: boolean } | null {
  const first = data?.pages[0];
  return typeof first?.total === 'number' ? { count: first.total, capped: first.totalCapped === true } : null;
}

/** Small lists (business units) are shown whole; follow the cursor to the end. */
export async function fetchAllPages<S extends z.ZodType>(path: string, item: S): Promise<z.output<S>[]> {
  const items: z.output<S>[] = [];
  let cursor: string | undefined;
  do {
    const next = (await api.get(path, page(item), { limit: 200, cursor })) as Page<z.output<S>>;
    items.push(...next.items);
    cursor = next.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

export const pagingOptions = {
  initialPageParam: undefined as string | undefined,
  getNextPageParam: <T>(last: Page<T>) => last.nextCursor ?? undefined,
};

export function allItems<T>(data: InfiniteData<Page<T>> | undefined): T[] {
  return data?.pages.flatMap((p) => p.items) ?? [];
}

/** Puts a changed item into every cached page, so the row updates before the refetch. */
export function replaceItem<T extends { id: string }>(data: InfiniteData<Page<T>> | undefined, item: T) {
  if (!data) return data;
  return {
    ...data,
    pages: data.pages.map((p) => ({ ...p, items: p.items.map((i) => (i.id === item.id ? item : i)) })),
  };
}
