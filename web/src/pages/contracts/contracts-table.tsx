import type { ContractRow } from '../../api/use-contracts.js';
import { GridTable } from '../../components/grid/grid-table.js';
import type { Column } from './contract-columns.js';

type Props = { contracts: ContractRow[]; columns: Column[]; sort?: string; onSort?: (sort: string) => void };

/** Contracts in the shared grid table (also used on the partner page without sorting). */
export function ContractsTable({ contracts, ...props }: Props) {
  return <GridTable rows={contracts} {...props} />;
}
