import { useSearchParams } from 'react-router';
import type { AuditFilters } from '../../../api/use-audit.js';

export const FILTER_NAMES = ['actorId', 'action', 'objectType', 'from', 'to'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

/** Filters live in the address, so a filtered view can be bookmarked and shared. */
export function useActivityFilters() {
  const [params, setParams] = useSearchParams();
  const filters: AuditFilters = {};
  for (const name of FILTER_NAMES) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  const setFilter = (name: FilterName, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  const clear = () => setParams(new URLSearchParams(), { replace: true });
  return { filters, setFilter, clear, active: Object.keys(filters).length > 0 };
}
