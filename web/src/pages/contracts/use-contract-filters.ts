import { useSearchParams } from 'react-router';
import type { ContractQuery } from '../../api/use-contracts.js';

/** The built-in list filters of the grid; `cf.<key>` (and `.from`/`.to`) filters are kept as they come. */
export const FILTER_NAMES = [
  'q',
  'status',
  'businessUnitId',
  'partnerId',
  'categoryId',
  'orgUnitId',
  'noticeDeadlineFrom',
  'noticeDeadlineTo',
  'endsFrom',
  'endsTo',
] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

const DEFAULT_SORT = '-updatedAt';

/** Filters and sort live in the address, so a view can be bookmarked, shared and exported as it is. */
export function useContractFilters() {
  const [params, setParams] = useSearchParams();
  const filters: Partial<Record<FilterName, string>> = {};
  for (const name of FILTER_NAMES) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  // Custom-field filters: `cf.<key>` for equality, `cf.<key>.from` / `.to` for ranges.
  const custom: Record<string, string> = {};
  for (const [name, value] of params) {
    if (name.startsWith('cf.') && value) custom[name] = value;
  }
  const sort = params.get('sort') ?? DEFAULT_SORT;
  const update = (change: (next: URLSearchParams) => void) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        change(next);
        return next;
      },
      { replace: true },
    );
  const setFilter = (name: FilterName, value: string | null) =>
    update((next) => (value ? next.set(name, value) : next.delete(name)));
  const setCustom = (name: string, value: string | null) =>
    update((next) => (value ? next.set(name, value) : next.delete(name)));
  const setSort = (value: string) =>
    update((next) => (value === DEFAULT_SORT ? next.delete('sort') : next.set('sort', value)));
  const clear = () =>
    update((next) => {
      for (const name of FILTER_NAMES) next.delete(name);
      for (const name of Object.keys(custom)) next.delete(name);
    });
  const query: ContractQuery = { ...filters, ...custom, sort } as ContractQuery;
  /** Replaces filters and sort at once, as a saved view stores them. */
  const apply = (next: Record<string, string | string[]>, nextSort: string | null) =>
    setParams(
      () => {
        const params = new URLSearchParams();
        for (const [name, value] of Object.entries(next)) {
          for (const one of Array.isArray(value) ? value : [value]) params.append(name, one);
        }
        if (nextSort && nextSort !== DEFAULT_SORT) params.set('sort', nextSort);
        return params;
      },
      { replace: true },
    );
  const active = Object.keys(filters).length + Object.keys(custom).length > 0;
  return { filters, custom, sort, query, setFilter, setCustom, setSort, clear, apply, active };
}
