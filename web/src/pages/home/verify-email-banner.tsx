import { Alert, Button, Group, Text } from '@mantine/core';
import { IconMailExclamation } from '@tabler/icons-react';
import { useResendVerification } from '../../api/use-auth.js';
import { notifyError, notifySuccess } from '../../components/notify.js';
import { useT } from '../../i18n/i18n-context.js';

export function VerifyEmailBanner({ email }: { email: string }) {
  const t = useT();
  const resend = useResendVerification();
  const handleResend = () =>
    resend.mutate(undefined, {
      onSuccess: () => notifySuccess(t('home.verifySent', { email })),
      onError: (error) => notifyError(t, error),
    });
  return (
    <Alert color="yellow" variant="light" icon={<IconMailExclamation size={20} />} title={t('home.verifyTitle')}>
      <Group justify="space-between" gap="sm" align="center">
        <Text size="sm" style={{ flex: '1 1 280px' }}>
          {t('home.verifyText', { email })}
        </Text>
        <Button
          size="xs"
          variant="white"
          color="yellow.9"
          loading={resend.isPending}
          disabled={resend.isSuccess}
          onClick={handleResend}
        >
          {resend.isSuccess ? t('home.verifyResent') : t('home.verifyResend')}
        </Button>
      </Group>
    </Alert>
  );
}
