import { Select, TagsInput } from '@mantine/core';
import { useBusinessUnits } from '../../api/use-business-units.js';
import { useRepositorySettings } from '../../api/use-classification.js';
import { FieldColumns } from '../../components/form-section.js';
import { useT } from '../../i18n/i18n-context.js';
import { ListSelect } from './list-select.js';
import type { ContractForm } from './use-contract-form.js';

export function ClassificationSection({ form }: { form: ContractForm }) {
  const t = useT();
  const units = useBusinessUnits();
  const settings = useRepositorySettings();
  const { values, set, error } = form;
  return (
    <FieldColumns>
      <ListSelect
        kind="categories"
        label={t('contract.category')}
        value={values.categoryId}
        error={error('categoryId')}
        onChange={(id) => set('categoryId', id)}
      />
      <ListSelect
        kind="orgUnits"
        label={t('contract.orgUnit')}
        required={settings.data?.orgUnitMandatory}
        value={values.orgUnitId}
        error={error('orgUnitId')}
        onChange={(id) => set('orgUnitId', id)}
      />
      <Select
        label={t('field.businessUnit')}
        description={t('contract.businessUnitHint')}
        placeholder={t('contract.defaultUnit')}
        clearable
        clearButtonProps={{ 'aria-label': t('common.clear') }}
        value={values.businessUnitId}
        error={error('businessUnitId')}
        data={(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
        onChange={(value) => set('businessUnitId', value)}
      />
      <TagsInput
        label={t('contract.tags')}
        description={t('contract.tagsHint')}
        value={values.tags}
        error={error('tags')}
        onChange={(tags) => set('tags', tags)}
        clearable
      />
    </FieldColumns>
  );
}
