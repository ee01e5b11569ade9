import {
  Button,
  Group,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { z } from 'zod';
import { SCOPE_FAMILY_NAMES, SCOPE_LEVELS, type ScopeFamily } from '../../../../../common/schemas/api-scopes.js';
import { ROLES } from '../../../../../common/schemas/auth.js';
import { apiKeyInput } from '../../../../../common/schemas/org.js';
import { useCreateApiKey } from '../../../api/use-api-keys.js';
import { useBusinessUnits } from '../../../api/use-business-units.js';
import { AppModal } from '../../../components/app-modal.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { useZodForm } from '../../../forms/use-zod-form.js';
import { useT } from '../../../i18n/i18n-context.js';
import { ApiKeyToken } from './api-key-token.js';

// In the form an empty selection means "all units" and "all it may" means no scopes; the API spells both as null.
const LEVELS = ['none', ...SCOPE_LEVELS] as const;
const keyForm = apiKeyInput.omit({ scopes: true }).extend({
  businessUnitIds: z.array(z.uuid()),
  access: z.enum(['all', 'chosen']),
  levels: z.record(z.enum(SCOPE_FAMILY_NAMES), z.enum(LEVELS)),
});
const noAccess = Object.fromEntries(SCOPE_FAMILY_NAMES.map((family) => [family, 'none'])) as Record<
  ScopeFamily,
  (typeof LEVELS)[number]
>;
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
  const form = useZodForm(keyForm, {
    name: '',
    role: 'viewer',
    businessUnitIds: [],
    access: 'all',
    levels: noAccess,
    rateLimitPerMinute: null,
  });
  const submit = form.onSubmit(({ businessUnitIds, access, levels, ...input }) =>
    create.mutate(
      {
        ...input,
        businessUnitIds: businessUnitIds.length > 0 ? businessUnitIds : null,
        scopes:
          access === 'all' ? null : Object.fromEntries(Object.entries(levels).filter(([, level]) => level !== 'none')),
      },
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
        <Stack gap={6}>
          <Text size="sm" fw={500} id="api-key-access">
            {t('apiKeys.access')}
          </Text>
          <SegmentedControl
            aria-labelledby="api-key-access"
            value={form.values.access}
            onChange={(value) => form.setValue('access', value === 'chosen' ? 'chosen' : 'all')}
            data={[
              { value: 'all', label: t('apiKeys.accessAll') },
              { value: 'chosen', label: t('apiKeys.accessChosen') },
            ]}
          />
          <Text size="xs" c="dimmed">
            {t(form.values.access === 'all' ? 'apiKeys.accessAllHint' : 'apiKeys.accessChosenHint')}
          </Text>
        </Stack>
        {form.values.access === 'chosen' && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing="xs">
            {SCOPE_FAMILY_NAMES.map((family) => (
              <Select
                key={family}
                label={t(`apiKeys.family.${family}`)}
                allowDeselect={false}
                value={form.values.levels[family]}
                data={LEVELS.map((level) => ({ value: level, label: t(`apiKeys.level.${level}`) }))}
                onChange={(value) =>
                  form.setValue('levels', {
                    ...form.values.levels,
                    [family]: LEVELS.find((level) => level === value) ?? 'none',
                  })
                }
              />
            ))}
          </SimpleGrid>
        )}
        <NumberInput
          label={t('apiKeys.rateLimit')}
          description={t('apiKeys.rateLimitHint')}
          placeholder={t('apiKeys.rateLimitDefault')}
          min={1}
          max={100_000}
          allowDecimal={false}
          allowNegative={false}
          value={form.values.rateLimitPerMinute ?? ''}
          error={form.errors.rateLimitPerMinute}
          onChange={(value) => form.setValue('rateLimitPerMinute', typeof value === 'number' ? value : null)}
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
