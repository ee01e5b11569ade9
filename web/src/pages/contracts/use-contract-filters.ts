import type { ContractQuery } from '../../api/use-contracts.js';
import { useGridFilters } from '../../components/grid/use-grid-filters.js';

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
  'approval',
] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

const DEFAULT_SORT = '-updatedAt';

/** The contract grid's filters and sort, kept in the address. */
export function useContractFilters() {
  const grid = useGridFilters({ names: FILTER_NAMES, defaultSort: DEFAULT_SORT });
  const query: ContractQuery = grid.query;
  return { ...grid, sort: grid.sort ?? DEFAULT_SORT, query };
}
