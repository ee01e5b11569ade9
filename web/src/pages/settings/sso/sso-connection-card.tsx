import {
  Button,
  Code,
  CopyButton,
  Group,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { type SsoSettings, ssoConnectionInput } from '../../../../../common/schemas/sso.js';
import { useBusinessUnits } from '../../../api/use-business-units.js';
import { useRemoveSsoConnection, useSaveSsoConnection } from '../../../api/use-sso.js';
import { notifyError, notifySuccess } from '../../../components/notify.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { useZodForm } from '../../../forms/use-zod-form.js';
import { useT } from '../../../i18n/i18n-context.js';
import { SettingsCard } from '../personal/settings-card.js';

type JitRole = 'off' | 'viewer' | 'editor';

/** The OpenID Connect provider: issuer, client id and secret (never shown again), and just-in-time membership. */
export function SsoConnectionCard({ settings }: { settings: SsoSettings }) {
  const t = useT();
  const units = useBusinessUnits();
  const save = useSaveSsoConnection();
  const remove = useRemoveSsoConnection();
  const c = settings.connection;
  const form = useZodForm(ssoConnectionInput, {
    protocol: 'oidc',
    enabled: c?.enabled ?? true,
    issuer: c?.issuer ?? '',
    clientId: c?.clientId ?? '',
    clientSecret: undefined,
    jit: { role: c?.jit.role ?? 'off', businessUnitId: c?.jit.businessUnitId ?? null },
  });
  const jit = form.values.jit ?? { role: 'off', businessUnitId: null };
  const unitOptions = (units.data ?? []).map((u) => ({ value: u.id, label: u.name }));
  const submit = form.onSubmit((input) =>
    save.mutate(
      { ...input, clientSecret: input.clientSecret || undefined },
      {
        onSuccess: () => {
          form.setValue('clientSecret', undefined);
          notifySuccess(t('sso.saved'));
        },
        onError: form.showError,
      },
    ),
  );
  return (
    <SettingsCard title={t('sso.connectionTitle')} description={t('sso.connectionText')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert error={form.formError} />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('sso.redirectUri')}
            </Text>
            <Group gap="xs" align="center">
              <Code style={{ overflowWrap: 'anywhere' }} data-testid="sso-redirect-uri">
                {settings.redirectUri}
              </Code>
              <CopyButton value={settings.redirectUri}>
                {({ copied, copy }) => (
                  <Button size="compact-xs" variant="light" onClick={copy}>
                    {copied ? t('sso.copied') : t('sso.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Text size="xs" c="dimmed">
              {t('sso.redirectUriHint')}
            </Text>
          </Stack>
          <TextInput
            label={t('sso.issuer')}
            description={t('sso.issuerHint')}
            placeholder="https://login.microsoftonline.com/<tenant-id>/v2.0"
            required
            {...form.textProps('issuer')}
          />
          <TextInput label={t('sso.clientId')} required {...form.textProps('clientId')} />
          <PasswordInput
            label={t('sso.clientSecret')}
            description={c?.clientSecretSet ? t('sso.secretSet') : t('sso.secretNotSet')}
            required={!c?.clientSecretSet}
            autoComplete="off"
            {...form.textProps('clientSecret')}
          />
          <Switch
            label={t('sso.enabled')}
            checked={form.values.enabled ?? true}
            onChange={(event) => form.setValue('enabled', event.currentTarget.checked)}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('sso.jit')}
              description={t('sso.jitHint')}
              data={(['off', 'viewer', 'editor'] as const).map((r) => ({ value: r, label: t(`sso.jit.${r}`) }))}
              value={jit.role}
              allowDeselect={false}
              onChange={(role) =>
                form.setValue('jit', {
                  role: (role ?? 'off') as JitRole,
                  businessUnitId: jit.businessUnitId ?? unitOptions[0]?.value ?? null,
                })
              }
            />
            {jit.role !== 'off' && (
              <Select
                label={t('sso.jitUnit')}
                data={unitOptions}
                value={jit.businessUnitId}
                allowDeselect={false}
                error={form.errors.jit}
                onChange={(id) => form.setValue('jit', { ...jit, businessUnitId: id })}
              />
            )}
          </SimpleGrid>
          <Group justify="space-between">
            {c ? (
              <Button
                variant="subtle"
                color="red"
                loading={remove.isPending}
                onClick={() =>
                  remove.mutate(undefined, {
                    onSuccess: () => notifySuccess(t('sso.removed')),
                    onError: (error) => notifyError(t, error),
                  })
                }
              >
                {t('sso.remove')}
              </Button>
            ) : (
              <span />
            )}
            <Button type="submit" loading={save.isPending}>
              {t('sso.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </SettingsCard>
  );
}
