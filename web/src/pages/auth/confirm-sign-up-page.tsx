import { Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { useConfirmSignUp } from '../../api/use-auth.js';
import { AuthCard } from '../../components/auth-card.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { describeError } from '../../forms/describe-error.js';
import { useT } from '../../i18n/i18n-context.js';
import { InvalidLink, isTokenProblem, looksLikeToken } from './invalid-link.js';

/** The link from the sign-up mail: creates the account, signs its administrator in, and opens the start page. */
export function ConfirmSignUpPage() {
  const t = useT();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const confirm = useConfirmSignUp();
  const sent = useRef(false);

  useEffect(() => {
    // Tokens are single-use: post once even when React runs effects twice in development.
    if (!looksLikeToken(token) || sent.current) return;
    sent.current = true;
    confirm.mutate(token);
  }, [token, confirm.mutate]);

  if (!looksLikeToken(token) || isTokenProblem(confirm.error)) {
    return <InvalidLink title={t('confirmSignUp.invalidTitle')} text={t('confirmSignUp.invalidText')} />;
  }
  if (confirm.isSuccess) return <Navigate to="/" replace />;
  if (confirm.isError) {
    return (
      <AuthCard title={t('confirmSignUp.failedTitle')}>
        <Stack>
          <ProblemAlert error={describeError(t, confirm.error)} />
          <Button onClick={() => confirm.mutate(token)} variant="default" fullWidth>
            {t('common.retry')}
          </Button>
        </Stack>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t('confirmSignUp.title')}>
      <Center py="lg">
        <Stack align="center" gap="sm" aria-busy="true">
          <Loader />
          <Text size="sm" c="dimmed">
            {t('confirmSignUp.working')}
          </Text>
        </Stack>
      </Center>
    </AuthCard>
  );
}
