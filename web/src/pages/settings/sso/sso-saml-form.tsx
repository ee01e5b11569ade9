import { Divider, SegmentedControl, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { type SsoSettings, samlConnectionInput } from '../../../../../common/schemas/sso.js';
import { useSaveSsoConnection } from '../../../api/use-sso.js';
import { notifySuccess } from '../../../components/notify.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { useZodForm } from '../../../forms/use-zod-form.js';
import { useT } from '../../../i18n/i18n-context.js';
import { ConnectionActions, CopyValue, JitFields } from './sso-connection-card.js';

type Source = 'metadata' | 'values';

/** The stored certificates (base64 bodies) as PEM blocks, all of them: saving the form keeps every one. */
const pemOf = (certificates: string[]) =>
  certificates
    .map(
      (body) => `-----BEGIN CERTIFICATE-----\n${body.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END CERTIFICATE-----`,
    )
    .join('\n');

/**
 * SAML 2.0: what the IdP's administrator enters there (our entity ID, ACS URL, metadata URL), and
 * the IdP here: its metadata XML, or its entity ID, SSO URL and signing certificate.
 */
export function SamlConnectionForm({ settings }: { settings: SsoSettings }) {
  const t = useT();
  const save = useSaveSsoConnection();
  const c = settings.connection;
  const saml = c?.protocol === 'saml' ? c.saml : null;
  const [source, setSource] = useState<Source>(saml ? 'values' : 'metadata');
  const form = useZodForm(samlConnectionInput, {
    protocol: 'saml',
    enabled: c?.enabled ?? true,
    metadataXml: '',
    entityId: saml?.entityId ?? '',
    ssoUrl: saml?.ssoUrl ?? '',
    certificate: pemOf(saml?.certificates ?? []),
    jit: { role: c?.jit.role ?? 'off', businessUnitId: c?.jit.businessUnitId ?? null },
  });
  const jit = form.values.jit ?? { role: 'off', businessUnitId: null };
  const submit = form.onSubmit((input) =>
    save.mutate(
      source === 'metadata'
        ? { ...input, entityId: undefined, ssoUrl: undefined, certificate: undefined }
        : { ...input, metadataXml: undefined },
      {
        onSuccess: (saved) => {
          const idp = (saved as SsoSettings).connection?.saml;
          form.setValue('metadataXml', '');
          if (idp) {
            form.setValue('entityId', idp.entityId);
            form.setValue('ssoUrl', idp.ssoUrl);
            form.setValue('certificate', pemOf(idp.certificates));
          }
          setSource('values');
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
        <Text size="sm">{t('sso.saml.spText')}</Text>
        <CopyValue label={t('sso.saml.spEntityId')} value={settings.samlSp.entityId} testId="saml-sp-entity-id" />
        <CopyValue label={t('sso.saml.acsUrl')} value={settings.samlSp.acsUrl} testId="saml-acs-url" />
        <CopyValue
          label={t('sso.saml.metadataUrl')}
          value={settings.samlSp.metadataUrl}
          hint={t('sso.saml.metadataUrlHint')}
          testId="saml-metadata-url"
        />
        <Divider />
        <SegmentedControl
          aria-label={t('sso.saml.source')}
          value={source}
          onChange={(v) => setSource(v as Source)}
          data={[
            { value: 'metadata', label: t('sso.saml.source.metadata') },
            { value: 'values', label: t('sso.saml.source.values') },
          ]}
        />
        {source === 'metadata' ? (
          <Textarea
            label={t('sso.saml.metadataXml')}
            description={t('sso.saml.metadataXmlHint')}
            placeholder='<md:EntityDescriptor entityID="…">'
            autosize
            minRows={6}
            maxRows={14}
            required
            styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
            {...form.textProps('metadataXml')}
          />
        ) : (
          <>
            <TextInput label={t('sso.saml.idpEntityId')} required {...form.textProps('entityId')} />
            <TextInput
              label={t('sso.saml.ssoUrl')}
              description={t('sso.saml.ssoUrlHint')}
              placeholder="https://"
              required
              {...form.textProps('ssoUrl')}
            />
            <Textarea
              label={t('sso.saml.certificate')}
              description={t('sso.saml.certificateHint')}
              placeholder="-----BEGIN CERTIFICATE-----"
              autosize
              minRows={4}
              maxRows={10}
              required
              styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
              {...form.textProps('certificate')}
            />
          </>
        )}
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
