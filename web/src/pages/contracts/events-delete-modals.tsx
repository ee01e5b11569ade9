import { Text } from '@mantine/core';
import { type CalendarEvent, useDeleteEvent } from '../../api/use-events.js';
import { type Reminder, useDeleteReminder } from '../../api/use-reminders.js';
import { ConfirmModal } from '../../components/confirm-modal.js';
import { notifyError, notifySuccess } from '../../components/notify.js';
import { useT } from '../../i18n/i18n-context.js';
import { leadTimeLabel } from './reminder-labels.js';

type EventProps = { contractId: string; event: CalendarEvent | null; onClose: () => void };

export function DeleteEventModal({ contractId, event, onClose }: EventProps) {
  const t = useT();
  const remove = useDeleteEvent(contractId);
  const confirm = () =>
    event &&
    remove.mutate(event.id, {
      onSuccess: () => {
        notifySuccess(t('contractEvents.deleted'));
        onClose();
      },
      onError: (error) => notifyError(t, error),
    });
  return (
    <ConfirmModal
      opened={event !== null}
      title={t('contractEvents.deleteTitle')}
      confirmLabel={t('common.delete')}
      loading={remove.isPending}
      onConfirm={confirm}
      onClose={onClose}
    >
      <Text size="sm" className="break-anywhere">
        {event && t('contractEvents.deleteText', { title: event.title, count: event.reminderCount })}
      </Text>
    </ConfirmModal>
  );
}

type ReminderProps = { contractId: string; reminder: Reminder | null; onClose: () => void };

export function DeleteReminderModal({ contractId, reminder, onClose }: ReminderProps) {
  const t = useT();
  const remove = useDeleteReminder(contractId);
  const confirm = () =>
    reminder &&
    remove.mutate(reminder.id, {
      onSuccess: () => {
        notifySuccess(t('reminder.deleted'));
        onClose();
      },
      onError: (error) => notifyError(t, error),
    });
  return (
    <ConfirmModal
      opened={reminder !== null}
      title={t('reminder.deleteTitle')}
      confirmLabel={t('common.delete')}
      loading={remove.isPending}
      onConfirm={confirm}
      onClose={onClose}
    >
      <Text size="sm">
        {reminder &&
          t('reminder.deleteText', { leadTimes: reminder.leadTimes.map((d) => leadTimeLabel(t, d)).join(', ') })}
      </Text>
    </ConfirmModal>
  );
}
