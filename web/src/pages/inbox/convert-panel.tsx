import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconClockHour4, IconFileAlert, IconSparkles } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { type CustomField, useCustomFields } from '../../api/use-classification.js';
import type { Document } from '../../api/use-documents.js';
import { type InboxSuggestions, useConvertInbox, useInboxSuggestions } from '../../api/use-inbox.js';
import { useCurrentMe } from '../../api/use-me.js';
import { notifySuccess } from '../../components/notify.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { ErrorState, TableSkeleton } from '../../components/states.js';
import { ownSubmit } from '../../forms/own-submit.js';
import { useI18n, useT } from '../../i18n/i18n-context.js';
import { ContractFormSections, useCheckedSubmit } from '../contracts/contract-form-page.js';
import { emptyValues } from '../contracts/contract-form-values.js';
import { useDefaultReminderChoice } from '../contracts/reminder-defaults-section.js';
import { useContractForm } from '../contracts/use-contract-form.js';
import { suggestedForm } from './suggested-values.js';

/** "Create contract": the contract form, filled in from the document's text where it suggests something. */
export function ConvertPanel({ document }: { document: Document }) {
  const suggestions = useInboxSuggestions(document.id);
  const fields = useCustomFields('contract');
  if (suggestions.isPending || fields.isPending) return <TableSkeleton rows={6} />;
  if (suggestions.isError) return <ErrorState error={suggestions.error} onRetry={() => void suggestions.refetch()} />;
  if (fields.isError) return <ErrorState error={fields.error} onRetry={() => void fields.refetch()} />;
  return (
    <Stack gap="md">
      <TextState
        found={suggestions.data}
        checking={suggestions.isFetching}
        onCheck={() => void suggestions.refetch()}
      />
      {/* Suggestions that arrive later ("Check again") start the form afresh with them. */}
      <ConvertForm
        key={suggestions.data.suggestions ? 'suggested' : 'plain'}
        document={document}
        found={suggestions.data}
        fields={fields.data}
      />
    </Stack>
  );
}

/** Why nothing is suggested (text not read yet, none, OCR missing, failed), or how to read the suggestions. */
function TextState({ found, checking, onCheck }: { found: InboxSuggestions; checking: boolean; onCheck: () => void }) {
  const { t, fmt } = useI18n();
  const { textStatus, suggestions } = found;
  if (suggestions) {
    const amount = suggestions.amount;
    const any = Object.keys(suggestions).some((key) => key !== 'evidence');
    return (
      <Alert color="violet" variant="light" icon={<IconSparkles size={18} />}>
        <Stack gap={4}>
          <Text size="sm">{any ? t('inbox.suggestedIntro') : t('inbox.nothingFound')}</Text>
          {amount && (
            <div>
              <Text size="sm" fw={700}>
                {t('inbox.amountFound', { amount: fmt.money(amount.value, amount.currency) })}
              </Text>
              {suggestions.evidence.amount && (
                <Text size="xs" c="dimmed" lineClamp={2} className="break-anywhere">
                  {t('form.suggestedFrom', { words: suggestions.evidence.amount })}
                </Text>
              )}
              <Text size="sm">{t('inbox.amountHint')}</Text>
            </div>
          )}
        </Stack>
      </Alert>
    );
  }
  if (textStatus === 'pending') {
    return (
      <Alert color="blue" variant="light" icon={<IconClockHour4 size={18} />} title={t('inbox.textPending')}>
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('inbox.textPendingText')}</Text>
          <Button size="compact-sm" variant="default" loading={checking} onClick={onCheck}>
            {t('inbox.checkAgain')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  const title = {
    extracted: t('inbox.textNone'),
    no_text: t('inbox.textNone'),
    ocr_unavailable: t('inbox.textOcr'),
    failed: t('inbox.textFailed'),
  }[textStatus];
  return (
    <Alert color="gray" variant="light" icon={<IconFileAlert size={18} />} title={title}>
      <Text size="sm">{t('inbox.textNoneText')}</Text>
    </Alert>
  );
}

type FormProps = { document: Document; found: InboxSuggestions; fields: CustomField[] };

function ConvertForm({ document, found, fields }: FormProps) {
  const t = useT();
  const navigate = useNavigate();
  const me = useCurrentMe();
  const start = suggestedForm({ ...emptyValues(), ownerId: me.user?.id ?? null }, found.suggestions);
  const form = useContractForm(start.values, fields, start.suggested);
  const reminders = useDefaultReminderChoice(true);
  const convert = useConvertInbox(document.id);
  const { submit, alert } = useCheckedSubmit(form, (body, onError) =>
    convert.mutate(
      { ...body, ...reminders.body },
      {
        onSuccess: ({ contract }) => {
          notifySuccess(t('inbox.created', { title: contract.title, name: document.name }));
          navigate(`/contracts/${contract.id}?tab=documents`);
        },
        onError,
      },
    ),
  );
  return (
    <form onSubmit={ownSubmit(submit)} noValidate>
      <Stack gap="md">
        <ProblemAlert error={alert} />
        <ContractFormSections form={form} contractId={null} fields={fields} reminders={reminders} narrow />
        <Group justify="flex-end">
          <Button type="submit" loading={convert.isPending}>
            {t('inbox.createSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
