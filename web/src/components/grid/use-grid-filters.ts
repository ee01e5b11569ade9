import { useRef } from 'react';
import { type SetURLSearchParams, useSearchParams } from 'react-router';

type Options<Name extends string> = {
  /** The built-in list filters; `cf.<key>` (and `.from`/`.to`) filters are kept as they come. */
  names: readonly Name[];
  /** The sort the API applies when none is given; omit for grids the API cannot sort. */
  defaultSort?: string;
};

/**
 * The address as the grid last asked it to be. React Router's `setSearchParams(fn)` hands `fn`
 * the params of the last render, so two changes made before the page re-renders (two filters
 * picked quickly) each started from the old address and the second wiped out the first. Every
 * change here starts from the newest address asked for instead; an address the grid did not ask
 * for (back button, a link) becomes the new starting point.
 */
function useLatestParams(): [URLSearchParams, (change: (next: URLSearchParams) => void) => void] {
  const [params, setParams] = useSearchParams();
  const state = useRef<{ pending: string[]; latest: URLSearchParams; set: SetURLSearchParams }>({
    pending: [],
    latest: params,
    set: setParams,
  }).current;
  state.set = setParams;
  const shown = params.toString();
  const landed = state.pending.indexOf(shown);
  if (landed >= 0) {
    state.pending = state.pending.slice(landed + 1);
    if (state.pending.length === 0) state.latest = params;
  } else if (shown !== state.latest.toString()) {
    state.pending = [];
    state.latest = params;
  }
  const update = (change: (next: URLSearchParams) => void) => {
    const next = new URLSearchParams(state.latest);
    change(next);
    state.latest = next;
    state.pending.push(next.toString());
    state.set(next, { replace: true });
  };
  return [params, update];
}

/** Filters and sort live in the address, so a view can be bookmarked, shared and exported as it is. */
export function useGridFilters<Name extends string>({ names, defaultSort }: Options<Name>) {
  const [params, update] = useLatestParams();
  const filters: Partial<Record<Name, string>> = {};
  for (const name of names) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  // Custom-field filters: `cf.<key>` for equality, `cf.<key>.from` / `.to` for ranges.
  const custom: Record<string, string> = {};
  for (const [name, value] of params) {
    if (name.startsWith('cf.') && value) custom[name] = value;
  }
  const sort = defaultSort === undefined ? null : (params.get('sort') ?? defaultSort);
  const set = (name: string, value: string | null) =>
    update((next) => (value ? next.set(name, value) : next.delete(name)));
  const setFilter = (name: Name, value: string | null) => set(name, value);
  const setCustom = (name: string, value: string | null) => set(name, value);
  const setSort = (value: string) =>
    update((next) => (value === defaultSort ? next.delete('sort') : next.set('sort', value)));
  const clear = () =>
    update((next) => {
      for (const name of names) next.delete(name);
      for (const name of Object.keys(custom)) next.delete(name);
    });
  const query: Record<string, string> = { ...(filters as Record<string, string>), ...custom };
  if (sort !== null) query.sort = sort;
  /** Replaces filters and sort at once, as a saved view stores them. */
  const apply = (next: Record<string, string | string[]>, nextSort: string | null) =>
    update((params) => {
      for (const name of [...params.keys()]) params.delete(name);
      for (const [name, value] of Object.entries(next)) {
        for (const one of Array.isArray(value) ? value : [value]) params.append(name, one);
      }
      if (defaultSort !== undefined && nextSort && nextSort !== defaultSort) params.set('sort', nextSort);
    });
  const active = Object.keys(filters).length + Object.keys(custom).length > 0;
  return { filters, custom, sort, query, setFilter, setCustom, setSort, clear, apply, active };
}
