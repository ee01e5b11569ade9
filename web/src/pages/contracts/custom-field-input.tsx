import { Checkbox, Group, MultiSelect, Select, Textarea, TextInput } from '@mantine/core';
import type { Money } from '../../../../common/custom-fields.js';
import type { CustomField } from '../../api/use-classification.js';
import { CurrencySelect } from '../../components/code-select.js';
import { useT } from '../../i18n/i18n-context.js';
import { UserSelect } from './user-select.js';

type Props = {
  field: CustomField;
  value: unknown;
  error?: string;
  currency: string;
  onChange: (value: unknown) => void;
};

const text = (value: unknown) => (typeof value === 'string' ? value : value == null ? '' : String(value));

/** One custom field's input, by type; values take the shape the API stores (checked by common/custom-fields). */
export function CustomFieldInput({ field, value, error, currency, onChange }: Props) {
  const t = useT();
  const common = { label: field.label, required: field.mandatory, error };
  switch (field.type) {
    case 'user':
      return (
        <UserSelect {...common} value={typeof value === 'string' ? value : null} onChange={(id) => onChange(id)} />
      );
    case 'text':
    case 'url':
      return (
        <TextInput
          {...common}
          type={field.type === 'url' ? 'url' : 'text'}
          value={text(value)}
          onChange={(e) => onChange(e.currentTarget.value || null)}
        />
      );
    case 'long_text':
      return (
        <Textarea
          {...common}
          autosize
          minRows={2}
          value={text(value)}
          onChange={(e) => onChange(e.currentTarget.value || null)}
        />
      );
    case 'number':
      return (
        <TextInput
          {...common}
          inputMode="decimal"
          value={text(value)}
          onChange={(e) => {
            const raw = e.currentTarget.value.trim();
            // Keep what cannot be read as a number, so the checker can name the problem.
            onChange(raw === '' ? null : Number.isFinite(Number(raw)) ? Number(raw) : raw);
          }}
        />
      );
    case 'date':
      return (
        <TextInput
          {...common}
          type="date"
          value={text(value)}
          onChange={(e) => onChange(e.currentTarget.value || null)}
        />
      );
    case 'checkbox':
      return (
        <Checkbox
          label={field.label}
          error={error}
          mt="lg"
          checked={value === true}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
      );
    case 'dropdown':
      return (
        <Select
          {...common}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          data={field.options}
          value={typeof value === 'string' ? value : null}
          onChange={(v) => onChange(v)}
        />
      );
    case 'multi_select':
      return (
        <MultiSelect
          {...common}
          clearable
          data={field.options}
          value={Array.isArray(value) ? (value as string[]) : []}
          onChange={(v) => onChange(v.length ? v : null)}
        />
      );
    case 'money':
      return <MoneyInput {...common} value={value as Money | null} currency={currency} onChange={onChange} />;
  }
}

type MoneyProps = {
  label: string;
  required: boolean;
  error?: string;
  value: Money | null;
  currency: string;
  onChange: (value: Money | null) => void;
};

function MoneyInput({ label, required, error, value, currency, onChange }: MoneyProps) {
  const t = useT();
  const amount = value?.amount ?? '';
  const code = value?.currency ?? currency;
  const change = (next: { amount: string; currency: string }) =>
    onChange(next.amount.trim() === '' ? null : { amount: next.amount.trim(), currency: next.currency });
  return (
    <Group gap={6} align="flex-start" wrap="nowrap">
      <TextInput
        label={label}
        required={required}
        error={error}
        inputMode="decimal"
        style={{ flex: 1 }}
        value={amount}
        onChange={(e) => change({ amount: e.currentTarget.value, currency: code })}
      />
      <CurrencySelect
        label={t('customFields.currency')}
        w={130}
        clearable={false}
        value={code}
        onChange={(next) => change({ amount, currency: next ?? currency })}
      />
    </Group>
  );
}
