import { FieldColumns } from '../../components/form-section.js';
import { useT } from '../../i18n/i18n-context.js';
import { MasterSelect } from './master-select.js';
import type { ContractForm } from './use-contract-form.js';
import { UserSelect } from './user-select.js';

/** Who looks after the contract, and the master contract it belongs under. */
export function RelationsSection({ form, contractId }: { form: ContractForm; contractId: string | null }) {
  const t = useT();
  const { values, set, error } = form;
  return (
    <FieldColumns>
      <UserSelect
        label={t('contract.owner')}
        placeholder={t('contract.memberPlaceholder')}
        value={values.ownerId}
        error={error('ownerId')}
        onChange={(id) => set('ownerId', id)}
      />
      <UserSelect
        label={t('contract.backupOwner')}
        placeholder={t('contract.memberPlaceholder')}
        value={values.backupOwnerId}
        error={error('backupOwnerId')}
        onChange={(id) => set('backupOwnerId', id)}
      />
      <MasterSelect
        label={t('contract.master')}
        description={t('contract.masterHint')}
        placeholder={t('contract.masterPlaceholder')}
        excludeId={contractId}
        value={values.masterId}
        error={error('masterId')}
        onChange={(id) => set('masterId', id)}
      />
    </FieldColumns>
  );
}
