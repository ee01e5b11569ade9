import { Alert, Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { z } from 'zod';
import { newPassword } from '../../../../common/schemas/auth.js';
import { useResetPassword } from '../../api/use-auth.js';
import { AuthCard } from '../../components/auth-card.js';
import { PasswordRules } from '../../components/password-rules.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { useZodForm } from '../../forms/use-zod-form.js';
import { useT } from '../../i18n/i18n-context.js';
import { InvalidLink, isTokenProblem, looksLikeToken } from './invalid-link.js';

const resetForm = z.object({ password: newPassword });

export function ResetPasswordPage() {
  const t = useT();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const reset = useResetPassword();
  const form = useZodForm(resetForm, { password: '' });
  const submit = form.onSubmit(({ password }) => reset.mutate({ token, password }, { onError: form.showError }));

  if (!looksLikeToken(token) || isTokenProblem(reset.error)) {
    return <InvalidLink title={t('reset.invalidTitle')} text={t('reset.invalidText')} retryTo="/forgot-password" />;
  }
  if (reset.isSuccess) {
    return (
      <AuthCard title={t('reset.doneTitle')}>
        <Stack>
          <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />}>
            {t('reset.doneText')}
          </Alert>
          <Button component={Link} to="/sign-in" fullWidth>
            {t('signIn.submit')}
          </Button>
        </Stack>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title={t('reset.title')}
      description={t('reset.description')}
      footer={
        <Anchor component={Link} to="/sign-in">
          {t('forgot.back')}
        </Anchor>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert error={form.formError} />
          <Stack gap={8}>
            <PasswordInput
              label={t('field.newPassword')}
              autoComplete="new-password"
              required
              {...form.textProps('password')}
            />
            <PasswordRules password={form.values.password} />
          </Stack>
          <Button type="submit" loading={reset.isPending} fullWidth>
            {t('reset.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
