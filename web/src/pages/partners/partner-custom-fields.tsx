import { SimpleGrid, Stack, Text } from '@mantine/core';
import { checkCustomValues, type ValueIssue } from '../../../../common/custom-fields.js';
import type { CustomField } from '../../api/use-classification.js';
import type { MessageKey } from '../../i18n/en.js';
import { useI18n } from '../../i18n/i18n-context.js';
import type { Translate } from '../../i18n/translate.js';
import { CustomFieldInput } from '../contracts/custom-field-input.js';
import { groupBySection } from '../contracts/custom-fields-section.js';

const RULES: Record<ValueIssue['rule'], MessageKey> = {
  required: 'validation.required',
  wrong_type: 'customFields.rule.wrong_type',
  unknown_option: 'customFields.rule.unknown_option',
  unknown_field: 'customFields.rule.unknown_field',
  invalid_date: 'validation.invalid_date',
  date_out_of_range: 'validation.date_out_of_range',
  invalid_url: 'customFields.rule.invalid_url',
  too_long: 'customFields.rule.too_long',
  unknown_currency: 'validation.unknown_currency',
};

/** The same checks the server makes, so the form names a problem before it is sent. */
export function customFieldErrors(t: Translate, fields: CustomField[], custom: Record<string, unknown>) {
  const { issues } = checkCustomValues(fields, custom, { requireMandatory: true });
  return Object.fromEntries(issues.map((issue) => [issue.field, t(RULES[issue.rule])]));
}

type InputsProps = {
  fields: CustomField[];
  values: Record<string, unknown>;
  errors: Record<string, string>;
  currency: string;
  onChange: (key: string, value: unknown) => void;
};

/** The partner's custom fields in the sections and order an administrator set. */
export function PartnerCustomInputs({ fields, values, errors, currency, onChange }: InputsProps) {
  const { t } = useI18n();
  if (fields.length === 0) return null;
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {t('form.customFields')}
      </Text>
      {groupBySection(fields).map(([section, group]) => (
        <Stack key={section ?? ''} gap="xs">
          {section && (
            <Text size="sm" c="dimmed">
              {section}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {group.map((field) => (
              <CustomFieldInput
                key={field.id}
                field={field}
                value={values[field.key]}
                error={errors[`custom.${field.key}`]}
                currency={currency}
                onChange={(value) => onChange(field.key, value)}
              />
            ))}
          </SimpleGrid>
        </Stack>
      ))}
    </Stack>
  );
}
