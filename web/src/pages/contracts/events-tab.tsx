import { Button, Group, Stack, Text } from '@mantine/core';
import { IconCalendarOff, IconCalendarPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { EventType } from '../../../../common/schemas/reminders.js';
import type { Contract } from '../../api/use-contracts.js';
import { type CalendarEvent, useContractEvents } from '../../api/use-events.js';
import { type Reminder, useContractReminders } from '../../api/use-reminders.js';
import { EmptyBox, ErrorState, TableSkeleton } from '../../components/states.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { DeliveriesDrawer } from './deliveries-drawer.js';
import { type EventActions, EventCard } from './event-card.js';
import { EventModal } from './event-modal.js';
import { DeleteEventModal, DeleteReminderModal } from './events-delete-modals.js';
import { eventLabel } from './events-labels.js';
import { leadTimeLabel } from './reminder-labels.js';
import { ReminderModal } from './reminder-modal.js';

const TYPE_ORDER: Record<EventType, number> = { start: 0, notice_deadline: 1, end: 2, renewal: 3, custom: 4 };

/** Date order; events without a date (nothing to remind of) come last. */
function byDate(a: CalendarEvent, b: CalendarEvent): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return TYPE_ORDER[a.type] - TYPE_ORDER[b.type];
}

type Dialog =
  | { type: 'event'; event: CalendarEvent | null }
  | { type: 'deleteEvent'; event: CalendarEvent }
  | { type: 'reminder'; event: CalendarEvent; reminder: Reminder | null }
  | { type: 'deleteReminder'; reminder: Reminder }
  | { type: 'deliveries'; event: CalendarEvent; reminder: Reminder }
  | null;

/** The contract's events in date order, each with its reminders. */
export function EventsTab({ contract }: { contract: Contract }) {
  const { t } = useI18n();
  const events = useContractEvents(contract.id);
  const reminders = useContractReminders(contract.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  if (events.isPending || reminders.isPending) return <TableSkeleton rows={3} />;
  if (events.isError) return <ErrorState error={events.error} onRetry={() => void events.refetch()} />;
  if (reminders.isError) return <ErrorState error={reminders.error} onRetry={() => void reminders.refetch()} />;
  const close = () => setDialog(null);
  const actions: EventActions = {
    onAddReminder: (event) => setDialog({ type: 'reminder', event, reminder: null }),
    onEditReminder: (event, reminder) => setDialog({ type: 'reminder', event, reminder }),
    onDeleteReminder: (reminder) => setDialog({ type: 'deleteReminder', reminder }),
    onDeliveries: (event, reminder) => setDialog({ type: 'deliveries', event, reminder }),
    onEditEvent: (event) => setDialog({ type: 'event', event }),
    onDeleteEvent: (event) => setDialog({ type: 'deleteEvent', event }),
  };
  const sorted = [...events.data].sort(byDate);
  const add = contract.abilities.edit && (
    <Button leftSection={<IconCalendarPlus size={16} />} onClick={() => setDialog({ type: 'event', event: null })}>
      {t('contractEvents.add')}
    </Button>
  );
  const deliveries = dialog?.type === 'deliveries' ? dialog : null;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" gap="sm">
        <Text size="sm" c="dimmed" maw={640}>
          {t('contractEvents.intro')}
        </Text>
        {add}
      </Group>
      {sorted.length === 0 ? (
        <EmptyBox
          icon={<IconCalendarOff />}
          title={t('contractEvents.emptyTitle')}
          description={t('contractEvents.emptyText')}
        />
      ) : (
        sorted.map((event) => (
          <EventCard
            key={event.id}
            event={event}
            contract={contract}
            reminders={reminders.data.filter((r) => r.eventId === event.id)}
            actions={actions}
          />
        ))
      )}
      <EventModal
        contractId={contract.id}
        event={dialog?.type === 'event' ? dialog.event : null}
        opened={dialog?.type === 'event'}
        onClose={close}
      />
      <DeleteEventModal
        contractId={contract.id}
        event={dialog?.type === 'deleteEvent' ? dialog.event : null}
        onClose={close}
      />
      <ReminderModal
        contractId={contract.id}
        event={dialog?.type === 'reminder' ? dialog.event : null}
        reminder={dialog?.type === 'reminder' ? dialog.reminder : null}
        onClose={close}
      />
      <DeleteReminderModal
        contractId={contract.id}
        reminder={dialog?.type === 'deleteReminder' ? dialog.reminder : null}
        onClose={close}
      />
      <DeliveriesDrawer
        reminderId={deliveries?.reminder.id ?? null}
        subject={
          deliveries
            ? `${eventLabel(t, deliveries.event)} · ${deliveries.reminder.leadTimes.map((d) => leadTimeLabel(t, d)).join(', ')}`
            : ''
        }
        onClose={close}
      />
    </Stack>
  );
}
