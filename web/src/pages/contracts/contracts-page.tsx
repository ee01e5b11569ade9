import { Button, Group, Paper, Stack } from '@mantine/core';
import { IconFileText, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { ViewDefinition } from '../../../../common/schemas/grids.js';
import { meCan } from '../../api/abilities.js';
import { allItems } from '../../api/paging.js';
import { type ContractQuery, contractExportUrl, useContracts } from '../../api/use-contracts.js';
import { useCurrentMe } from '../../api/use-me.js';
import { ColumnChooser, useColumnChoice } from '../../components/grid/column-chooser.js';
import { ExportMenu } from '../../components/grid/export-menu.js';
import { GridTotal } from '../../components/grid/grid-total.js';
import { SavedViewsMenu } from '../../components/grid/saved-views-menu.js';
import { LoadMore } from '../../components/load-more.js';
import { PageHeader } from '../../components/page-header.js';
import { EmptyBox, ErrorState, TableSkeleton } from '../../components/states.js';
import { useT } from '../../i18n/i18n-context.js';
import { type Column, DEFAULT_COLUMNS, useContractColumns } from './contract-columns.js';
import { ContractFilters } from './contract-filters.js';
import { ContractsTable } from './contracts-table.js';
import { useContractFilters } from './use-contract-filters.js';

export function ContractsPage() {
  const t = useT();
  const me = useCurrentMe();
  const { filters, custom, sort, query, setFilter, setCustom, setSort, clear, apply, active } = useContractFilters();
  const columns = useColumnChoice(useContractColumns(), 'deedbox.contracts.columns', DEFAULT_COLUMNS);
  const current = { filters: { ...filters, ...custom }, sort, columns: columns.chosen };
  const applyView = (view: ViewDefinition) => {
    apply(view.filters, view.sort);
    if (view.columns.length > 0) columns.set(view.columns);
  };
  return (
    <Stack gap="md">
      <PageHeader
        title={t('contracts.title')}
        description={t('contracts.description')}
        mb="xs"
        actions={
          <>
            <SavedViewsMenu entity="contract" current={current} onApply={applyView} />
            <ExportMenu
              href={(format, locale) =>
                contractExportUrl({ ...query, locale, columns: columns.visible.map((c) => c.id).join(',') }, format)
              }
            />
            <ColumnChooser
              columns={columns.all}
              chosen={columns.chosen}
              onToggle={columns.toggle}
              onReset={columns.reset}
            />
            {meCan(me, 'createContracts') && (
              <Button variant="default" component={Link} to="/imports/new?entity=contract">
                {t('imports.action')}
              </Button>
            )}
            {meCan(me, 'createContracts') && (
              <Button component={Link} to="/contracts/new" leftSection={<IconPlus size={16} />}>
                {t('contracts.create')}
              </Button>
            )}
          </>
        }
      />
      <ContractFilters
        filters={filters}
        custom={custom}
        onChange={setFilter}
        onCustomChange={setCustom}
        onClear={active ? clear : undefined}
      />
      <ContractResults query={query} columns={columns.visible} sort={sort} onSort={setSort} filtered={active} />
    </Stack>
  );
}

type ResultsProps = {
  query: ContractQuery;
  columns: Column[];
  sort: string;
  onSort: (sort: string) => void;
  filtered: boolean;
};

function ContractResults({ query, columns, sort, onSort, filtered }: ResultsProps) {
  const t = useT();
  const contracts = useContracts(query);
  if (contracts.isPending) return <TableSkeleton rows={8} />;
  if (contracts.isError) return <ErrorState error={contracts.error} onRetry={() => void contracts.refetch()} />;
  const items = allItems(contracts.data);
  if (items.length === 0) {
    return (
      <EmptyBox
        icon={<IconFileText />}
        title={filtered ? t('contracts.emptyFilteredTitle') : t('contracts.emptyTitle')}
        description={filtered ? t('contracts.emptyFilteredText') : t('contracts.emptyText')}
      />
    );
  }
  return (
    <Stack gap="xs">
      <GridTotal data={contracts.data} messages="contracts.count" />
      <Paper withBorder radius="md">
        <ContractsTable contracts={items} columns={columns} sort={sort} onSort={onSort} />
      </Paper>
      <Group justify="center">
        <LoadMore
          hasMore={contracts.hasNextPage}
          loading={contracts.isFetchingNextPage}
          onLoad={() => void contracts.fetchNextPage()}
        />
      </Group>
    </Stack>
  );
}
