import { Button, Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconRestore, IconTrash } from '@tabler/icons-react';
import { allItems } from '../../api/paging.js';
import { useCurrentMe } from '../../api/use-me.js';
import { type RecycledContract, useRecycleBin, useRestoreContract } from '../../api/use-recycle-bin.js';
import { LoadMore } from '../../components/load-more.js';
import { notifyError, notifySuccess } from '../../components/notify.js';
import { PageHeader } from '../../components/page-header.js';
import { EmptyBox, ErrorState, NoAccess, TableSkeleton } from '../../components/states.js';
import { useI18n, useT } from '../../i18n/i18n-context.js';

/** Settings → Recycle bin: contracts deleted in the last 30 days, for administrators to restore. */
export function RecycleBinPage() {
  const t = useT();
  const { abilities } = useCurrentMe();
  // Administrators only, as the server decides; manageSettings is the administrators' ability.
  if (!abilities.useRecycleBin) return <NoAccess />;
  return (
    <>
      <PageHeader title={t('recycleBin.title')} description={t('recycleBin.description')} />
      <RecycleBinContent />
    </>
  );
}

function RecycleBinContent() {
  const t = useT();
  const bin = useRecycleBin();
  if (bin.isPending) return <TableSkeleton rows={4} />;
  if (bin.isError) return <ErrorState error={bin.error} onRetry={() => void bin.refetch()} />;
  const items = allItems(bin.data);
  if (items.length === 0) {
    return <EmptyBox icon={<IconTrash />} title={t('recycleBin.emptyTitle')} description={t('recycleBin.emptyText')} />;
  }
  return (
    <div>
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={560} type="native">
          <Table horizontalSpacing="md" className="nowrap-head">
            <Table.Thead>
              <Table.Tr>
                <Table.Th className="sticky-col">{t('contract.title')}</Table.Th>
                <Table.Th>{t('contract.number')}</Table.Th>
                <Table.Th>{t('recycleBin.deletedAt')}</Table.Th>
                <Table.Th>{t('recycleBin.purgeOn')}</Table.Th>
                <Table.Th w={130}>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <BinRow key={item.id} item={item} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <LoadMore hasMore={bin.hasNextPage} loading={bin.isFetchingNextPage} onLoad={() => void bin.fetchNextPage()} />
    </div>
  );
}

function BinRow({ item }: { item: RecycledContract }) {
  const { t, fmt } = useI18n();
  const restore = useRestoreContract();
  const run = () =>
    restore.mutate(item.id, {
      onSuccess: () => notifySuccess(t('recycleBin.restored', { title: item.title })),
      onError: (error) => notifyError(t, error),
    });
  return (
    <Table.Tr>
      <Table.Td className="sticky-col" miw={180}>
        <Text size="sm" fw={500} className="break-anywhere">
          {item.title}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{item.contractNumber ?? '—'}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{fmt.dateTime(item.deletedAt)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{fmt.date(item.purgeOn)}</Text>
      </Table.Td>
      <Table.Td>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconRestore size={14} />}
          loading={restore.isPending}
          aria-label={t('recycleBin.restoreNamed', { title: item.title })}
          onClick={run}
        >
          {t('recycleBin.restore')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
