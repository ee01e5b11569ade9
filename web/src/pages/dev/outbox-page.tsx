import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconInbox, IconRefresh } from '@tabler/icons-react';
import { isApiError } from '../../api/api-error.js';
import { useDevOutbox } from '../../api/use-dev-outbox.js';
import { useCurrentMe } from '../../api/use-me.js';
import { EmptyBox, ErrorState, NoAccess, TableSkeleton } from '../../components/states.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useT } from '../../i18n/i18n-context.js';
import { OutboxMailCard } from './outbox-mail-card.js';

/** Development only: the mails the server "sent" for this account, for its administrators to follow invitation links. */
export function OutboxPage() {
  const { abilities } = useCurrentMe();
  return abilities.readDevOutbox ? <Outbox /> : <NoAccess />;
}

function Outbox() {
  const t = useT();
  const outbox = useDevOutbox();
  usePageTitle(t('outbox.title'));
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4} style={{ flex: '1 1 300px' }}>
          <Group gap="xs">
            <Title order={1} size="h2">
              {t('outbox.title')}
            </Title>
            <Badge color="orange" variant="light">
              {t('outbox.devOnly')}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {t('outbox.description')}
          </Text>
        </Stack>
        <Button
          variant="default"
          leftSection={<IconRefresh size={16} />}
          loading={outbox.isFetching}
          onClick={() => void outbox.refetch()}
        >
          {t('outbox.refresh')}
        </Button>
      </Group>
      <OutboxContent outbox={outbox} />
    </Stack>
  );
}

function OutboxContent({ outbox }: { outbox: ReturnType<typeof useDevOutbox> }) {
  const t = useT();
  if (outbox.isPending) return <TableSkeleton rows={3} />;
  if (isApiError(outbox.error) && outbox.error.status === 404) {
    return <EmptyBox icon={<IconInbox />} title={t('outbox.disabledTitle')} description={t('outbox.disabledText')} />;
  }
  if (outbox.isError) return <ErrorState error={outbox.error} onRetry={() => void outbox.refetch()} />;
  if (outbox.data.items.length === 0) {
    return <EmptyBox icon={<IconInbox />} title={t('outbox.emptyTitle')} description={t('outbox.emptyText')} />;
  }
  return (
    <Paper withBorder radius="md" p={0}>
      {outbox.data.items.map((mail, index) => (
        <OutboxMailCard key={mail.id} mail={mail} first={index === 0} />
      ))}
    </Paper>
  );
}
