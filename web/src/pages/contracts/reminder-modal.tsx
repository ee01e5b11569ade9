import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { REPEATS, type Repeat } from '../../../../common/schemas/reminders.js';
import type { CalendarEvent } from '../../api/use-events.js';
import { type Reminder, useCreateReminder, useReminderSettings, useUpdateReminder } from '../../api/use-reminders.js';
import { AppModal } from '../../components/app-modal.js';
import { notifySuccess } from '../../components/notify.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { describeError } from '../../forms/describe-error.js';
import { ownSubmit } from '../../forms/own-submit.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useEventLabel } from './events-labels.js';
import {
  checkReminder,
  initialReminder,
  type ReminderErrors,
  type ReminderValues,
  serverErrors,
  toReminderInput,
} from './reminder-form.js';
import { repeatLabel } from './reminder-labels.js';
import { LeadTimesInput } from './reminder-lead-times.js';
import { RecipientsInput } from './reminder-recipients.js';

type Props = {
  contractId: string;
  /** The event the reminder belongs to; null closes the modal. */
  event: CalendarEvent | null;
  /** The reminder to edit; null sets a new one. */
  reminder: Reminder | null;
  onClose: () => void;
};

export function ReminderModal({ contractId, event, reminder, onClose }: Props) {
  const { t } = useI18n();
  return (
    <AppModal
      opened={event !== null}
      onClose={onClose}
      title={reminder ? t('reminder.editTitle') : t('reminder.addTitle')}
      size="lg"
    >
      {event && <ReminderForm contractId={contractId} event={event} reminder={reminder} onDone={onClose} />}
    </AppModal>
  );
}

type FormProps = { contractId: string; event: CalendarEvent; reminder: Reminder | null; onDone: () => void };

function ReminderForm({ contractId, event, reminder, onDone }: FormProps) {
  const { t, fmt } = useI18n();
  const eventLabel = useEventLabel();
  const settings = useReminderSettings();
  const create = useCreateReminder(contractId);
  const update = useUpdateReminder(contractId);
  const [values, setValues] = useState<ReminderValues>(() => initialReminder(reminder));
  const [errors, setErrors] = useState<ReminderErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const set = <K extends keyof ReminderValues>(key: K, value: ReminderValues[K], clears: (keyof ReminderErrors)[]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) =>
      Object.fromEntries(Object.entries(current).filter(([k]) => !clears.includes(k as keyof ReminderErrors))),
    );
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const found = checkReminder(t, values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const input = toReminderInput(values);
    const done = {
      onSuccess: () => {
        notifySuccess(t('reminder.saved'));
        onDone();
      },
      onError: (error: unknown) => {
        const placed = serverErrors(t, error, values.recipients.emails);
        setErrors(placed.errors);
        setFailure(placed.rest ? error : null);
      },
    };
    if (reminder) update.mutate({ id: reminder.id, ...input }, done);
    else create.mutate({ eventId: event.id, ...input }, done);
  };
  const defaultRepeat = settings.data?.defaultRepeat;
  return (
    <form onSubmit={ownSubmit(submit)} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          {event.date
            ? t('reminder.forEvent', { event: eventLabel(event), date: fmt.date(event.date) })
            : eventLabel(event)}
        </Text>
        <ProblemAlert error={failure ? describeError(t, failure) : null} />
        <LeadTimesInput
          label={t('reminder.leadTimes')}
          description={t('reminder.leadTimesHint')}
          required
          value={values.leadTimes}
          error={errors.leadTimes}
          onChange={(days) => set('leadTimes', days, ['leadTimes'])}
        />
        <Select
          label={t('reminder.repeatLabel')}
          description={t('reminder.repeatHint')}
          allowDeselect={false}
          w={{ base: '100%', xs: 320 }}
          value={values.repeat ?? defaultRepeat ?? null}
          placeholder={t('reminder.repeatDefault')}
          error={errors.repeat}
          data={REPEATS.map((r) => ({
            value: r,
            label:
              r === defaultRepeat ? t('reminder.repeatIsDefault', { repeat: repeatLabel(t, r) }) : repeatLabel(t, r),
          }))}
          onChange={(value) => value && set('repeat', value as Repeat, ['repeat'])}
        />
        <RecipientsInput
          value={values.recipients}
          errors={errors}
          onChange={(recipients) => set('recipients', recipients, ['recipients', 'userIds', 'emails'])}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {reminder ? t('common.save') : t('reminder.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
