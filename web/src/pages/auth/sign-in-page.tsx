import { Anchor, Button, Divider, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { email as emailSchema, signInInput } from '../../../../common/schemas/auth.js';
import { useSignIn, useSignOut } from '../../api/use-auth.js';
import type { SecondFactorStep } from '../../api/use-factors.js';
import { usePasskeySignIn } from '../../api/use-passkeys.js';
import { useStartSso } from '../../api/use-sso.js';
import { AuthCard } from '../../components/auth-card.js';
import { PasskeyAlert } from '../../components/passkey-alert.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { useZodForm } from '../../forms/use-zod-form.js';
import { useT } from '../../i18n/i18n-context.js';
import { safeNext } from '../../layouts/guest-only.js';
import { SecondFactorForm } from './second-factor-form.js';

export function SignInPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const signIn = useSignIn();
  const signOut = useSignOut();
  const passkey = usePasskeySignIn();
  const [step, setStep] = useState<SecondFactorStep | null>(null);
  const form = useZodForm(signInInput, { email: params.get('email') ?? '', password: '' });
  const startSso = useStartSso();
  const done = () => navigate(safeNext(params.get('next')), { replace: true });
  // Single sign-on needs only the address: its domain names the identity provider.
  const continueWithSso = () => {
    const parsed = emailSchema.safeParse(form.values.email);
    if (!parsed.success) {
      form.setFieldError('email', 'validation.required');
      return;
    }
    startSso.mutate(parsed.data, {
      onSuccess: ({ redirectUrl }) => window.location.assign(redirectUrl),
      onError: form.showError,
    });
  };
  const submit = form.onSubmit((input) =>
    signIn.mutate(input, {
      onSuccess: (answer) => ('secondFactor' in answer ? setStep(answer) : done()),
      onError: form.showError,
    }),
  );
  if (step) {
    const restart = () => {
      signOut.mutate();
      setStep(null);
      form.setValue('password', '');
    };
    return (
      <AuthCard title={t('secondFactor.title')} description={t('secondFactor.description')}>
        <SecondFactorForm step={step} onDone={done} onRestart={restart} />
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title={t('signIn.title')}
      description={t('signIn.description')}
      footer={
        <>
          {t('signIn.noAccount')}{' '}
          <Anchor component={Link} to="/sign-up" fw={500}>
            {t('signIn.createAccount')}
          </Anchor>
        </>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert error={form.formError} />
          <TextInput label={t('field.email')} type="email" autoComplete="email" required {...form.textProps('email')} />
          <Stack gap={6}>
            <PasswordInput
              label={t('field.password')}
              autoComplete="current-password"
              required
              {...form.textProps('password')}
            />
            <Group justify="flex-end">
              <Anchor component={Link} to="/forgot-password" size="sm">
                {t('signIn.forgot')}
              </Anchor>
            </Group>
          </Stack>
          <Button type="submit" loading={signIn.isPending} fullWidth>
            {t('signIn.submit')}
          </Button>
          <Divider label={t('signIn.or')} labelPosition="center" />
          <PasskeyAlert error={passkey.error} />
          <Button
            variant="default"
            leftSection={<IconKey size={18} />}
            loading={passkey.isPending}
            onClick={() => passkey.mutate(undefined, { onSuccess: done })}
            fullWidth
          >
            {t('signIn.passkey')}
          </Button>
          <Button variant="default" fullWidth loading={startSso.isPending} onClick={continueWithSso}>
            {t('signIn.sso')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
