import { ActionIcon, Group, NativeSelect, Stack, Textarea, TextInput, Tooltip } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { CONTRACT_STATUSES, type ContractStatus, contractInput } from '../../../../common/schemas/contracts.js';
import { meCan } from '../../api/abilities.js';
import { useRepositorySettings } from '../../api/use-classification.js';
import { useCurrentMe } from '../../api/use-me.js';
import { FieldColumns } from '../../components/form-section.js';
import { maxLengthOf } from '../../forms/max-length.js';
import { useT } from '../../i18n/i18n-context.js';
import { PartnerFormModal } from '../partners/partner-form-modal.js';
import { PartnerSelect } from '../partners/partner-select.js';
import { suggestionOf } from './suggestion-note.js';
import type { ContractForm } from './use-contract-form.js';

export function BasicsSection({ form }: { form: ContractForm }) {
  const t = useT();
  const me = useCurrentMe();
  const { values, set, error } = form;
  const [creatingPartner, setCreatingPartner] = useState(false);
  const settings = useRepositorySettings();
  // With a numbering pattern the server allocates the number on first save.
  const pattern = Boolean(settings.data?.contractNumberPattern);
  return (
    <Stack gap="md">
      <TextInput
        label={t('contract.title')}
        description={suggestionOf(form, 'title', t('contract.title'))}
        required
        data-autofocus
        maxLength={maxLengthOf(contractInput, 'title')}
        value={values.title}
        error={error('title')}
        onChange={(event) => set('title', event.currentTarget.value)}
      />
      <FieldColumns>
        <Group gap={6} align="flex-end" wrap="nowrap">
          <PartnerSelect
            label={t('contract.partner')}
            description={suggestionOf(form, 'partnerId', t('contract.partner'))}
            placeholder={t('contract.partnerPlaceholder')}
            value={values.partnerId}
            error={error('partnerId')}
            onChange={(id) => set('partnerId', id)}
            style={{ flex: 1 }}
          />
          {meCan(me, 'editPartners') && (
            <Tooltip label={t('partners.create')} withArrow>
              <ActionIcon
                variant="default"
                size={36}
                aria-label={t('partners.create')}
                onClick={() => setCreatingPartner(true)}
                mb={error('partnerId') ? 22 : 0}
              >
                <IconPlus size={16} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
        <NativeSelect
          label={t('contract.status')}
          value={values.status}
          error={error('status')}
          data={CONTRACT_STATUSES.map((s) => ({ value: s, label: t(`contractStatus.${s}`) }))}
          onChange={(event) => set('status', event.currentTarget.value as ContractStatus)}
        />
        <TextInput
          label={t('contract.number')}
          description={
            pattern
              ? t('contract.numberAuto', { example: settings.data?.nextContractNumberPreview ?? '' })
              : t('contract.numberHint')
          }
          disabled={pattern && !settings.data?.contractNumberEditable}
          maxLength={maxLengthOf(contractInput, 'contractNumber')}
          value={values.contractNumber}
          error={error('contractNumber')}
          onChange={(event) => set('contractNumber', event.currentTarget.value)}
        />
      </FieldColumns>
      <Textarea
        label={t('contract.description')}
        autosize
        minRows={3}
        maxRows={10}
        maxLength={maxLengthOf(contractInput, 'description')}
        value={values.description}
        error={error('description')}
        onChange={(event) => set('description', event.currentTarget.value)}
      />
      <PartnerFormModal
        opened={creatingPartner}
        partner={null}
        onClose={() => setCreatingPartner(false)}
        onSaved={(partner) => set('partnerId', partner.id)}
      />
    </Stack>
  );
}
