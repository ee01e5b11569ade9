import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { IconMailCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import { forgotPasswordInput } from '../../../../common/schemas/auth.js';
import { useForgotPassword } from '../../api/use-auth.js';
import { AuthCard } from '../../components/auth-card.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { useZodForm } from '../../forms/use-zod-form.js';
import { useT } from '../../i18n/i18n-context.js';

export function ForgotPasswordPage() {
  const t = useT();
  const forgot = useForgotPassword();
  const form = useZodForm(forgotPasswordInput, { email: '' });
  const submit = form.onSubmit((input) => forgot.mutate(input, { onError: form.showError }));
  const backLink = (
    <Anchor component={Link} to="/sign-in" fw={500}>
      {t('forgot.back')}
    </Anchor>
  );
  if (forgot.isSuccess) {
    return (
      <AuthCard title={t('forgot.sentTitle')} footer={backLink}>
        <Alert color="teal" variant="light" icon={<IconMailCheck size={18} />}>
          {t('forgot.sentText', { email: forgot.variables.email })}
        </Alert>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t('forgot.title')} description={t('forgot.description')} footer={backLink}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert error={form.formError} />
          <TextInput label={t('field.email')} type="email" autoComplete="email" required {...form.textProps('email')} />
          <Button type="submit" loading={forgot.isPending} fullWidth>
            {t('forgot.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
