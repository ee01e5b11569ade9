import { Stack, Text } from '@mantine/core';
import type { CustomField } from '../../api/use-classification.js';
import { FieldColumns } from '../../components/form-section.js';
import { CustomFieldInput } from './custom-field-input.js';
import type { ContractForm } from './use-contract-form.js';

/** Fields grouped by the form section an administrator placed them in, in their set order. */
export function groupBySection(fields: CustomField[]): [string | null, CustomField[]][] {
  const groups = new Map<string | null, CustomField[]>();
  for (const field of [...fields].sort((a, b) => a.position - b.position)) {
    groups.set(field.section, [...(groups.get(field.section) ?? []), field]);
  }
  return [...groups.entries()];
}

type Props = { form: ContractForm; fields: CustomField[]; currency: string };

export function CustomFieldsSection({ form, fields, currency }: Props) {
  const { values, setCustom, error } = form;
  return (
    <Stack gap="lg">
      {groupBySection(fields).map(([section, group]) => (
        <Stack key={section ?? ''} gap="xs">
          {section && (
            <Text size="sm" fw={600} c="dimmed">
              {section}
            </Text>
          )}
          <FieldColumns>
            {group.map((field) => (
              <CustomFieldInput
                key={field.id}
                field={field}
                value={values.custom[field.key]}
                error={error(`custom.${field.key}`)}
                currency={currency}
                onChange={(value) => setCustom(field.key, value)}
              />
            ))}
          </FieldColumns>
        </Stack>
      ))}
    </Stack>
  );
}
