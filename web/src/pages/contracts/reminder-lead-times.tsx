import { ActionIcon, Chip, Group, Input, NumberInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { MAX_LEAD_DAYS } from '../../../../common/schemas/reminders.js';
import { useT } from '../../i18n/i18n-context.js';
import { LEAD_PRESETS, leadTimeLabel, sortLeadTimes } from './reminder-labels.js';

type Props = {
  label: string;
  description?: string;
  value: number[];
  onChange: (days: number[]) => void;
  error?: string;
  required?: boolean;
  /** The days offered as chips; chosen days outside them are shown too. */
  presets?: readonly number[];
};

/** Days before an event as toggle chips, with a box for any other number of days (0–1095). */
export function LeadTimesInput({
  label,
  description,
  value,
  onChange,
  error,
  required,
  presets = LEAD_PRESETS,
}: Props) {
  const t = useT();
  const id = useId();
  const [custom, setCustom] = useState<string | number>('');
  const shown = sortLeadTimes([...presets, ...value]);
  const customDays = typeof custom === 'number' ? custom : Number.NaN;
  const canAdd = Number.isInteger(customDays) && customDays >= 0 && customDays <= MAX_LEAD_DAYS;
  const add = () => {
    if (!canAdd) return;
    onChange(sortLeadTimes([...value, customDays]));
    setCustom('');
  };
  return (
    <Input.Wrapper label={label} description={description} error={error} required={required} id={id} labelElement="div">
      <Group gap={6} mt={6} role="group" aria-labelledby={`${id}-label`}>
        <Chip.Group multiple value={value.map(String)} onChange={(next) => onChange(sortLeadTimes(next.map(Number)))}>
          {shown.map((days) => (
            <Chip key={days} value={String(days)} size="sm" variant="outline">
              {leadTimeLabel(t, days)}
            </Chip>
          ))}
        </Chip.Group>
        <Group gap={4} wrap="nowrap">
          <NumberInput
            size="xs"
            w={110}
            min={0}
            max={MAX_LEAD_DAYS}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="strict"
            placeholder={t('reminder.lead.customPlaceholder')}
            aria-label={t('reminder.lead.customLabel')}
            value={custom}
            onChange={setCustom}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                add();
              }
            }}
          />
          <ActionIcon variant="light" size="md" disabled={!canAdd} aria-label={t('reminder.lead.add')} onClick={add}>
            <IconPlus size={16} />
          </ActionIcon>
        </Group>
      </Group>
    </Input.Wrapper>
  );
}
