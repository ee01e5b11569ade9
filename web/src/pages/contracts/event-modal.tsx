import { Button, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { z } from 'zod';
import { customEventInput } from '../../../../common/schemas/reminders.js';
import { calendarDate } from '../../../../common/terms/lifecycle.js';
import { type CalendarEvent, useCreateEvent, useEventCategories, useUpdateEvent } from '../../api/use-events.js';
import { useListItems } from '../../api/use-lists.js';
import { AppModal } from '../../components/app-modal.js';
import { notifySuccess } from '../../components/notify.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { useZodForm } from '../../forms/use-zod-form.js';
import { useT } from '../../i18n/i18n-context.js';

type Props = {
  contractId: string;
  /** The custom event to edit; null adds one. */
  event: CalendarEvent | null;
  opened: boolean;
  onClose: () => void;
};

export function EventModal({ contractId, event, opened, onClose }: Props) {
  const t = useT();
  return (
    <AppModal
      opened={opened}
      onClose={onClose}
      title={event ? t('contractEvents.editTitle') : t('contractEvents.addTitle')}
      size="lg"
    >
      {opened && <EventForm contractId={contractId} event={event} onDone={onClose} />}
    </AppModal>
  );
}

const formSchema = customEventInput.extend({
  date: calendarDate,
  description: z.string().max(4000),
  categoryId: z.string().nullable(),
});

/** Event categories first (they are meant for this), then the contract categories. */
function useCategoryOptions() {
  const t = useT();
  const events = useEventCategories();
  const contracts = useListItems('categories');
  const group = (label: string, items: { id: string; name: string }[] | undefined) =>
    items?.length ? [{ group: label, items: items.map((c) => ({ value: c.id, label: c.name })) }] : [];
  return [
    ...group(t('contractEvents.eventCategories'), events.data),
    ...group(t('contractEvents.contractCategories'), contracts.data),
  ];
}

type FormProps = { contractId: string; event: CalendarEvent | null; onDone: () => void };

function EventForm({ contractId, event, onDone }: FormProps) {
  const t = useT();
  const categories = useCategoryOptions();
  const form = useZodForm(formSchema, {
    title: event?.title ?? '',
    date: event?.date ?? '',
    description: event?.description ?? '',
    categoryId: event?.categoryId ?? null,
  });
  const create = useCreateEvent(contractId);
  const update = useUpdateEvent(contractId);
  const submit = form.onSubmit((data) => {
    const body = {
      title: data.title,
      date: data.date,
      description: data.description.trim() || null,
      // Left empty on a new event, the contract's category applies.
      ...(data.categoryId || event ? { categoryId: data.categoryId } : {}),
    };
    const done = {
      onSuccess: () => {
        notifySuccess(t('contractEvents.saved'));
        onDone();
      },
      onError: form.showError,
    };
    if (event) update.mutate({ id: event.id, ...body }, done);
    else create.mutate(body, done);
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ProblemAlert error={form.formError} />
        <TextInput label={t('contractEvents.title')} required data-autofocus {...form.textProps('title')} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <TextInput type="date" label={t('contractEvents.date')} required {...form.textProps('date')} />
          <Select
            label={t('contractEvents.category')}
            placeholder={t('contractEvents.categoryDefault')}
            clearable
            searchable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            value={form.values.categoryId ?? null}
            error={form.errors.categoryId}
            data={categories}
            nothingFoundMessage={t('contractEvents.noCategory')}
            onChange={(value) => form.setValue('categoryId', value)}
          />
        </SimpleGrid>
        <Textarea
          label={t('contractEvents.description')}
          autosize
          minRows={3}
          maxRows={10}
          {...form.textProps('description')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {event ? t('common.save') : t('contractEvents.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
