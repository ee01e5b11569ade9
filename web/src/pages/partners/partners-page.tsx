import { Button, Group, Paper, Stack } from '@mantine/core';
import { IconBuildingStore, IconFileImport, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ViewDefinition } from '../../../../common/schemas/grids.js';
import { meCan } from '../../api/abilities.js';
import { allItems } from '../../api/paging.js';
import { useCurrentMe } from '../../api/use-me.js';
import { type PartnerQuery, partnerExportUrl, usePartners } from '../../api/use-partners.js';
import { ColumnChooser, useColumnChoice } from '../../components/grid/column-chooser.js';
import { ExportMenu } from '../../components/grid/export-menu.js';
import { GridTable } from '../../components/grid/grid-table.js';
import { GridTotal } from '../../components/grid/grid-total.js';
import { SavedViewsMenu } from '../../components/grid/saved-views-menu.js';
import { useGridFilters } from '../../components/grid/use-grid-filters.js';
import { LoadMore } from '../../components/load-more.js';
import { PageHeader } from '../../components/page-header.js';
import { EmptyBox, ErrorState, TableSkeleton } from '../../components/states.js';
import { useT } from '../../i18n/i18n-context.js';
import { DEFAULT_PARTNER_COLUMNS, type PartnerColumn, usePartnerColumns } from './partner-columns.js';
import { PARTNER_FILTER_NAMES, PartnerFilters } from './partner-filters.js';
import { PartnerFormModal } from './partner-form-modal.js';

export function PartnersPage() {
  const t = useT();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const { filters, custom, sort, query, setFilter, setCustom, setSort, clear, apply, active } = useGridFilters({
    names: PARTNER_FILTER_NAMES,
    defaultSort: 'name',
  });
  const columns = useColumnChoice(usePartnerColumns(), 'deedbox.partners.columns', DEFAULT_PARTNER_COLUMNS);
  const current = { filters: { ...filters, ...custom }, sort, columns: columns.chosen };
  const applyView = (view: ViewDefinition) => {
    apply(view.filters, view.sort);
    if (view.columns.length > 0) columns.set(view.columns);
  };
  const exportQuery = { ...query, columns: columns.visible.map((c) => c.id).join(',') };
  return (
    <Stack gap="md">
      <PageHeader
        title={t('partners.title')}
        description={t('partners.description')}
        mb="xs"
        actions={
          <>
            <SavedViewsMenu entity="partner" current={current} onApply={applyView} />
            <ExportMenu href={(format, locale) => partnerExportUrl({ ...exportQuery, locale }, format)} />
            <ColumnChooser
              columns={columns.all}
              chosen={columns.chosen}
              onToggle={columns.toggle}
              onReset={columns.reset}
            />
            {meCan(me, 'editPartners') && (
              <Button
                variant="default"
                component={Link}
                to="/imports/new?entity=partner"
                leftSection={<IconFileImport size={16} />}
              >
                {t('imports.action')}
              </Button>
            )}
            {meCan(me, 'editPartners') && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
                {t('partners.create')}
              </Button>
            )}
          </>
        }
      />
      <PartnerFilters
        filters={filters}
        custom={custom}
        onChange={setFilter}
        onCustomChange={setCustom}
        onClear={active ? clear : undefined}
      />
      <PartnerResults
        query={query}
        columns={columns.visible}
        filtered={active}
        sort={sort ?? 'name'}
        onSort={setSort}
      />
      <PartnerFormModal
        opened={creating}
        partner={null}
        onClose={() => setCreating(false)}
        onSaved={(partner) => navigate(`/partners/${partner.id}`)}
      />
    </Stack>
  );
}

type ResultsProps = {
  query: PartnerQuery;
  columns: PartnerColumn[];
  filtered: boolean;
  sort: string;
  onSort: (sort: string) => void;
};

function PartnerResults({ query, columns, filtered, sort, onSort }: ResultsProps) {
  const t = useT();
  const partners = usePartners(query);
  if (partners.isPending) return <TableSkeleton rows={6} />;
  if (partners.isError) return <ErrorState error={partners.error} onRetry={() => void partners.refetch()} />;
  const items = allItems(partners.data);
  if (items.length === 0) {
    return (
      <EmptyBox
        icon={<IconBuildingStore />}
        title={filtered ? t('partners.emptyFilteredTitle') : t('partners.emptyTitle')}
        description={filtered ? t('partners.emptyFilteredText') : t('partners.emptyText')}
      />
    );
  }
  return (
    <Stack gap="xs">
      <GridTotal data={partners.data} messages="partners.count" />
      <Paper withBorder radius="md">
        <GridTable rows={items} columns={columns} sort={sort} onSort={onSort} />
      </Paper>
      <Group justify="center">
        <LoadMore
          hasMore={partners.hasNextPage}
          loading={partners.isFetchingNextPage}
          onLoad={() => void partners.fetchNextPage()}
        />
      </Group>
    </Stack>
  );
}
