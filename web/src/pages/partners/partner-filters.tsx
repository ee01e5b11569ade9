import { Select, SimpleGrid } from '@mantine/core';
import { CustomFieldFilters } from '../../components/grid/custom-field-filters.js';
import { FilterPanel } from '../../components/grid/filter-panel.js';
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
  return (
    <FilterPanel
      onClear={onClear}
      storageKey="deedbox.partners.filtersOpen"
      activeCount={Object.keys(filters).filter((name) => name !== 'q').length + Object.keys(custom).length}
      search={
        <SearchBox
          label={t('partners.search')}
          placeholder={t('partners.searchPlaceholder')}
          value={filters.q ?? ''}
          onChange={(value) => onChange('q', value || null)}
        />
      }
    >
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" mt="sm">
        <Select
          label={t('partner.type')}
          placeholder={t('partners.anyType')}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          value={filters.type ?? null}
          data={PARTNER_TYPES.map((v) => ({ value: v, label: t(`partnerType.${v}`) }))}
          onChange={(value) => onChange('type', value)}
        />
      </SimpleGrid>
      <CustomFieldFilters entity="partner" ranges={false} values={custom} onChange={onCustomChange} />
    </FilterPanel>
  );
}
