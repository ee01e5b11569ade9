import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useDecline } from '../../api/use-signing.js';
import { AppModal } from '../../components/app-modal.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { describeError } from '../../forms/describe-error.js';
import { ownSubmit } from '../../forms/own-submit.js';
import { useT } from '../../i18n/i18n-context.js';

type Props = { token: string; opened: boolean; onClose: () => void; onDeclined: () => void };

/** Declining ends the request for everyone, so it asks why and says so first. */
export function DeclineModal({ token, opened, onClose, onDeclined }: Props) {
  const t = useT();
  const decline = useDecline(token);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = () => {
    if (!reason.trim()) return setMissing(true);
    decline.mutate(reason.trim(), { onSuccess: onDeclined });
  };
  return (
    <AppModal opened={opened} onClose={onClose} title={t('signPage.decline.title')}>
      <form onSubmit={ownSubmit(submit)} noValidate>
        <Stack>
          <Text size="sm">{t('signPage.decline.effect')}</Text>
          <ProblemAlert error={decline.error ? describeError(t, decline.error) : null} />
          <Textarea
            label={t('signPage.decline.reason')}
            required
            autosize
            minRows={3}
            maxLength={1000}
            value={reason}
            error={missing ? t('validation.required') : undefined}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setMissing(false);
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={decline.isPending}>
              {t('signPage.decline.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
