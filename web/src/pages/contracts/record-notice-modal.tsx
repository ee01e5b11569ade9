import { Alert, Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import type { LifecycleInput } from '../../../../common/terms/lifecycle.js';
import { type NoticeOutcome, previewNotice } from '../../../../common/terms/notice.js';
import { fieldName, isApiError } from '../../api/api-error.js';
import { useRecordNotice } from '../../api/use-contracts.js';
import { AppModal } from '../../components/app-modal.js';
import { notifySuccess } from '../../components/notify.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { describeError } from '../../forms/describe-error.js';
import { fieldProblemMessage } from '../../forms/issue-message.js';
import { ownSubmit } from '../../forms/own-submit.js';
import { useI18n, useT } from '../../i18n/i18n-context.js';
import { isMessageKey } from '../../i18n/translate.js';

type Props = { contractId: string; lifecycle: LifecycleInput; opened: boolean; today: string; onClose: () => void };

/** Notice given on a day terminates the contract; the dialog shows when it then ends before anyone confirms. */
export function RecordNoticeModal({ contractId, lifecycle, opened, today, onClose }: Props) {
  const t = useT();
  return (
    <AppModal opened={opened} onClose={onClose} title={t('notice.title')}>
      {opened && <NoticeForm contractId={contractId} lifecycle={lifecycle} today={today} onDone={onClose} />}
    </AppModal>
  );
}

function NoticeForm({
  contractId,
  lifecycle,
  today,
  onDone,
}: {
  contractId: string;
  lifecycle: LifecycleInput;
  today: string;
  onDone: () => void;
}) {
  const t = useT();
  const record = useRecordNotice(contractId);
  const [givenOn, setGivenOn] = useState(today);
  const [confirmed, setConfirmed] = useState(false);
  const preview = previewNotice(lifecycle, givenOn, today);
  const outcome = preview.ok ? preview.outcome : null;
  const serverError = isApiError(record.error)
    ? record.error.fieldErrors.find((problem) => fieldName(problem.field) === 'givenOn')
    : undefined;
  const ruleKey = preview.ok ? null : `validation.${preview.rule}`;
  const clientError = ruleKey && isMessageKey(ruleKey) ? t(ruleKey) : preview.ok ? undefined : t('validation.invalid');
  const mayRecord = outcome !== null && (!outcome.late || confirmed);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!mayRecord) return;
    record.mutate(
      { givenOn, confirmLaterEnd: outcome.late },
      {
        onSuccess: () => {
          notifySuccess(t('notice.recorded'));
          onDone();
        },
      },
    );
  };
  return (
    <form onSubmit={ownSubmit(submit)} noValidate>
      <Stack>
        {record.error && !serverError && <ProblemAlert error={describeError(t, record.error)} />}
        <Text size="sm">{t('notice.text')}</Text>
        <TextInput
          type="date"
          label={t('notice.givenOn')}
          description={t('notice.givenOnHint')}
          required
          data-autofocus
          max={today}
          value={givenOn}
          error={clientError ?? (serverError ? fieldProblemMessage(t, serverError) : undefined)}
          onChange={(event) => {
            setGivenOn(event.currentTarget.value);
            setConfirmed(false);
          }}
        />
        {outcome && <Outcome outcome={outcome} confirmed={confirmed} onConfirm={setConfirmed} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={record.isPending} disabled={!mayRecord}>
            {t('notice.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type OutcomeProps = { outcome: NoticeOutcome; confirmed: boolean; onConfirm: (value: boolean) => void };

/** In time: the end date. Late: what it means, and a checkbox without which nothing is recorded. */
function Outcome({ outcome, confirmed, onConfirm }: OutcomeProps) {
  const { t, fmt } = useI18n();
  const endsOn = fmt.date(outcome.endsOn);
  if (!outcome.late) {
    return (
      <Text size="sm" fw={500} data-testid="notice-outcome" aria-live="polite">
        {t('notice.endsOn', { date: endsOn })}
      </Text>
    );
  }
  const values = { date: endsOn, termEnd: fmt.date(outcome.termEnd), count: outcome.termsLater };
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={t('notice.lateTitle')}
      data-testid="notice-outcome"
      aria-live="polite"
    >
      <Stack gap="xs">
        <Text size="sm">{t(outcome.termsLater === 1 ? 'notice.late.one' : 'notice.late.other', values)}</Text>
        <Checkbox
          label={t('notice.confirmLater', { date: endsOn })}
          checked={confirmed}
          onChange={(event) => onConfirm(event.currentTarget.checked)}
        />
      </Stack>
    </Alert>
  );
}
