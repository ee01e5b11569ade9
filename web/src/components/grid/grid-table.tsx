import { Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowsSort, IconArrowUp } from '@tabler/icons-react';
import { useI18n } from '../../i18n/i18n-context.js';
import { columnTitle, type GridColumn } from './grid-column.js';

type Props<Row> = {
  rows: Row[];
  columns: GridColumn<Row>[];
  /** The current sort (`key` or `-key`); without it and `onSort` the headers do not sort. */
  sort?: string;
  onSort?: (sort: string) => void;
};

/** The next sort when a header is clicked: ascending first, then descending. */
export function nextSort(current: string, sortKey: string): string {
  return current === sortKey ? `-${sortKey}` : sortKey;
}

export function GridTable<Row extends { id: string }>({ rows, columns, sort, onSort }: Props<Row>) {
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
          {rows.map((row) => (
            <Table.Tr key={row.id}>
              {columns.map((column) => (
                <Table.Td
                  key={column.id}
                  className={column.fixed ? 'sticky-col' : undefined}
                  miw={column.fixed ? 180 : undefined}
                >
                  {column.render(row, fmt)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

type HeaderProps<Row> = {
  column: GridColumn<Row>;
  sort?: string | undefined;
  onSort?: ((sort: string) => void) | undefined;
};

function HeaderCell<Row>({ column, sort, onSort }: HeaderProps<Row>) {
  const { t } = useI18n();
  const label = columnTitle(t, column);
  const sticky = column.fixed ? 'sticky-col' : undefined;
  const sortKey = column.sortKey;
  if (!sortKey || !onSort || sort === undefined) {
    return <Table.Th className={sticky}>{label}</Table.Th>;
  }
  const direction = sort === sortKey ? 'ascending' : sort === `-${sortKey}` ? 'descending' : 'none';
  const Icon = direction === 'ascending' ? IconArrowUp : direction === 'descending' ? IconArrowDown : IconArrowsSort;
  return (
    <Table.Th className={sticky} aria-sort={direction}>
      <UnstyledButton
        onClick={() => onSort(nextSort(sort, sortKey))}
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
