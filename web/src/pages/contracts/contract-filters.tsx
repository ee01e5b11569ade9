import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { CONTRACT_APPROVAL_STATES } from '../../../../common/schemas/approvals.js';
import { CONTRACT_STATUSES } from '../../../../common/schemas/contracts.js';
import { useBusinessUnits } from '../../api/use-business-units.js';
import { type ListKind, useListItems } from '../../api/use-lists.js';
import { CustomFieldFilters } from '../../components/grid/custom-field-filters.js';
import { FilterPanel } from '../../components/grid/filter-panel.js';
import { SearchBox } from '../../components/grid/search-box.js';
import { useT } from '../../i18n/i18n-context.js';
import { PartnerSelect } from '../partners/partner-select.js';
import type { FilterName } from './use-contract-filters.js';

type Props = {
  filters: Partial<Record<FilterName, string>>;
  /** `cf.<key>`, `cf.<key>.from`, `cf.<key>.to` as in the address. */
  custom: Record<string, string>;
  onChange: (name: FilterName, value: string | null) => void;
  onCustomChange: (name: string, value: string | null) => void;
  onClear?: () => void;
};

export function ContractFilters({ filters, custom, onChange, onCustomChange, onClear }: Props) {
  const t = useT();
  const units = useBusinessUnits();
  const range = (from?: string, to?: string) => (from && to && from > to ? t('contracts.rangeError') : undefined);
  const clearProps = { clearable: true, clearButtonProps: { 'aria-label': t('common.clear') } };
  return (
    <FilterPanel
      onClear={onClear}
      storageKey="deedbox.contracts.filtersOpen"
      activeCount={Object.keys(filters).filter((name) => name !== 'q').length + Object.keys(custom).length}
      search={
        <SearchBox
          label={t('contracts.search')}
          placeholder={t('contracts.searchPlaceholder')}
          value={filters.q ?? ''}
          onChange={(value) => onChange('q', value || null)}
        />
      }
    >
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="sm" mt="sm">
        <Select
          label={t('contract.status')}
          placeholder={t('contracts.any')}
          {...clearProps}
          value={filters.status ?? null}
          data={CONTRACT_STATUSES.map((s) => ({ value: s, label: t(`contractStatus.${s}`) }))}
          onChange={(value) => onChange('status', value)}
        />
        <Select
          label={t('field.businessUnit')}
          placeholder={t('contracts.any')}
          {...clearProps}
          value={filters.businessUnitId ?? null}
          data={(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
          onChange={(value) => onChange('businessUnitId', value)}
        />
        <PartnerSelect
          label={t('contract.partner')}
          placeholder={t('contracts.any')}
          value={filters.partnerId ?? null}
          onChange={(value) => onChange('partnerId', value)}
        />
        <ListFilter
          kind="categories"
          label={t('contract.category')}
          value={filters.categoryId ?? null}
          onChange={(value) => onChange('categoryId', value)}
        />
        <ListFilter
          kind="orgUnits"
          label={t('contract.orgUnit')}
          value={filters.orgUnitId ?? null}
          onChange={(value) => onChange('orgUnitId', value)}
        />
        <TextInput
          type="date"
          label={t('contracts.deadlineFrom')}
          value={filters.noticeDeadlineFrom ?? ''}
          onChange={(event) => onChange('noticeDeadlineFrom', event.currentTarget.value || null)}
        />
        <TextInput
          type="date"
          label={t('contracts.deadlineTo')}
          value={filters.noticeDeadlineTo ?? ''}
          error={range(filters.noticeDeadlineFrom, filters.noticeDeadlineTo)}
          onChange={(event) => onChange('noticeDeadlineTo', event.currentTarget.value || null)}
        />
        <TextInput
          type="date"
          label={t('contracts.endsTo')}
          value={filters.endsTo ?? ''}
          onChange={(event) => onChange('endsTo', event.currentTarget.value || null)}
        />
        <Select
          label={t('approvals.tab')}
          placeholder={t('contracts.any')}
          {...clearProps}
          value={filters.approval ?? null}
          data={CONTRACT_APPROVAL_STATES.map((s) => ({ value: s, label: t(`approvals.state.${s}`) }))}
          onChange={(value) => onChange('approval', value)}
        />
      </SimpleGrid>
      <CustomFieldFilters entity="contract" ranges values={custom} onChange={onCustomChange} />
    </FilterPanel>
  );
}

type ListFilterProps = {
  kind: ListKind;
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
};

function ListFilter({ kind, label, value, onChange }: ListFilterProps) {
  const t = useT();
  const list = useListItems(kind);
  return (
    <Select
      label={label}
      placeholder={t('contracts.any')}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      value={value}
      data={(list.data ?? []).map((item) => ({ value: item.id, label: item.name }))}
      onChange={onChange}
    />
  );
}
