import { ActionIcon, Button, Checkbox, Group, Input, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import {
  REPEATS,
  type Repeat,
  SYSTEM_EVENT_TYPES,
  type SystemEventType,
} from '../../../../../common/schemas/reminders.js';
import type { DefaultReminder } from '../../../api/use-reminders.js';
import { useT } from '../../../i18n/i18n-context.js';
import { eventTypeLabel, repeatLabel } from '../../contracts/reminder-labels.js';
import { LeadTimesInput } from '../../contracts/reminder-lead-times.js';

export const MAX_DEFAULTS = 10;

type Props = {
  value: DefaultReminder[];
  onChange: (next: DefaultReminder[]) => void;
  /** Messages by path, e.g. "defaultReminders.0.leadTimes". */
  errors: Record<string, string>;
};

const NEW_DEFAULT: DefaultReminder = {
  eventType: 'notice_deadline',
  leadTimes: [90, 30],
  recipients: { owner: true, backupOwner: false, unitEditors: false, userIds: [], emails: [] },
};

/** The reminders ticked in advance on every new contract. */
export function DefaultRemindersEditor({ value, onChange, errors }: Props) {
  const t = useT();
  const update = (index: number, patch: Partial<DefaultReminder>) =>
    onChange(value.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  return (
    <Stack gap="sm">
      {value.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('reminderSettings.noDefaults')}
        </Text>
      )}
      {value.map((item, index) => {
        const path = `defaultReminders.${index}`;
        const recipients = item.recipients;
        const others = recipients.userIds.length + recipients.emails.length;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
          <Paper key={index} withBorder radius="md" p="sm" data-testid="default-reminder">
            <Stack gap="xs">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text size="xs" fw={700} c="dimmed" tt="uppercase">
                  {t('reminderSettings.defaultNumber', { n: index + 1 })}
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('reminderSettings.removeDefault')}
                  onClick={() => onChange(value.filter((_, i) => i !== index))}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                <Select
                  label={t('reminderSettings.eventType')}
                  allowDeselect={false}
                  value={item.eventType}
                  error={errors[`${path}.eventType`]}
                  data={SYSTEM_EVENT_TYPES.map((type) => ({ value: type, label: eventTypeLabel(t, type) }))}
                  onChange={(v) => v && update(index, { eventType: v as SystemEventType })}
                />
                <Select
                  label={t('reminder.repeatLabel')}
                  allowDeselect={false}
                  value={item.repeat ?? ''}
                  error={errors[`${path}.repeat`]}
                  data={[
                    { value: '', label: t('reminderSettings.repeatAccountDefault') },
                    ...REPEATS.map((r) => ({ value: r, label: repeatLabel(t, r) })),
                  ]}
                  onChange={(v) => update(index, { repeat: v ? (v as Repeat) : undefined })}
                />
              </SimpleGrid>
              <LeadTimesInput
                label={t('reminder.leadTimes')}
                required
                value={item.leadTimes}
                error={errors[`${path}.leadTimes`]}
                onChange={(leadTimes) => update(index, { leadTimes })}
              />
              <Input.Wrapper
                label={t('reminder.recipients')}
                required
                labelElement="div"
                error={errors[`${path}.recipients`]}
                description={others > 0 ? t('reminderSettings.otherRecipients', { count: others }) : undefined}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
              >
                <Group gap="lg" mt={6} mb={4}>
                  <Checkbox
                    label={t('reminder.to.owner')}
                    checked={recipients.owner}
                    onChange={(e) => update(index, { recipients: { ...recipients, owner: e.currentTarget.checked } })}
                  />
                  <Checkbox
                    label={t('reminder.to.backupOwner')}
                    checked={recipients.backupOwner}
                    onChange={(e) =>
                      update(index, { recipients: { ...recipients, backupOwner: e.currentTarget.checked } })
                    }
                  />
                  <Checkbox
                    label={t('reminder.to.unitEditors')}
                    checked={recipients.unitEditors}
                    onChange={(e) =>
                      update(index, { recipients: { ...recipients, unitEditors: e.currentTarget.checked } })
                    }
                  />
                </Group>
              </Input.Wrapper>
            </Stack>
          </Paper>
        );
      })}
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} />}
          disabled={value.length >= MAX_DEFAULTS}
          onClick={() => onChange([...value, NEW_DEFAULT])}
        >
          {t('reminderSettings.addDefault')}
        </Button>
      </Group>
    </Stack>
  );
}
