import { Anchor, Button, Group, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { z } from 'zod';
import { isApiError } from '../../api/api-error.js';
import { type SecondFactorStep, useSecondFactor } from '../../api/use-factors.js';
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

/** The second step of a sign-in: the code from the authenticator app, or a backup code. */
export function SecondFactorForm({ step, onDone, onRestart }: Props) {
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
        onError: (error) => {
          const ended = isApiError(error) && error.fieldErrors.some((e) => e.rule === 'too_many_attempts');
          if (ended || isApiError(error, 'unauthenticated')) onRestart();
          else form.showError(error);
        },
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
          {kinds.includes(other) ? (
            <Anchor component="button" type="button" size="sm" onClick={() => setKind(other)}>
              {t(other === 'totp' ? 'secondFactor.useApp' : 'secondFactor.useBackup')}
            </Anchor>
          ) : (
            <span />
          )}
          <Anchor component="button" type="button" size="sm" onClick={onRestart}>
            {t('secondFactor.cancel')}
          </Anchor>
        </Group>
      </Stack>
    </form>
  );
}
