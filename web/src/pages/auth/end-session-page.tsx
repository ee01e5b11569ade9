import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../../api/use-me.js';
import { useEndSessionLink } from '../../api/use-sessions.js';
import { AuthCard } from '../../components/auth-card.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { describeError } from '../../forms/describe-error.js';
import { useT } from '../../i18n/i18n-context.js';
import { InvalidLink, isTokenProblem, looksLikeToken } from './invalid-link.js';

/** Where the new-device mail's link lands: it ends that one session and says so. */
export function EndSessionPage() {
  const t = useT();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const end = useEndSessionLink();
  const { data: me } = useMe();
  const sent = useRef(false);

  useEffect(() => {
    // The link works once: post once even when React runs effects twice in development.
    if (!looksLikeToken(token) || sent.current) return;
    sent.current = true;
    end.mutate(token);
  }, [token, end.mutate]);

  if (!looksLikeToken(token) || isTokenProblem(end.error)) {
    return <InvalidLink title={t('endSession.invalidTitle')} text={t('endSession.invalidText')} />;
  }
  if (end.isSuccess) {
    return (
      <AuthCard title={t('endSession.doneTitle')}>
        <Stack>
          <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />}>
            {end.data.ended ? t('endSession.doneText') : t('endSession.alreadyText')}
          </Alert>
          <Button component={Link} to={me ? '/settings/personal' : '/forgot-password'} fullWidth>
            {t('endSession.newPassword')}
          </Button>
        </Stack>
      </AuthCard>
    );
  }
  if (end.isError) {
    return (
      <AuthCard title={t('endSession.title')}>
        <ProblemAlert error={describeError(t, end.error)} />
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t('endSession.title')}>
      <Center py="lg">
        <Stack align="center" gap="sm">
          <Loader />
          <Text size="sm" c="dimmed">
            {t('endSession.working')}
          </Text>
        </Stack>
      </Center>
    </AuthCard>
  );
}
