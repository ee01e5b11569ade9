import { Button, Group, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { z } from 'zod';
import { ROLES } from '../../../../../common/schemas/auth.js';
import { apiKeyInput } from '../../../../../common/schemas/org.js';
import { useCreateApiKey } from '../../../api/use-api-keys.js';
import { useBusinessUnits } from '../../../api/use-business-units.js';
import { AppModal } from '../../../components/app-modal.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { useZodForm } from '../../../forms/use-zod-form.js';
import { useT } from '../../../i18n/i18n-context.js';
import { ApiKeyToken } from './api-key-token.js';

// In the form an empty selection means "all units"; the API spells that as null.
const keyForm = apiKeyInput.extend({ businessUnitIds: z.array(z.uuid()) });
type Props = { opened: boolean; onClose: () => void };

export function CreateApiKeyModal({ opened, onClose }: Props) {
  const t = useT();
  const [token, setToken] = useState<string | null>(null);
  const close = () => {
    setToken(null);
    onClose();
  };
  return (
    <AppModal
      opened={opened}
      onClose={close}
      size="lg"
      closeOnClickOutside={token === null}
      title={token ? t('apiKeys.createdTitle') : t('apiKeys.createTitle')}
    >
      {opened &&
        (token ? <ApiKeyToken token={token} onDone={close} /> : <KeyForm onCreated={setToken} onCancel={close} />)}
    </AppModal>
  );
}

function KeyForm({ onCreated, onCancel }: { onCreated: (token: string) => void; onCancel: () => void }) {
  const t = useT();
  const units = useBusinessUnits();
  const create = useCreateApiKey();
  const form = useZodForm(keyForm, { name: '', role: 'viewer', businessUnitIds: [] });
  const submit = form.onSubmit(({ businessUnitIds, ...input }) =>
    create.mutate(
      { ...input, businessUnitIds: businessUnitIds.length > 0 ? businessUnitIds : null },
      { onSuccess: (created) => onCreated(created.token), onError: form.showError },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ProblemAlert error={form.formError} />
        <TextInput
          label={t('field.name')}
          description={t('apiKeys.nameHint')}
          required
          data-autofocus
          {...form.textProps('name')}
        />
        <Select
          label={t('field.role')}
          required
          allowDeselect={false}
          value={form.values.role}
          error={form.errors.role}
          data={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
          onChange={(value) => form.setValue('role', ROLES.find((role) => role === value) ?? 'viewer')}
        />
        <MultiSelect
          label={t('apiKeys.scopeLabel')}
          description={t('apiKeys.scopeHint')}
          placeholder={form.values.businessUnitIds.length === 0 ? t('apiKeys.allUnits') : undefined}
          data={(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
          value={form.values.businessUnitIds}
          error={form.errors.businessUnitIds}
          disabled={units.isPending}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          onChange={(value) => form.setValue('businessUnitIds', value)}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('apiKeys.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
