import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { z } from 'zod';
import { confirmTotpInput, phoneNumber } from '../../../../../common/schemas/factors.js';
import { useRefreshMe } from '../../../api/use-factors.js';
import { useConfirmSms, useStartSms } from '../../../api/use-sms.js';
import { AppModal } from '../../../components/app-modal.js';
import { notifySuccess } from '../../../components/notify.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { useCountdown } from '../../../components/use-countdown.js';
import { useZodForm } from '../../../forms/use-zod-form.js';
import { useT } from '../../../i18n/i18n-context.js';
import { BackupCodesView } from './backup-codes-view.js';

const phoneInput = z.object({ phone: phoneNumber });
type Props = { opened: boolean; onClose: () => void };
type Sent = { id: string; phone: string; resendAt: number };

/** A phone number, then the code texted to it; the first factor shows backup codes. */
export function AddSmsModal({ opened, onClose }: Props) {
  const t = useT();
  const start = useStartSms();
  const confirm = useConfirmSms();
  const refreshMe = useRefreshMe();
  const [sent, setSent] = useState<Sent | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const phoneForm = useZodForm(phoneInput, { phone: '' });
  const codeForm = useZodForm(confirmTotpInput, { code: '' });
  const wait = useCountdown(sent?.resendAt ?? null);
  const close = () => {
    start.reset();
    confirm.reset();
    phoneForm.reset();
    codeForm.reset();
    setSent(null);
    setCodes(null);
    onClose();
  };
  const finish = () => {
    close();
    void refreshMe();
  };
  const send = (phone: string, onError: (error: unknown) => void) =>
    start.mutate(
      { phone, name: t('security.smsDefaultName') },
      {
        onSuccess: (s) => setSent({ id: s.id, phone: s.phone, resendAt: Date.now() + s.resendAfter * 1000 }),
        onError,
      },
    );
  const submitPhone = phoneForm.onSubmit(({ phone }) => send(phone, phoneForm.showError));
  const submitCode = codeForm.onSubmit(({ code }) => {
    if (!sent) return;
    confirm.mutate(
      { id: sent.id, code },
      {
        onSuccess: (done) => {
          if (done.backupCodes) return setCodes(done.backupCodes);
          notifySuccess(t('security.smsAdded', { phone: sent.phone }));
          finish();
        },
        onError: codeForm.showError,
      },
    );
  });
  return (
    <AppModal opened={opened} onClose={codes ? finish : close} title={t('security.smsAddTitle')}>
      {codes ? (
        <BackupCodesView codes={codes} intro={t('security.smsDone')} onSaved={finish} />
      ) : sent ? (
        <form onSubmit={submitCode} noValidate>
          <Stack>
            <ProblemAlert error={codeForm.formError} />
            <Text size="sm">{t('security.smsSent', { phone: sent.phone })}</Text>
            <TextInput
              label={t('security.smsCode')}
              description={t('secondFactor.smsHint')}
              autoComplete="one-time-code"
              inputMode="numeric"
              required
              data-autofocus
              {...codeForm.textProps('code')}
            />
            <Group justify="space-between">
              <Button
                variant="subtle"
                disabled={wait > 0}
                loading={start.isPending}
                onClick={() => send(phoneForm.values.phone, codeForm.showError)}
              >
                {wait > 0 ? t('secondFactor.smsResendIn', { seconds: wait }) : t('secondFactor.smsResend')}
              </Button>
              <Group>
                <Button variant="default" onClick={close}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={confirm.isPending}>
                  {t('security.confirm')}
                </Button>
              </Group>
            </Group>
          </Stack>
        </form>
      ) : (
        <form onSubmit={submitPhone} noValidate>
          <Stack>
            <ProblemAlert error={phoneForm.formError} />
            <Text size="sm">{t('security.smsAddText')}</Text>
            <TextInput
              label={t('security.smsPhone')}
              description={t('security.smsPhoneHint')}
              type="tel"
              autoComplete="tel"
              required
              data-autofocus
              {...phoneForm.textProps('phone')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={start.isPending}>
                {t('security.smsSend')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </AppModal>
  );
}
