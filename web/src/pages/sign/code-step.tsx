import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { IconLock, IconMail } from '@tabler/icons-react';
import { useState } from 'react';
import { z } from 'zod';
import { isApiError } from '../../api/api-error.js';
import { type SigningPage, useSendSigningCode, useVerifySigningCode } from '../../api/use-signing.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { useCountdown } from '../../components/use-countdown.js';
import { describeError } from '../../forms/describe-error.js';
import { useZodForm } from '../../forms/use-zod-form.js';
import { useI18n } from '../../i18n/i18n-context.js';

const codeForm = z.object({
  code: z
    .string()
    .trim()
    .refine((code) => /^\d{6}$/.test(code), { params: { rule: 'code_format' } }),
});

type Props = { token: string; info: SigningPage; onVerified: () => void };

/**
 * The second check the sender asked for: a six-digit code mailed to the recipient's address. Confirming it
 * lets this browser open, sign or decline for 30 minutes.
 */
export function CodeStep({ token, info, onVerified }: Props) {
  const { t, fmt } = useI18n();
  const send = useSendSigningCode(token);
  const verify = useVerifySigningCode(token);
  const form = useZodForm(codeForm, { code: '' });
  const [resendAt, setResendAt] = useState<number | null>(null);
  const wait = useCountdown(resendAt);
  const sent = info.code.expiresAt !== null || send.isSuccess;
  const locked = info.code.lockedUntil;

  const sendCode = () =>
    send.mutate(undefined, {
      onSuccess: () => {
        setResendAt(Date.now() + 60_000);
        form.reset();
        verify.reset();
      },
      onError: (error) => {
        const seconds = isApiError(error, 'rate_limited') ? Number(error.params?.seconds ?? 0) : 0;
        if (seconds > 0) setResendAt(Date.now() + seconds * 1000);
      },
    });
  const submit = form.onSubmit(({ code }) =>
    verify.mutate(code, { onSuccess: onVerified, onError: (error) => form.showError(error) }),
  );

  if (locked) {
    return (
      <Alert color="red" variant="light" icon={<IconLock size={18} />} role="alert" data-testid="code-locked">
        {t('signPage.code.locked', { time: fmt.time(locked) })}
      </Alert>
    );
  }
  return (
    <Stack gap="sm" data-testid="code-step">
      <Text size="sm">{t('signPage.code.why', { email: info.recipient.email })}</Text>
      <ProblemAlert error={send.error ? describeError(t, send.error) : form.formError} />
      {sent && (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Text size="sm" role="status">
              {t('signPage.code.sent', { email: info.recipient.email })}
            </Text>
            <TextInput
              label={t('signPage.code.label')}
              description={t('signPage.code.hint')}
              autoComplete="one-time-code"
              inputMode="numeric"
              data-autofocus
              required
              {...form.textProps('code')}
            />
            <Button type="submit" loading={verify.isPending}>
              {t('signPage.code.confirm')}
            </Button>
          </Stack>
        </form>
      )}
      <Button
        variant={sent ? 'subtle' : 'filled'}
        leftSection={<IconMail size={18} />}
        loading={send.isPending}
        disabled={wait > 0}
        onClick={sendCode}
      >
        {wait > 0
          ? t('signPage.code.resendIn', { seconds: wait })
          : t(sent ? 'signPage.code.resend' : 'signPage.code.send')}
      </Button>
    </Stack>
  );
}
