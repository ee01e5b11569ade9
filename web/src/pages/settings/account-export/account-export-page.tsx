import { Alert, Badge, Button, Group, List, Paper, Progress, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconDownload, IconFileZip, IconPackageExport } from '@tabler/icons-react';
import {
  type AccountExport,
  accountExportUrl,
  useAccountExports,
  useStartAccountExport,
} from '../../../api/use-account-exports.js';
import { useCurrentMe } from '../../../api/use-me.js';
import { PageHeader } from '../../../components/page-header.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { EmptyBox, ErrorState, NoAccess, TableSkeleton } from '../../../components/states.js';
import { describeError } from '../../../forms/describe-error.js';
import { useI18n } from '../../../i18n/i18n-context.js';

const STATUS_COLORS: Record<AccountExport['status'], string> = {
  queued: 'gray',
  running: 'blue',
  done: 'teal',
  failed: 'red',
  expired: 'gray',
};

/** Settings → Export: start an export of the whole account, follow its progress, download it for 7 days. */
export function AccountExportPage() {
  const { t, locale } = useI18n();
  const { abilities } = useCurrentMe();
  const start = useStartAccountExport();
  const exports = useAccountExports();
  if (!abilities.exportAccount) return <NoAccess />;
  const busy = exports.data?.some((e) => e.status === 'queued' || e.status === 'running') ?? false;
  return (
    <>
      <PageHeader
        title={t('accountExport.title')}
        description={t('accountExport.description')}
        actions={
          <Button
            leftSection={<IconPackageExport size={16} />}
            loading={start.isPending}
            disabled={busy}
            onClick={() => start.mutate(locale)}
          >
            {t('accountExport.start')}
          </Button>
        }
      />
      <Stack gap="md">
        <Paper withBorder radius="md" p="md">
          <Text size="sm">{t('accountExport.contains')}</Text>
          <List size="sm" mt="xs" spacing={2}>
            <List.Item>{t('accountExport.containsRecords')}</List.Item>
            <List.Item>{t('accountExport.containsDocuments')}</List.Item>
            <List.Item>{t('accountExport.containsManifest')}</List.Item>
          </List>
          <Text size="sm" c="dimmed" mt="xs">
            {t('accountExport.notice')}
          </Text>
        </Paper>
        {start.isError && <ProblemAlert error={describeError(t, start.error)} />}
        <ExportList exports={exports} onStart={() => start.mutate(locale)} />
      </Stack>
    </>
  );
}

function ExportList({ exports, onStart }: { exports: ReturnType<typeof useAccountExports>; onStart: () => void }) {
  const { t } = useI18n();
  if (exports.isPending) return <TableSkeleton rows={2} />;
  if (exports.isError) return <ErrorState error={exports.error} onRetry={() => void exports.refetch()} />;
  if (exports.data.length === 0) {
    return (
      <EmptyBox
        icon={<IconFileZip />}
        title={t('accountExport.emptyTitle')}
        description={t('accountExport.emptyText')}
        action={<Button onClick={onStart}>{t('accountExport.start')}</Button>}
      />
    );
  }
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={760} type="native">
        <Table horizontalSpacing="md" className="nowrap-head" aria-label={t('accountExport.listLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('field.created')}</Table.Th>
              <Table.Th>{t('accountExport.colRequestedBy')}</Table.Th>
              <Table.Th>{t('accountExport.colStatus')}</Table.Th>
              <Table.Th>{t('accountExport.colSize')}</Table.Th>
              <Table.Th>{t('accountExport.colExpires')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {exports.data.map((e) => (
              <ExportRow key={e.id} item={e} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function ExportRow({ item }: { item: AccountExport }) {
  const { t, fmt } = useI18n();
  const pending = item.status === 'queued' || item.status === 'running';
  const percent = item.total > 0 ? Math.min(100, Math.round((item.done / item.total) * 100)) : 0;
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm">{fmt.dateTime(item.createdAt)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{item.requestedBy ?? '—'}</Text>
      </Table.Td>
      <Table.Td miw={220}>
        <Stack gap={4}>
          <Group gap="xs">
            <Badge variant="light" color={STATUS_COLORS[item.status]}>
              {t(`accountExport.status.${item.status}`)}
            </Badge>
            {pending && (
              <Text size="xs" c="dimmed">
                {t('accountExport.percent', { percent: fmt.number(percent) })}
              </Text>
            )}
          </Group>
          {pending && (
            <Progress
              value={percent}
              striped
              animated
              size="sm"
              aria-label={t('accountExport.progress')}
              aria-valuetext={t('accountExport.percent', { percent: fmt.number(percent) })}
            />
          )}
          {item.status === 'failed' && item.error && (
            <Alert color="red" variant="light" p="xs" role="alert">
              <Text size="xs">{item.error}</Text>
            </Alert>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{item.size === null ? '—' : fmt.bytes(item.size)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{item.status === 'done' && item.expiresAt ? fmt.dateTime(item.expiresAt) : '—'}</Text>
      </Table.Td>
      <Table.Td>
        {item.status === 'done' && (
          <Button
            component="a"
            href={accountExportUrl(item.id)}
            download
            variant="light"
            size="xs"
            leftSection={<IconDownload size={14} />}
          >
            {t('accountExport.download')}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
