import { Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { z } from 'zod';
import { isApiError } from '../../api/api-error.js';
import { type SecondFactorStep, useSecondFactor } from '../../api/use-factors.js';
import { usePasskeySecondFactor } from '../../api/use-passkeys.js';
import { PasskeyAlert } from '../../components/passkey-alert.js';
import { ProblemAlert } from '../../components/problem-alert.js';
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

/** The second step of a sign-in: a passkey, the code from the authenticator app, or a backup code. */
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

function CodeStep({ step, onDone, onRestart, onPasskey }: Props & { onPasskey: () => void }) {
  const t = useT();
  const kinds = step.secondFactor.kinds;
  const [kind, setKind] = useState<'totp' | 'backup_code'>(kinds.includes('totp') ? 'totp' : 'backup_code');
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
  const other = kind === 'totp' ? 'backup_code' : 'totp';
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ProblemAlert error={form.formError} />
        <TextInput
          label={t(kind === 'totp' ? 'secondFactor.codeLabel' : 'secondFactor.backupLabel')}
          description={t(kind === 'totp' ? 'secondFactor.codeHint' : 'secondFactor.backupHint')}
          autoComplete="one-time-code"
          inputMode={kind === 'totp' ? 'numeric' : 'text'}
          data-autofocus
          required
          {...form.textProps('code')}
        />
        <Button type="submit" loading={send.isPending} fullWidth>
          {t('secondFactor.submit')}
        </Button>
        <Group justify="space-between">
          <Stack gap={4} align="flex-start">
            {kinds.includes(other) && (
              <Anchor component="button" type="button" size="sm" onClick={() => setKind(other)}>
                {t(other === 'totp' ? 'secondFactor.useApp' : 'secondFactor.useBackup')}
              </Anchor>
            )}
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
