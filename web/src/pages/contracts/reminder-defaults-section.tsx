import { Checkbox, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { type DefaultReminder, useReminderSettings } from '../../api/use-reminders.js';
import { useT } from '../../i18n/i18n-context.js';
import type { Translate } from '../../i18n/translate.js';
import { eventTypeLabel, leadTimeLabel, repeatLabel } from './reminder-labels.js';

/**
 * The account's default reminders, all ticked, for a new contract. Until the defaults have
 * loaded (or when they cannot be read) nothing is sent and the server applies them itself.
 */
export function useDefaultReminderChoice(enabled: boolean) {
  const settings = useReminderSettings({ enabled });
  const [unticked, setUnticked] = useState<ReadonlySet<number>>(new Set());
  const defaults = enabled ? (settings.data?.defaultReminders ?? null) : null;
  const toggle = (index: number, ticked: boolean) =>
    setUnticked((current) => {
      const next = new Set(current);
      if (ticked) next.delete(index);
      else next.add(index);
      return next;
    });
  const body: { reminders?: DefaultReminder[] } = defaults
    ? { reminders: defaults.filter((_, index) => !unticked.has(index)) }
    : {};
  return { defaults, unticked, toggle, body };
}

export type DefaultReminderChoice = ReturnType<typeof useDefaultReminderChoice>;

function recipientsText(t: Translate, r: DefaultReminder['recipients']): string {
  const names = [
    ...(r.owner ? [t('reminder.to.owner')] : []),
    ...(r.backupOwner ? [t('reminder.to.backupOwner')] : []),
    ...(r.unitEditors ? [t('reminder.to.unitEditors')] : []),
  ];
  const others = r.userIds.length + r.emails.length;
  if (others > 0) names.push(t('reminder.toOthers', { count: others }));
  return names.join(', ');
}

export function defaultReminderText(t: Translate, reminder: DefaultReminder, fallbackRepeat: string): string {
  const when = reminder.leadTimes.map((days) => leadTimeLabel(t, days)).join(', ');
  const repeat = reminder.repeat ? repeatLabel(t, reminder.repeat) : fallbackRepeat;
  return t('reminder.defaultLine', { when, repeat, to: recipientsText(t, reminder.recipients) });
}

export function ReminderDefaultsSection({ choice }: { choice: DefaultReminderChoice }) {
  const t = useT();
  const settings = useReminderSettings();
  if (!choice.defaults) return null;
  const fallback = settings.data ? repeatLabel(t, settings.data.defaultRepeat) : '';
  return (
    <Stack gap="sm">
      {choice.defaults.map((reminder, index) => (
        <Checkbox
          // biome-ignore lint/suspicious/noArrayIndexKey: the defaults are a fixed list while the form is open
          key={index}
          checked={!choice.unticked.has(index)}
          onChange={(e) => choice.toggle(index, e.currentTarget.checked)}
          label={eventTypeLabel(t, reminder.eventType)}
          description={defaultReminderText(t, reminder, fallback)}
        />
      ))}
      <Text size="xs" c="dimmed">
        {t('reminder.defaultsHint')}
      </Text>
    </Stack>
  );
}
