import { Box, Button, Collapse, Group, Paper, Select } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconFilter, IconFilterOff } from '@tabler/icons-react';
import { CustomFieldFilters } from '../../components/grid/custom-field-filters.js';
import { SearchBox } from '../../components/grid/search-box.js';
import { useT } from '../../i18n/i18n-context.js';
import { PARTNER_TYPES } from './partner-form-values.js';

export const PARTNER_FILTER_NAMES = ['q', 'type'] as const;
export type PartnerFilterName = (typeof PARTNER_FILTER_NAMES)[number];

type Props = {
  filters: Partial<Record<PartnerFilterName, string>>;
  /** `cf.<key>` as in the address (the partner list filters custom fields by equality only). */
  custom: Record<string, string>;
  onChange: (name: PartnerFilterName, value: string | null) => void;
  onCustomChange: (name: string, value: string | null) => void;
  onClear?: (() => void) | undefined;
};

export function PartnerFilters({ filters, custom, onChange, onCustomChange, onClear }: Props) {
  const t = useT();
  // The same breakpoint as `xs` below: the type filter moves into the fold exactly when the button appears.
  const narrow = useMediaQuery('(max-width: 36em)') ?? false;
  const [opened, { toggle }] = useDisclosure(false);
  return (
    <Paper withBorder radius="md" p="md">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Box style={{ flex: 2 }}>
          <SearchBox
            label={t('partners.search')}
            placeholder={t('partners.searchPlaceholder')}
            value={filters.q ?? ''}
            onChange={(value) => onChange('q', value || null)}
          />
        </Box>
        <Select
          visibleFrom="xs"
          style={{ flex: 1 }}
          aria-label={t('partner.type')}
          placeholder={t('partners.anyType')}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          value={filters.type ?? null}
          data={PARTNER_TYPES.map((v) => ({ value: v, label: t(`partnerType.${v}`) }))}
          onChange={(value) => onChange('type', value)}
        />
        <Button
          hiddenFrom="xs"
          variant="default"
          leftSection={<IconFilter size={16} />}
          aria-expanded={opened}
          onClick={toggle}
        >
          {t('contracts.filters')}
        </Button>
      </Group>
      {/* Narrow screens keep the filters folded away until asked for. */}
      <Collapse expanded={opened || !narrow}>
        {narrow && (
          <Select
            mt="sm"
            label={t('partner.type')}
            placeholder={t('partners.anyType')}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            value={filters.type ?? null}
            data={PARTNER_TYPES.map((v) => ({ value: v, label: t(`partnerType.${v}`) }))}
            onChange={(value) => onChange('type', value)}
          />
        )}
        <CustomFieldFilters entity="partner" ranges={false} values={custom} onChange={onCustomChange} />
      </Collapse>
      {onClear && (
        <Group justify="flex-end" mt="sm">
          <Button variant="subtle" size="xs" color="gray" leftSection={<IconFilterOff size={14} />} onClick={onClear}>
            {t('contracts.clearFilters')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
