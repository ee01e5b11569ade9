import {
  Button,
  Code,
  CopyButton,
  Group,
  PasswordInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { oidcConnectionInput, type SsoSettings } from '../../../../../common/schemas/sso.js';
import { useBusinessUnits } from '../../../api/use-business-units.js';
import { useRemoveSsoConnection, useSaveSsoConnection } from '../../../api/use-sso.js';
import { notifyError, notifySuccess } from '../../../components/notify.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { useZodForm } from '../../../forms/use-zod-form.js';
import { useT } from '../../../i18n/i18n-context.js';
import { SettingsCard } from '../personal/settings-card.js';
import { SamlConnectionForm } from './sso-saml-form.js';

export type JitRole = 'off' | 'viewer' | 'editor';
type Protocol = 'oidc' | 'saml';

/** The identity provider: OpenID Connect or SAML 2.0, each with its own form. */
export function SsoConnectionCard({ settings }: { settings: SsoSettings }) {
  const t = useT();
  const [protocol, setProtocol] = useState<Protocol>(settings.connection?.protocol ?? 'oidc');
  return (
    <SettingsCard title={t('sso.connectionTitle')} description={t('sso.connectionText')}>
      <Stack>
        <Radio.Group label={t('sso.protocol')} value={protocol} onChange={(v) => setProtocol(v as Protocol)}>
          <Group mt="xs">
            <Radio value="oidc" label={t('sso.protocol.oidc')} />
            <Radio value="saml" label={t('sso.protocol.saml')} />
          </Group>
        </Radio.Group>
        {protocol === 'oidc' ? <OidcConnectionForm settings={settings} /> : <SamlConnectionForm settings={settings} />}
      </Stack>
    </SettingsCard>
  );
}

/** A value the IdP's administrator copies: label, the value, a copy button. */
export function CopyValue(props: { label: string; value: string; hint?: string; testId: string }) {
  const t = useT();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {props.label}
      </Text>
      <Group gap="xs" align="center" wrap="nowrap">
        <Code style={{ overflowWrap: 'anywhere', minWidth: 0 }} data-testid={props.testId}>
          {props.value}
        </Code>
        <CopyButton value={props.value}>
          {({ copied, copy }) => (
            <Button
              size="compact-xs"
              variant="light"
              style={{ flexShrink: 0 }}
              onClick={copy}
              aria-label={`${t('sso.copy')}: ${props.label}`}
            >
              {copied ? t('sso.copied') : t('sso.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      {props.hint && (
        <Text size="xs" c="dimmed">
          {props.hint}
        </Text>
      )}
    </Stack>
  );
}

type Jit = { role: JitRole; businessUnitId?: string | null | undefined };

/** Just-in-time membership: off, or the role a newcomer gets in a business unit. */
export function JitFields({ jit, onChange, error }: { jit: Jit; onChange: (jit: Jit) => void; error?: string }) {
  const t = useT();
  const units = useBusinessUnits();
  const unitOptions = (units.data ?? []).map((u) => ({ value: u.id, label: u.name }));
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <Select
        label={t('sso.jit')}
        description={t('sso.jitHint')}
        data={(['off', 'viewer', 'editor'] as const).map((r) => ({ value: r, label: t(`sso.jit.${r}`) }))}
        value={jit.role}
        allowDeselect={false}
        onChange={(role) =>
          onChange({
            role: (role ?? 'off') as JitRole,
            businessUnitId: jit.businessUnitId ?? unitOptions[0]?.value ?? null,
          })
        }
      />
      {jit.role !== 'off' && (
        <Select
          label={t('sso.jitUnit')}
          data={unitOptions}
          value={jit.businessUnitId ?? null}
          allowDeselect={false}
          error={error}
          onChange={(id) => onChange({ ...jit, businessUnitId: id })}
        />
      )}
    </SimpleGrid>
  );
}

/** Remove (when there is a connection) and save. */
export function ConnectionActions({ settings, saving }: { settings: SsoSettings; saving: boolean }) {
  const t = useT();
  const remove = useRemoveSsoConnection();
  return (
    <Group justify="space-between">
      {settings.connection ? (
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
      <Button type="submit" loading={saving}>
        {t('sso.save')}
      </Button>
    </Group>
  );
}

/** The OpenID Connect provider: issuer, client id and secret (never shown again), and just-in-time membership. */
function OidcConnectionForm({ settings }: { settings: SsoSettings }) {
  const t = useT();
  const save = useSaveSsoConnection();
  const c = settings.connection?.protocol === 'oidc' ? settings.connection : null;
  const form = useZodForm(oidcConnectionInput, {
    protocol: 'oidc',
    enabled: settings.connection?.enabled ?? true,
    issuer: c?.issuer ?? '',
    clientId: c?.clientId ?? '',
    clientSecret: undefined,
    jit: {
      role: settings.connection?.jit.role ?? 'off',
      businessUnitId: settings.connection?.jit.businessUnitId ?? null,
    },
  });
  const jit = form.values.jit ?? { role: 'off', businessUnitId: null };
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
    <form onSubmit={submit} noValidate>
      <Stack>
        <ProblemAlert error={form.formError} />
        <CopyValue
          label={t('sso.redirectUri')}
          value={settings.redirectUri}
          hint={t('sso.redirectUriHint')}
          testId="sso-redirect-uri"
        />
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
        <JitFields jit={jit} onChange={(value) => form.setValue('jit', value)} error={form.errors.jit} />
        <ConnectionActions settings={settings} saving={save.isPending} />
      </Stack>
    </form>
  );
}
