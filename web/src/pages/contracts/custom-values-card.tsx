import { Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Money } from '../../../../common/custom-fields.js';
import type { CustomFieldEntity } from '../../../../common/schemas/vocabulary.js';
import { type CustomField, useCustomFields } from '../../api/use-classification.js';
import type { Formatters } from '../../i18n/format.js';
import { useI18n } from '../../i18n/i18n-context.js';
import type { Translate } from '../../i18n/translate.js';
import { groupBySection } from './custom-fields-section.js';
import { Field } from './lifecycle-card.js';
import { UserName } from './user-select.js';

export function formatCustomValue(t: Translate, fmt: Formatters, field: CustomField, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  switch (field.type) {
    case 'date':
      return fmt.date(String(value));
    case 'checkbox':
      return value === true ? t('common.yes') : t('common.no');
    case 'multi_select':
      return Array.isArray(value) ? value.join(', ') : String(value);
    case 'money': {
      const money = value as Money;
      return fmt.money(money.amount, money.currency);
    }
    case 'number':
      return typeof value === 'number' ? fmt.number(value) : String(value);
    default:
      return String(value);
  }
}

/** One custom value as the reader sees it: users by name, web addresses as links. */
function CustomValue({ field, value }: { field: CustomField; value: unknown }) {
  const { t, fmt } = useI18n();
  if (field.type === 'user') return <UserName id={typeof value === 'string' ? value : null} />;
  if (field.type === 'url' && typeof value === 'string') {
    return (
      <Anchor href={value} target="_blank" rel="noreferrer noopener" size="sm" className="break-anywhere">
        {value}
      </Anchor>
    );
  }
  return formatCustomValue(t, fmt, field, value);
}

/** A contract's or partner's custom field values, in the sections and order an administrator set. */
export function CustomValuesCard({ custom, entity }: { custom: Record<string, unknown>; entity: CustomFieldEntity }) {
  const { t } = useI18n();
  const fields = useCustomFields(entity);
  if (!fields.data || fields.data.length === 0) return null;
  return (
    <Card withBorder radius="lg" padding="lg">
      <Title order={4} mb="md">
        {t('form.customFields')}
      </Title>
      <Stack gap="md">
        {groupBySection(fields.data).map(([section, group]) => (
          <Stack key={section ?? ''} gap="xs">
            {section && (
              <Text size="sm" fw={600} c="dimmed">
                {section}
              </Text>
            )}
            <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
              {group.map((field) => (
                <Field key={field.id} label={field.label}>
                  <CustomValue field={field} value={custom[field.key]} />
                </Field>
              ))}
            </SimpleGrid>
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}
