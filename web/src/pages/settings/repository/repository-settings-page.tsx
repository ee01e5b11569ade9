import { Button, Group, Paper, Stack, Switch, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { isCurrencyCode } from '../../../../../common/iso-codes.js';
import { formatNumber, patternFault } from '../../../../../common/numbering.js';
import { todayIn } from '../../../../../common/terms/dates.js';
import { fieldName, isApiError } from '../../../api/api-error.js';
import {
  type RepositorySettings,
  useRepositorySettings,
  useUpdateRepositorySettings,
} from '../../../api/use-classification.js';
import { useCurrentMe } from '../../../api/use-me.js';
import { CurrencySelect } from '../../../components/code-select.js';
import { notifySuccess } from '../../../components/notify.js';
import { PageHeader } from '../../../components/page-header.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { ErrorState, NoAccess, PageLoader } from '../../../components/states.js';
import { describeError } from '../../../forms/describe-error.js';
import { fieldProblemMessage, ruleMessage } from '../../../forms/issue-message.js';
import { ownSubmit } from '../../../forms/own-submit.js';
import { useI18n, useT } from '../../../i18n/i18n-context.js';

/** Settings → Repository: currency, mandatory organizational unit, contract numbering. */
export function RepositorySettingsPage() {
  const t = useT();
  const { abilities } = useCurrentMe();
  const settings = useRepositorySettings();
  if (!abilities.manageSettings) return <NoAccess />;
  return (
    <Stack gap="md">
      <PageHeader title={t('repository.title')} description={t('repository.description')} mb="xs" />
      {settings.isPending ? (
        <PageLoader />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <SettingsForm settings={settings.data} />
      )}
    </Stack>
  );
}

function SettingsForm({ settings }: { settings: RepositorySettings }) {
  const { t, timeZone } = useI18n();
  const update = useUpdateRepositorySettings();
  const [currency, setCurrency] = useState(settings.currency);
  const [orgUnitMandatory, setOrgUnitMandatory] = useState(settings.orgUnitMandatory);
  const [requireAttachment, setRequireAttachment] = useState(settings.requireAttachment);
  const [usePattern, setUsePattern] = useState(settings.contractNumberPattern !== null);
  const [pattern, setPattern] = useState(settings.contractNumberPattern ?? 'CT-{YYYY}-{SEQ:5}');
  const [editable, setEditable] = useState(settings.contractNumberEditable);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const problem = usePattern ? patternFault(pattern.trim()) : null;
  const example = usePattern && !problem ? formatNumber(pattern.trim(), todayIn(timeZone), 1) : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!isCurrencyCode(currency)) next.currency = t('validation.unknown_currency');
    if (problem) next.contractNumberPattern = ruleMessage(t, 'invalid_pattern', { fault: problem });
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    const body = {
      currency,
      orgUnitMandatory,
      requireAttachment,
      contractNumberPattern: usePattern ? pattern.trim() : null,
      contractNumberEditable: editable,
    };
    update.mutate(body, {
      onSuccess: () => notifySuccess(t('repository.saved')),
      onError: (error) => {
        const problems = isApiError(error) ? error.fieldErrors : [];
        setErrors(Object.fromEntries(problems.map((p) => [fieldName(p.field), fieldProblemMessage(t, p)])));
      },
    });
  };
  const placed = isApiError(update.error) && update.error.fieldErrors.length > 0;
  return (
    <form onSubmit={ownSubmit(submit)} noValidate>
      <Paper withBorder radius="lg" p={{ base: 'md', sm: 'lg' }} maw={640}>
        <Stack>
          {update.error && !placed && <ProblemAlert error={describeError(t, update.error)} />}
          <CurrencySelect
            label={t('repository.currency')}
            description={t('repository.currencyHint')}
            maw={320}
            clearable={false}
            value={currency}
            error={errors.currency}
            onChange={(code) => setCurrency(code ?? '')}
          />
          <Switch
            label={t('repository.orgUnitMandatory')}
            description={t('repository.orgUnitMandatoryHint')}
            checked={orgUnitMandatory}
            onChange={(e) => setOrgUnitMandatory(e.currentTarget.checked)}
          />
          <Switch
            label={t('repository.requireAttachment')}
            description={t('repository.requireAttachmentHint')}
            checked={requireAttachment}
            onChange={(e) => setRequireAttachment(e.currentTarget.checked)}
          />
          <Switch
            label={t('repository.usePattern')}
            description={t('repository.usePatternHint')}
            checked={usePattern}
            onChange={(e) => setUsePattern(e.currentTarget.checked)}
          />
          {usePattern && (
            <>
              <TextInput
                label={t('repository.pattern')}
                description={t('repository.patternHint')}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                value={pattern}
                error={errors.contractNumberPattern}
                onChange={(e) => setPattern(e.currentTarget.value)}
              />
              {example && (
                <Text size="sm" c="dimmed">
                  {t('repository.example', { example })}
                </Text>
              )}
              <Switch
                label={t('repository.editable')}
                checked={editable}
                onChange={(e) => setEditable(e.currentTarget.checked)}
              />
            </>
          )}
          {settings.nextContractNumberPreview && (
            <Text size="sm">{t('repository.next', { number: settings.nextContractNumberPreview })}</Text>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </form>
  );
}
