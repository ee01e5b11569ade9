import { Button, Stack } from '@mantine/core';
import { IconDownload, IconHistory } from '@tabler/icons-react';
import { allItems } from '../../../api/paging.js';
import { auditExportUrl, useAuditEvents } from '../../../api/use-audit.js';
import { useCurrentMe } from '../../../api/use-me.js';
import { LoadMore } from '../../../components/load-more.js';
import { PageHeader } from '../../../components/page-header.js';
import { EmptyBox, ErrorState, NoAccess, TableSkeleton } from '../../../components/states.js';
import { useT } from '../../../i18n/i18n-context.js';
import { ActivityFilters } from './activity-filters.js';
import { ActivityTable } from './activity-table.js';
import { useActivityFilters } from './use-activity-filters.js';
import { VerifyChain } from './verify-chain.js';

export function ActivityPage() {
  const t = useT();
  const { abilities } = useCurrentMe();
  const { filters, setFilter, clear, active } = useActivityFilters();
  if (!abilities.viewActivity) return <NoAccess />;
  return (
    <Stack gap="md">
      <PageHeader
        title={t('activity.title')}
        description={t('activity.description')}
        mb="xs"
        actions={
          <Button
            component="a"
            href={auditExportUrl(filters)}
            download
            variant="default"
            leftSection={<IconDownload size={16} />}
          >
            {t('activity.export')}
          </Button>
        }
      />
      <VerifyChain />
      <ActivityFilters filters={filters} onChange={setFilter} onClear={active ? clear : undefined} />
      <ActivityResults filters={filters} filtered={active} />
    </Stack>
  );
}

function ActivityResults({
  filters,
  filtered,
}: {
  filters: ReturnType<typeof useActivityFilters>['filters'];
  filtered: boolean;
}) {
  const t = useT();
  const events = useAuditEvents(filters);
  if (events.isPending) return <TableSkeleton rows={8} />;
  if (events.isError) return <ErrorState error={events.error} onRetry={() => void events.refetch()} />;
  const items = allItems(events.data);
  if (items.length === 0) {
    return (
      <EmptyBox
        icon={<IconHistory />}
        title={filtered ? t('activity.emptyFilteredTitle') : t('activity.emptyTitle')}
        description={filtered ? t('activity.emptyFilteredText') : t('activity.emptyText')}
      />
    );
  }
  return (
    <div>
      <ActivityTable events={items} />
      <LoadMore
        hasMore={events.hasNextPage}
        loading={events.isFetchingNextPage}
        onLoad={() => void events.fetchNextPage()}
      />
    </div>
  );
}
