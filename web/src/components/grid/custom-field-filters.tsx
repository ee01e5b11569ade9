import { Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import type { CustomFieldEntity } from '../../../../common/schemas/vocabulary.js';
import { type CustomField, useCustomFields } from '../../api/use-classification.js';
import { useT } from '../../i18n/i18n-context.js';
import { UserSelect } from '../../pages/contracts/user-select.js';

type Props = {
  values: Record<string, string>;
  onChange: (name: string, value: string | null) => void;
};

type FiltersProps = Props & {
  entity: CustomFieldEntity;
  /** Whether the list API takes `cf.<key>.from` / `.to`; without, numbers and dates filter by equality. */
  ranges: boolean;
};

const FILTERABLE = new Set<CustomField['type']>([
  'text',
  'dropdown',
  'multi_select',
  'checkbox',
  'user',
  'number',
  'date',
]);

/** One filter per custom field: equality for text-like types, a from/to range for numbers and dates. */
export function CustomFieldFilters({ entity, ranges, values, onChange }: FiltersProps) {
  const t = useT();
  const fields = useCustomFields(entity);
  const filterable = (fields.data ?? []).filter((field) => FILTERABLE.has(field.type));
  if (filterable.length === 0) return null;
  return (
    <>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" mt="md">
        {t('form.customFields')}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="sm" mt={4}>
        {filterable.map((field) => (
          <FieldFilter key={field.id} field={field} ranges={ranges} values={values} onChange={onChange} />
        ))}
      </SimpleGrid>
    </>
  );
}

function FieldFilter({ field, ranges, values, onChange }: { field: CustomField; ranges: boolean } & Props) {
  const t = useT();
  const name = `cf.${field.key}`;
  const clearProps = { clearable: true, clearButtonProps: { 'aria-label': t('common.clear') } };
  const anyProps = { label: field.label, placeholder: t('contracts.any'), ...clearProps };
  switch (field.type) {
    case 'dropdown':
    case 'multi_select':
      return (
        <Select
          {...anyProps}
          searchable
          data={field.options}
          value={values[name] ?? null}
          onChange={(value) => onChange(name, value)}
        />
      );
    case 'checkbox':
      return (
        <Select
          {...anyProps}
          data={[
            { value: 'true', label: t('common.yes') },
            { value: 'false', label: t('common.no') },
          ]}
          value={values[name] ?? null}
          onChange={(value) => onChange(name, value)}
        />
      );
    case 'user':
      return <UserSelect {...anyProps} value={values[name] ?? null} onChange={(value) => onChange(name, value)} />;
    case 'text':
      return <DebouncedInput label={field.label} value={values[name] ?? ''} onChange={(v) => onChange(name, v)} />;
    case 'number':
    case 'date':
      if (ranges) return <RangeFilter field={field} values={values} onChange={onChange} />;
      return (
        <DebouncedInput
          {...(field.type === 'date' ? { type: 'date' } : { inputMode: 'decimal' as const })}
          label={field.label}
          value={values[name] ?? ''}
          onChange={(v) => onChange(name, v)}
        />
      );
    default:
      return null;
  }
}

function RangeFilter({ field, values, onChange }: { field: CustomField } & Props) {
  const t = useT();
  const from = values[`cf.${field.key}.from`] ?? '';
  const to = values[`cf.${field.key}.to`] ?? '';
  const date = field.type === 'date';
  // Numbers here are plain custom numbers (not money), so comparing them as numbers is exact enough.
  const reversed = from !== '' && to !== '' && (date ? from > to : Number(from) > Number(to));
  const inputProps = date ? { type: 'date' } : { inputMode: 'decimal' as const };
  // Two cells of the filter grid, like "Notice deadline from" and "to".
  return (
    <>
      <DebouncedInput
        {...inputProps}
        label={t('contracts.rangeFrom', { field: field.label })}
        value={from}
        onChange={(v) => onChange(`cf.${field.key}.from`, v)}
      />
      <DebouncedInput
        {...inputProps}
        label={t('contracts.rangeTo', { field: field.label })}
        value={to}
        error={reversed ? t('contracts.rangeError') : undefined}
        onChange={(v) => onChange(`cf.${field.key}.to`, v)}
      />
    </>
  );
}

type InputProps = {
  label: string;
  value: string;
  onChange: (value: string | null) => void;
  type?: string;
  inputMode?: 'decimal';
  error?: string;
};

/** Typing updates the address (and so the query) a moment after the last key. */
function DebouncedInput({ value, onChange, ...props }: InputProps) {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  // "Clear filters" or a saved view changes the address: show what it now says.
  if (seen !== value) {
    setSeen(value);
    if (value !== text.trim()) setText(value);
  }
  const commit = useDebouncedCallback((next: string) => onChange(next.trim() || null), 300);
  return (
    <TextInput
      {...props}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        commit(event.currentTarget.value);
      }}
    />
  );
}
