import { Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowsSort, IconArrowUp } from '@tabler/icons-react';
import type { Contract } from '../../api/use-contracts.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { type Column, columnTitle, nextSort } from './contract-columns.js';

type Props = { contracts: Contract[]; columns: Column[]; sort?: string; onSort?: (sort: string) => void };

export function ContractsTable({ contracts, columns, sort, onSort }: Props) {
  const { fmt } = useI18n();
  return (
    <Table.ScrollContainer minWidth={Math.max(360, columns.length * 140)} type="native">
      <Table horizontalSpacing="md" className="nowrap-head">
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <HeaderCell key={column.id} column={column} sort={sort} onSort={onSort} />
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {contracts.map((contract) => (
            <Table.Tr key={contract.id}>
              {columns.map((column) => (
                <Table.Td
                  key={column.id}
                  className={column.fixed ? 'sticky-col' : undefined}
                  miw={column.fixed ? 180 : undefined}
                >
                  {column.render(contract, fmt)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

type HeaderProps = { column: Column; sort?: string; onSort?: (sort: string) => void };

function HeaderCell({ column, sort, onSort }: HeaderProps) {
  const { t } = useI18n();
  const label = columnTitle(t, column);
  const next = column.sortKey && sort !== undefined ? nextSort(sort, column.sortKey) : null;
  const sticky = column.fixed ? 'sticky-col' : undefined;
  if (!column.sortKey || !onSort || sort === undefined) {
    return <Table.Th className={sticky}>{label}</Table.Th>;
  }
  const direction = sort === column.sortKey ? 'ascending' : sort === `-${column.sortKey}` ? 'descending' : 'none';
  const Icon = direction === 'ascending' ? IconArrowUp : direction === 'descending' ? IconArrowDown : IconArrowsSort;
  return (
    <Table.Th className={sticky} aria-sort={direction}>
      <UnstyledButton
        onClick={() => next && onSort(next)}
        disabled={!next}
        aria-label={t('contracts.sortBy', { column: label })}
        style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
      >
        <Text size="sm" fw={700} span>
          {label}
        </Text>
        <Icon size={14} aria-hidden opacity={direction === 'none' ? 0.45 : 1} />
      </UnstyledButton>
    </Table.Th>
  );
}
