import { Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { LOCALES } from '../../../../../common/schemas/auth.js';
import { MAIL_TEMPLATE_KINDS, type MailTemplateKind } from '../../../../../common/schemas/reminders.js';
import { useCurrentMe } from '../../../api/use-me.js';
import { ConfirmModal } from '../../../components/confirm-modal.js';
import { notifyError, notifySuccess } from '../../../components/notify.js';
import { PageHeader } from '../../../components/page-header.js';
import { ErrorState, NoAccess, PageLoader } from '../../../components/states.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { TemplateEditor } from './template-editor.js';
import { type MailLocale, type MailText, useMailTemplates, useResetMailTemplate } from './use-mail-templates.js';

/** Settings → Mail templates: the wording of each kind of reminder mail, per language (administrators). */
export function MailTemplatesPage() {
  const { t, locale: uiLocale } = useI18n();
  const { abilities } = useCurrentMe();
  const templates = useMailTemplates();
  const reset = useResetMailTemplate();
  const [kind, setKind] = useState<MailTemplateKind>('reminder');
  const [locale, setLocale] = useState<MailLocale>(uiLocale);
  // Unsaved edits per kind and language survive switching between them.
  const [drafts, setDrafts] = useState<Record<string, MailText>>({});
  const [confirmReset, setConfirmReset] = useState(false);
  if (!abilities.manageMailTemplates) return <NoAccess />;

  const key = `${kind}:${locale}`;
  const template = templates.data?.find((x) => x.kind === kind && x.locale === locale);
  const setDraft = (next: MailText | null) =>
    setDrafts(({ [key]: _, ...rest }) => (next ? { ...rest, [key]: next } : rest));
  const kindLabel = (k: MailTemplateKind) => t(`mailTemplates.kind.${k}`);
  const doReset = () =>
    reset.mutate(
      { kind, locale },
      {
        onSuccess: () => {
          setDraft(null);
          setConfirmReset(false);
          notifySuccess(t('mailTemplates.resetDone'));
        },
        onError: (error) => notifyError(t, error),
      },
    );

  return (
    <Stack gap="md">
      <PageHeader title={t('mailTemplates.title')} description={t('mailTemplates.description')} mb="xs" />
      <Group align="flex-end" gap="md">
        <Select
          label={t('mailTemplates.kind')}
          data={MAIL_TEMPLATE_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
          value={kind}
          onChange={(v) => v && setKind(v as MailTemplateKind)}
          allowDeselect={false}
          w={{ base: '100%', xs: 240 }}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="mail-template-language">
            {t('mailTemplates.language')}
          </Text>
          <SegmentedControl
            aria-labelledby="mail-template-language"
            data={LOCALES.map((l) => ({ value: l, label: t(`mailTemplates.language.${l}`) }))}
            value={locale}
            onChange={(v) => setLocale(v as MailLocale)}
          />
        </Stack>
      </Group>
      <Text size="sm" c="dimmed" mt={-4}>
        {t(`mailTemplates.kindHint.${kind}`)}
      </Text>
      {templates.isPending ? (
        <PageLoader />
      ) : templates.isError || !template ? (
        <ErrorState error={templates.error} onRetry={() => void templates.refetch()} />
      ) : (
        <TemplateEditor
          key={key}
          template={template}
          value={drafts[key] ?? { subject: template.subject, body: template.body }}
          onChange={(next) => setDraft(next.subject === template.subject && next.body === template.body ? null : next)}
          onReset={() => setConfirmReset(true)}
        />
      )}
      <ConfirmModal
        opened={confirmReset}
        title={t('mailTemplates.resetTitle')}
        confirmLabel={t('mailTemplates.reset')}
        loading={reset.isPending}
        onConfirm={doReset}
        onClose={() => setConfirmReset(false)}
      >
        <Text size="sm">
          {t('mailTemplates.resetText', { kind: kindLabel(kind), language: t(`mailTemplates.language.${locale}`) })}
        </Text>
      </ConfirmModal>
    </Stack>
  );
}
