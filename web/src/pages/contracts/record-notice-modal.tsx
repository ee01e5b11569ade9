import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldName, isApiError } from '../../api/api-error.js';
import { useRecordNotice } from '../../api/use-contracts.js';
import { AppModal } from '../../components/app-modal.js';
import { notifySuccess } from '../../components/notify.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { describeError } from '../../forms/describe-error.js';
import { fieldProblemMessage } from '../../forms/issue-message.js';
import { ownSubmit } from '../../forms/own-submit.js';
import { useT } from '../../i18n/i18n-context.js';

type Props = { contractId: string; opened: boolean; today: string; onClose: () => void };

/** Notice given on a day terminates the contract; the server works out when it ends. */
export function RecordNoticeModal({ contractId, opened, today, onClose }: Props) {
  const t = useT();
  return (
    <AppModal opened={opened} onClose={onClose} title={t('notice.title')}>
      {opened && <NoticeForm contractId={contractId} today={today} onDone={onClose} />}
    </AppModal>
  );
}

function NoticeForm({ contractId, today, onDone }: { contractId: string; today: string; onDone: () => void }) {
  const t = useT();
  const record = useRecordNotice(contractId);
  const [givenOn, setGivenOn] = useState(today);
  const fieldError = isApiError(record.error)
    ? record.error.fieldErrors.find((problem) => fieldName(problem.field) === 'givenOn')
    : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate(givenOn, {
      onSuccess: () => {
        notifySuccess(t('notice.recorded'));
        onDone();
      },
    });
  };
  return (
    <form onSubmit={ownSubmit(submit)} noValidate>
      <Stack>
        {record.error && !fieldError && <ProblemAlert error={describeError(t, record.error)} />}
        <Text size="sm">{t('notice.text')}</Text>
        <TextInput
          type="date"
          label={t('notice.givenOn')}
          required
          data-autofocus
          value={givenOn}
          error={fieldError ? fieldProblemMessage(t, fieldError) : givenOn ? undefined : t('validation.required')}
          onChange={(event) => setGivenOn(event.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={record.isPending} disabled={!givenOn}>
            {t('notice.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
