import { Badge, Box, Button, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlarm, IconBellPlus, IconCalendarEvent, IconFlag, IconPlayerPlay, IconRefresh } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { EventType } from '../../../../common/schemas/reminders.js';
import type { Contract } from '../../api/use-contracts.js';
import type { CalendarEvent } from '../../api/use-events.js';
import { useEventCategories } from '../../api/use-events.js';
import { useListItems } from '../../api/use-lists.js';
import type { Reminder } from '../../api/use-reminders.js';
import { RowMenu } from '../../components/row-actions.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { countdown, countdownLabel, URGENCY_COLOR } from './deadline.js';
import { eventLabel, noDateKey } from './events-labels.js';
import { ReminderItem } from './reminder-item.js';

const ICON: Record<EventType, ReactNode> = {
  start: <IconPlayerPlay size={20} />,
  end: <IconFlag size={20} />,
  notice_deadline: <IconAlarm size={20} />,
  renewal: <IconRefresh size={20} />,
  custom: <IconCalendarEvent size={20} />,
};

export type EventActions = {
  onAddReminder: (event: CalendarEvent) => void;
  onEditReminder: (event: CalendarEvent, reminder: Reminder) => void;
  onDeleteReminder: (reminder: Reminder) => void;
  onDeliveries: (event: CalendarEvent, reminder: Reminder) => void;
  onEditEvent: (event: CalendarEvent) => void;
  onDeleteEvent: (event: CalendarEvent) => void;
};

type Props = { event: CalendarEvent; reminders: Reminder[]; contract: Contract; actions: EventActions };

/** One event of the contract with its date, what it means, and the reminders set on it. */
export function EventCard({ event, reminders, contract, actions }: Props) {
  const { t } = useI18n();
  const canEdit = contract.abilities.edit;
  const custom = event.type === 'custom';
  const past = event.date !== null && event.date < contract.asOf;
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={eventLabel(t, event)} data-testid="event">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Group gap="sm" align="flex-start" wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
          <ThemeIcon variant="light" radius="md" size={38} color={custom ? 'grape' : 'indigo'} aria-hidden>
            {ICON[event.type]}
          </ThemeIcon>
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Title order={5} className="break-anywhere" c={past ? 'dimmed' : undefined}>
              {eventLabel(t, event)}
            </Title>
            {/* Narrow screens: the date under the title, so the text keeps its width. */}
            <Box hiddenFrom="sm">
              <EventDate event={event} contract={contract} inline />
            </Box>
            <EventDetails event={event} />
          </Stack>
        </Group>
        <Group gap={4} wrap="nowrap" align="flex-start">
          <Box visibleFrom="sm">
            <EventDate event={event} contract={contract} />
          </Box>
          {custom && canEdit && (
            <RowMenu
              label={t('contractEvents.actionsFor', { title: event.title })}
              editText={t('contractEvents.edit')}
              onEdit={() => actions.onEditEvent(event)}
              onDelete={() => actions.onDeleteEvent(event)}
            />
          )}
        </Group>
      </Group>
      {reminders.length > 0 && (
        <Stack gap={0} mt="sm">
          {reminders.map((reminder) => (
            <ReminderItem
              key={reminder.id}
              reminder={reminder}
              contractId={contract.id}
              owners={{ ownerId: contract.ownerId, backupOwnerId: contract.backupOwnerId }}
              onEdit={(r) => actions.onEditReminder(event, r)}
              onDelete={actions.onDeleteReminder}
              onDeliveries={(r) => actions.onDeliveries(event, r)}
            />
          ))}
        </Stack>
      )}
      {canEdit && event.date && !past && (
        <Group mt="sm">
          <Button
            size="xs"
            variant="light"
            leftSection={<IconBellPlus size={14} />}
            onClick={() => actions.onAddReminder(event)}
          >
            {t('reminder.add')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}

function EventDetails({ event }: { event: CalendarEvent }) {
  const t = useI18n().t;
  const eventCategories = useEventCategories();
  const contractCategories = useListItems('categories');
  if (event.type !== 'custom') {
    return (
      <Text size="sm" c="dimmed">
        {t(`contractEvents.explain.${event.type}`)}
      </Text>
    );
  }
  const all = [...(eventCategories.data ?? []), ...(contractCategories.data ?? [])];
  const category = all.find((c) => c.id === event.categoryId)?.name;
  return (
    <>
      <Group gap={6}>
        <Badge size="xs" variant="light" color="grape" tt="none">
          {t('contractEvents.custom')}
        </Badge>
        {category && (
          <Badge size="xs" variant="default" tt="none">
            {category}
          </Badge>
        )}
      </Group>
      {event.description && (
        <Text size="sm" c="dimmed" className="break-anywhere" style={{ whiteSpace: 'pre-line' }} lineClamp={4}>
          {event.description}
        </Text>
      )}
    </>
  );
}

type DateProps = { event: CalendarEvent; contract: Contract; inline?: boolean };

function EventDate({ event, contract, inline = false }: DateProps) {
  const { t, fmt } = useI18n();
  if (!event.date) {
    return (
      <Text size="sm" c="dimmed" ta={inline ? undefined : 'right'} maw={inline ? undefined : 200}>
        {t(noDateKey(event, contract))}
      </Text>
    );
  }
  const { days, urgency } = countdown(contract.asOf, event.date);
  const Layout = inline ? Group : Stack;
  return (
    <Layout gap={inline ? 8 : 4} align={inline ? 'center' : 'flex-end'} my={inline ? 2 : 0}>
      <Text fw={600} style={{ whiteSpace: 'nowrap' }} data-testid="event-date">
        {fmt.date(event.date)}
      </Text>
      <Badge
        size="sm"
        radius="sm"
        tt="none"
        variant={urgency === 'passed' ? 'light' : 'filled'}
        color={URGENCY_COLOR[urgency]}
        autoContrast
        miw="max-content"
      >
        {countdownLabel(t, days)}
      </Badge>
    </Layout>
  );
}
