import { Group, Input, NativeSelect, TextInput } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import type { PeriodUnit } from '../../../../common/terms/periods.js';
import { useT } from '../../i18n/i18n-context.js';
import type { PeriodValue } from './contract-form-values.js';

const UNITS: PeriodUnit[] = ['D', 'W', 'M', 'Y'];

type Props = {
  label: string;
  description?: ReactNode;
  value: PeriodValue;
  error?: string;
  required?: boolean;
  onChange: (value: PeriodValue) => void;
};

/** A count and a unit; the form joins them into an ISO 8601 period such as P3M. */
export function PeriodInput({ label, description, value, error, required, onChange }: Props) {
  const t = useT();
  const id = useId();
  return (
    <Input.Wrapper
      label={label}
      description={description}
      error={error}
      required={required}
      labelProps={{ htmlFor: id }}
    >
      <Group gap={6} wrap="nowrap" mt={description ? 4 : 0}>
        <TextInput
          id={id}
          inputMode="numeric"
          value={value.count}
          error={Boolean(error)}
          w={90}
          onChange={(event) => onChange({ ...value, count: event.currentTarget.value.replace(/[^0-9]/g, '') })}
        />
        <NativeSelect
          aria-label={t('lifecycle.unitOf', { field: label })}
          value={value.unit}
          style={{ flex: 1 }}
          data={UNITS.map((unit) => ({ value: unit, label: t(`period.${unit}.unit`) }))}
          onChange={(event) => onChange({ ...value, unit: event.currentTarget.value as PeriodUnit })}
        />
      </Group>
    </Input.Wrapper>
  );
}
