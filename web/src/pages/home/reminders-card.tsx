import { Alert, Badge, Box, Button, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconAlarm, IconBellRinging, IconCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import { notifyError, notifySuccess } from '../../components/notify.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { DeadlineBadge } from '../contracts/deadline-badge.js';
import { DashboardCard } from './dashboard-card.js';
import { plural } from './plural.js';
import { type Dashboard, useAcknowledgeReminders } from './use-dashboard.js';

type Reminder = Dashboard['myReminders'][number];
/** Reminders of one event (say the account's expiry schedule and a colleague's own) read as one line. */
type EventReminders = { first: Reminder; open: string[] };

const ROW_STYLE = { borderRadius: 'var(--mantine-radius-md)', flex: 1, minWidth: 0 };

function byEvent(items: Reminder[]): EventReminders[] {
  const groups = new Map<string, EventReminders>();
  for (const item of items) {
    const group = groups.get(item.eventId) ?? { first: item, open: [] };
    if (item.state === 'active') group.open.push(item.reminderId);
    groups.set(item.eventId, group);
  }
  return [...groups.values()];
}

function ReminderRow({ group, asOf }: { group: EventReminders; asOf: string }) {
  const { t, fmt } = useI18n();
  const acknowledge = useAcknowledgeReminders();
  const item = group.first;
  const event = item.eventTitle ?? t(`home.eventType.${item.eventType}`);
  const onAcknowledge = () =>
    acknowledge.mutate(group.open, {
      onSuccess: () => notifySuccess(t('home.acknowledgedNotice', { title: item.contractTitle })),
      onError: (error) => notifyError(t, error),
    });
  return (
    <Group gap="xs" wrap="nowrap" align="center">
      <UnstyledButton
        component={Link}
        to={`/contracts/${item.contractId}`}
        p="xs"
        className="hover-row"
        style={ROW_STYLE}
      >
        <Stack gap={4}>
          <Text size="sm" fw={600} truncate>
            {item.contractTitle}
          </Text>
          <Group gap={6} wrap="wrap">
            <Text size="xs" c="dimmed">
              {event} · {fmt.date(item.eventDate)}
            </Text>
            <DeadlineBadge deadline={item.eventDate} asOf={asOf} withDate={false} />
          </Group>
        </Stack>
      </UnstyledButton>
      {group.open.length === 0 ? (
        <Badge color="teal" variant="light" leftSection={<IconCheck size={12} />} miw="max-content">
          {t('home.reminderAcknowledged')}
        </Badge>
      ) : (
        <Button
          size="compact-sm"
          variant="light"
          miw="max-content"
          loading={acknowledge.isPending}
          onClick={onAcknowledge}
          aria-label={t('home.acknowledgeFor', { title: item.contractTitle, event })}
        >
          {t('home.acknowledge')}
        </Button>
      )}
    </Group>
  );
}

/** Open reminders that reach me, one line per event, with "I'm on it" while any is unacknowledged. */
export function RemindersCard({ data }: { data: Dashboard }) {
  const { t } = useI18n();
  const groups = byEvent(data.myReminders);
  return (
    <DashboardCard title={t('home.remindersTitle')} icon={<IconBellRinging size={18} aria-hidden />}>
      {data.overdueReminders > 0 && (
        <Alert color="orange" variant="light" icon={<IconAlarm size={18} />} mb="sm" p="xs">
          <Text size="sm">{plural(t, 'home.overdue', data.overdueReminders)}</Text>
        </Alert>
      )}
      {groups.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('home.remindersNone')}
        </Text>
      ) : (
        <Box component="ul" m={0} p={0} mah={460} style={{ listStyle: 'none', overflowY: 'auto' }}>
          {groups.map((group) => (
            <li key={group.first.eventId}>
              <ReminderRow group={group} asOf={data.asOf} />
            </li>
          ))}
        </Box>
      )}
    </DashboardCard>
  );
}
