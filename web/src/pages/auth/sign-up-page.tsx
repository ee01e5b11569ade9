import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconMailCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import { passwordProblem } from '../../../../common/passwords.js';
import { signUpInput } from '../../../../common/schemas/auth.js';
import { useSignUp } from '../../api/use-auth.js';
import { AuthCard } from '../../components/auth-card.js';
import { PasswordRules } from '../../components/password-rules.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { useZodForm } from '../../forms/use-zod-form.js';
import { useI18n } from '../../i18n/i18n-context.js';

export function SignUpPage() {
  const { t, locale } = useI18n();
  const signUp = useSignUp();
  const form = useZodForm(signUpInput, { name: '', email: '', password: '', companyName: '', locale });
  const submit = form.onSubmit((input) => {
    if (passwordProblem(input.password, input.email) === 'contains_email') {
      form.setFieldError('password', 'validation.contains_email');
      return;
    }
    signUp.mutate({ ...input, locale }, { onError: form.showError });
  });
  const footer = (
    <>
      {t('signUp.haveAccount')}{' '}
      <Anchor component={Link} to="/sign-in" fw={500}>
        {t('signUp.signIn')}
      </Anchor>
    </>
  );
  if (signUp.isSuccess) {
    return (
      <AuthCard title={t('signUp.sentTitle')} footer={footer}>
        <Alert color="teal" variant="light" icon={<IconMailCheck size={18} />}>
          {t('signUp.sentText', { email: signUp.variables.email })}
        </Alert>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t('signUp.title')} description={t('signUp.description')} footer={footer}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert error={form.formError} />
          <TextInput label={t('field.name')} autoComplete="name" required {...form.textProps('name')} />
          <TextInput label={t('field.email')} type="email" autoComplete="email" required {...form.textProps('email')} />
          <Stack gap={8}>
            <PasswordInput
              label={t('field.password')}
              autoComplete="new-password"
              required
              {...form.textProps('password')}
            />
            <PasswordRules password={String(form.values.password)} email={String(form.values.email)} />
          </Stack>
          <TextInput
            label={t('field.companyName')}
            description={t('signUp.companyHint')}
            autoComplete="organization"
            required
            {...form.textProps('companyName')}
          />
          <Button type="submit" loading={signUp.isPending} fullWidth>
            {t('signUp.submit')}
          </Button>
          <Text size="xs" c="dimmed" ta="center">
            {t('signUp.adminNote')}
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}
