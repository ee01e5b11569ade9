import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useContractEnvelopes } from '../../api/use-envelopes.js';
import { EmptyBox, ErrorState, TableSkeleton } from '../../components/states.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { EnvelopeStatusBadge } from './envelope-status.js';

/** The contract's signature requests, newest first; a new one starts from a PDF in the Documents tab. */
export function SigningTab({ contractId }: { contractId: string }) {
  const { t, fmt } = useI18n();
  const envelopes = useContractEnvelopes(contractId);
  if (envelopes.isPending) return <TableSkeleton rows={2} />;
  if (envelopes.isError) return <ErrorState error={envelopes.error} onRetry={() => void envelopes.refetch()} />;
  if (envelopes.data.length === 0) {
    return (
      <EmptyBox icon={<IconSignature />} title={t('signing.tab.emptyTitle')} description={t('signing.tab.emptyText')} />
    );
  }
  return (
    <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('signing.tab.list')}>
      {envelopes.data.map((e) => (
        <Paper key={e.id} withBorder radius="md" p="sm" component="li" aria-label={e.title}>
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Anchor component={Link} to={`/envelopes/${e.id}`} fw={600} className="break-anywhere">
                {e.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                {e.sentAt
                  ? t('signing.tab.sentOn', { date: fmt.dateTime(e.sentAt) })
                  : t('signing.tab.createdOn', { date: fmt.dateTime(e.createdAt) })}
              </Text>
            </Stack>
            <EnvelopeStatusBadge status={e.status} />
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
