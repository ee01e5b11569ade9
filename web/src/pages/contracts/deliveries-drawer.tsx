import { Badge, Code, Drawer, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconMailOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { type Delivery, useDeliveries } from '../../api/use-reminders.js';
import { EmptyBox, ErrorState, TableSkeleton } from '../../components/states.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { DELIVERY_COLOR } from './reminder-labels.js';

type Props = {
  /** The reminder whose mails are shown; null closes the drawer. */
  reminderId: string | null;
  /** What the reminder is about, for the drawer's subtitle. */
  subject: string;
  onClose: () => void;
};

/** Every mail a reminder produced, with what the mail server said about it. */
export function DeliveriesDrawer({ reminderId, subject, onClose }: Props) {
  const { t } = useI18n();
  const narrow = useMediaQuery('(max-width: 36em)') ?? false;
  return (
    <Drawer
      opened={reminderId !== null}
      onClose={onClose}
      position="right"
      size={narrow ? '100%' : 'lg'}
      title={
        <Stack gap={0}>
          <Text fw={600}>{t('delivery.title')}</Text>
          <Text size="sm" c="dimmed" className="break-anywhere">
            {subject}
          </Text>
        </Stack>
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {reminderId && <DeliveryList reminderId={reminderId} />}
    </Drawer>
  );
}

function DeliveryList({ reminderId }: { reminderId: string }) {
  const t = useI18n().t;
  const deliveries = useDeliveries(reminderId);
  if (deliveries.isPending) return <TableSkeleton rows={3} />;
  if (deliveries.isError) return <ErrorState error={deliveries.error} onRetry={() => void deliveries.refetch()} />;
  if (deliveries.data.length === 0) {
    return <EmptyBox icon={<IconMailOff />} title={t('delivery.emptyTitle')} description={t('delivery.emptyText')} />;
  }
  return (
    <Stack gap="sm">
      {deliveries.data.map((d) => (
        <DeliveryCard key={d.id} delivery={d} />
      ))}
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" className="break-anywhere">
        {children}
      </Text>
    </div>
  );
}

function DeliveryCard({ delivery: d }: { delivery: Delivery }) {
  const { t, fmt } = useI18n();
  const kind =
    d.kind === 'escalation' ? t('delivery.kind.escalationLevel', { level: d.level }) : t(`delivery.kind.${d.kind}`);
  return (
    <Paper withBorder radius="md" p="sm" data-testid="delivery">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <div style={{ minWidth: 0 }}>
          <Text size="sm" fw={600} className="break-anywhere">
            {d.recipientName ?? d.recipientEmail}
          </Text>
          {d.recipientName && (
            <Text size="xs" c="dimmed" className="break-anywhere">
              {d.recipientEmail}
            </Text>
          )}
        </div>
        <Badge
          color={DELIVERY_COLOR[d.status]}
          variant="light"
          miw="max-content"
          title={t(`delivery.statusHint.${d.status}`)}
        >
          {t(`delivery.status.${d.status}`)}
        </Badge>
      </Group>
      <Group gap={6} mt={6}>
        <Badge size="xs" variant="default" tt="none">
          {kind}
        </Badge>
        {d.infoOnly && (
          <Badge size="xs" variant="outline" color="gray" tt="none">
            {t('reminder.infoOnly')}
          </Badge>
        )}
      </Group>
      <SimpleGrid cols={{ base: 2 }} spacing="xs" verticalSpacing={6} mt="xs">
        {d.dueOn && <Fact label={t('delivery.dueOn')}>{fmt.date(d.dueOn)}</Fact>}
        {d.eventDate && <Fact label={t('delivery.eventDate')}>{fmt.date(d.eventDate)}</Fact>}
        <Fact label={t('delivery.attempts')}>{fmt.number(d.attempts)}</Fact>
        {d.sentAt ? (
          <Fact label={t('delivery.sentAt')}>{fmt.dateTime(d.sentAt)}</Fact>
        ) : (
          d.nextAttemptAt && <Fact label={t('delivery.nextAttempt')}>{fmt.dateTime(d.nextAttemptAt)}</Fact>
        )}
      </SimpleGrid>
      {d.messageId && (
        <Fact label={t('delivery.messageId')}>
          <Code className="break-anywhere">{d.messageId}</Code>
        </Fact>
      )}
      {d.lastError && (
        <Text size="sm" c="red" mt={6} className="break-anywhere">
          {t('delivery.error', { error: d.lastError })}
        </Text>
      )}
    </Paper>
  );
}
