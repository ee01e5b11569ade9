import { Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconKey, IconMessage } from '@tabler/icons-react';
import { useState } from 'react';
import { z } from 'zod';
import { isApiError } from '../../api/api-error.js';
import { type SecondFactorStep, useSecondFactor } from '../../api/use-factors.js';
import { usePasskeySecondFactor } from '../../api/use-passkeys.js';
import { useSendSignInSms } from '../../api/use-sms.js';
import { PasskeyAlert } from '../../components/passkey-alert.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { useCountdown } from '../../components/use-countdown.js';
import { useZodForm } from '../../forms/use-zod-form.js';
import { useT } from '../../i18n/i18n-context.js';

const codeInput = z.object({ code: z.string().trim().min(6).max(32) });

type Props = {
  step: SecondFactorStep;
  /** Signed in: the code was right. */
  onDone: () => void;
  /** Back to the password: cancelled, or too many wrong codes ended the pending sign-in. */
  onRestart: () => void;
};

/** Too many wrong answers (or a sign-in that ran out) send the person back to the password. */
const endsSignIn = (error: unknown) =>
  (isApiError(error) && error.fieldErrors.some((e) => e.rule === 'too_many_attempts')) ||
  isApiError(error, 'unauthenticated');

/** The second step of a sign-in: a passkey, the code from the authenticator app or a text message, or a backup code. */
export function SecondFactorForm({ step, onDone, onRestart }: Props) {
  const kinds = step.secondFactor.kinds;
  const [passkey, setPasskey] = useState(kinds.includes('passkey'));
  if (passkey) return <PasskeyStep onDone={onDone} onRestart={onRestart} onCode={() => setPasskey(false)} />;
  return <CodeStep step={step} onDone={onDone} onRestart={onRestart} onPasskey={() => setPasskey(true)} />;
}

function PasskeyStep({ onDone, onRestart, onCode }: Omit<Props, 'step'> & { onCode: () => void }) {
  const t = useT();
  const use = usePasskeySecondFactor();
  const start = () =>
    use.mutate(undefined, {
      onSuccess: onDone,
      onError: (error) => {
        if (endsSignIn(error)) onRestart();
      },
    });
  return (
    <Stack>
      <PasskeyAlert error={use.error} />
      <Text size="sm">{t('secondFactor.passkeyText')}</Text>
      <Button leftSection={<IconKey size={18} />} loading={use.isPending} onClick={start} fullWidth data-autofocus>
        {t('secondFactor.usePasskey')}
      </Button>
      <Group justify="space-between">
        <Anchor component="button" type="button" size="sm" onClick={onCode}>
          {t('secondFactor.useCode')}
        </Anchor>
        <Anchor component="button" type="button" size="sm" onClick={onRestart}>
          {t('secondFactor.cancel')}
        </Anchor>
      </Group>
    </Stack>
  );
}

type CodeKind = 'totp' | 'sms' | 'backup_code';
const CODE_KINDS: CodeKind[] = ['totp', 'sms', 'backup_code'];
const LABELS = {
  totp: ['secondFactor.codeLabel', 'secondFactor.codeHint', 'secondFactor.useApp'],
  sms: ['secondFactor.smsLabel', 'secondFactor.smsHint', 'secondFactor.useSms'],
  backup_code: ['secondFactor.backupLabel', 'secondFactor.backupHint', 'secondFactor.useBackup'],
} as const;

function CodeStep({ step, onDone, onRestart, onPasskey }: Props & { onPasskey: () => void }) {
  const t = useT();
  const kinds = step.secondFactor.kinds;
  const [kind, setKind] = useState<CodeKind>(CODE_KINDS.find((k) => kinds.includes(k)) ?? 'backup_code');
  const send = useSecondFactor();
  const form = useZodForm(codeInput, { code: '' });
  const submit = form.onSubmit(({ code }) =>
    send.mutate(
      { kind, code },
      {
        onSuccess: onDone,
        onError: (error) => (endsSignIn(error) ? onRestart() : form.showError(error)),
      },
    ),
  );
  const [label, hint] = LABELS[kind];
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ProblemAlert error={form.formError} />
        {kind === 'sms' && <SmsSender onError={(error) => (endsSignIn(error) ? onRestart() : form.showError(error))} />}
        <TextInput
          label={t(label)}
          description={t(hint)}
          autoComplete="one-time-code"
          inputMode={kind === 'backup_code' ? 'text' : 'numeric'}
          data-autofocus
          required
          {...form.textProps('code')}
        />
        <Button type="submit" loading={send.isPending} fullWidth>
          {t('secondFactor.submit')}
        </Button>
        <Group justify="space-between" align="flex-start">
          <Stack gap={4} align="flex-start">
            {CODE_KINDS.filter((k) => k !== kind && kinds.includes(k)).map((other) => (
              <Anchor key={other} component="button" type="button" size="sm" onClick={() => setKind(other)}>
                {t(LABELS[other][2])}
              </Anchor>
            ))}
            {kinds.includes('passkey') && (
              <Anchor component="button" type="button" size="sm" onClick={onPasskey}>
                {t('secondFactor.usePasskey')}
              </Anchor>
            )}
          </Stack>
          <Anchor component="button" type="button" size="sm" onClick={onRestart}>
            {t('secondFactor.cancel')}
          </Anchor>
        </Group>
      </Stack>
    </form>
  );
}

/** Texts a code to the person's number; another only after the wait the server names. */
function SmsSender({ onError }: { onError: (error: unknown) => void }) {
  const t = useT();
  const sms = useSendSignInSms();
  const [resendAt, setResendAt] = useState<number | null>(null);
  const wait = useCountdown(resendAt);
  const sendCode = () =>
    sms.mutate(undefined, {
      onSuccess: (sent) => setResendAt(Date.now() + sent.resendAfter * 1000),
      onError: (error) => {
        const seconds = isApiError(error, 'rate_limited') ? Number(error.params?.seconds ?? 0) : 0;
        if (seconds > 0) setResendAt(Date.now() + seconds * 1000);
        onError(error);
      },
    });
  return (
    <Stack gap={4}>
      {sms.data && <Text size="sm">{t('secondFactor.smsSent', { phone: sms.data.phone })}</Text>}
      <Button
        variant={sms.data ? 'subtle' : 'light'}
        leftSection={<IconMessage size={18} />}
        loading={sms.isPending}
        disabled={wait > 0}
        onClick={sendCode}
      >
        {wait > 0
          ? t('secondFactor.smsResendIn', { seconds: wait })
          : t(sms.data ? 'secondFactor.smsResend' : 'secondFactor.smsSend')}
      </Button>
    </Stack>
  );
}
