import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useVerifyEmail } from '../../api/use-auth.js';
import { useMe } from '../../api/use-me.js';
import { AuthCard } from '../../components/auth-card.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { describeError } from '../../forms/describe-error.js';
import { useT } from '../../i18n/i18n-context.js';
import { InvalidLink, isTokenProblem, looksLikeToken } from './invalid-link.js';

export function VerifyEmailPage() {
  const t = useT();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const verify = useVerifyEmail();
  const { data: me } = useMe();
  const sent = useRef(false);

  useEffect(() => {
    // Tokens are single-use: post once even when React runs effects twice in development.
    if (!looksLikeToken(token) || sent.current) return;
    sent.current = true;
    verify.mutate(token);
  }, [token, verify.mutate]);

  const continueTo = me ? '/' : '/sign-in';
  const continueLabel = me ? t('verify.continue') : t('signIn.submit');
  if (!looksLikeToken(token) || isTokenProblem(verify.error)) {
    return <InvalidLink title={t('verify.invalidTitle')} text={t('verify.invalidText')} />;
  }
  if (verify.isSuccess) {
    return (
      <AuthCard title={t('verify.doneTitle')}>
        <Stack>
          <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />}>
            {t('verify.doneText')}
          </Alert>
          <Button component={Link} to={continueTo} fullWidth>
            {continueLabel}
          </Button>
        </Stack>
      </AuthCard>
    );
  }
  if (verify.isError) {
    return (
      <AuthCard title={t('verify.failedTitle')}>
        <Stack>
          <ProblemAlert error={describeError(t, verify.error)} />
          <Button onClick={() => verify.mutate(token)} variant="default" fullWidth>
            {t('common.retry')}
          </Button>
        </Stack>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t('verify.title')}>
      <Center py="lg">
        <Stack align="center" gap="sm">
          <Loader />
          <Text size="sm" c="dimmed">
            {t('verify.working')}
          </Text>
        </Stack>
      </Center>
    </AuthCard>
  );
}
