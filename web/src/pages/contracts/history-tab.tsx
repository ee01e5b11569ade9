import { IconHistory } from '@tabler/icons-react';
import { allItems } from '../../api/paging.js';
import { useContractHistory } from '../../api/use-contracts.js';
import { LoadMore } from '../../components/load-more.js';
import { EmptyBox, ErrorState, TableSkeleton } from '../../components/states.js';
import { useT } from '../../i18n/i18n-context.js';
import { ActivityTable } from '../settings/activity/activity-table.js';

export function HistoryTab({ contractId }: { contractId: string }) {
  const t = useT();
  const history = useContractHistory(contractId);
  if (history.isPending) return <TableSkeleton rows={4} />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  const events = allItems(history.data);
  if (events.length === 0) return <EmptyBox icon={<IconHistory />} title={t('contract.historyEmpty')} />;
  return (
    <div>
      <ActivityTable events={events} />
      <LoadMore
        hasMore={history.hasNextPage}
        loading={history.isFetchingNextPage}
        onLoad={() => void history.fetchNextPage()}
      />
    </div>
  );
}
