import { Alert, Button, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { SSO_ERROR_CODES, type SsoErrorCode } from '../../../../common/schemas/sso.js';
import { AuthCard } from '../../components/auth-card.js';
import { useT } from '../../i18n/i18n-context.js';

/** Where a refused single sign-on lands: what went wrong, in words, and the way back. */
export function SsoErrorPage() {
  const t = useT();
  const [params] = useSearchParams();
  const given = params.get('code') ?? '';
  const code: SsoErrorCode | 'unknown' = (SSO_ERROR_CODES as readonly string[]).includes(given)
    ? (given as SsoErrorCode)
    : 'unknown';
  return (
    <AuthCard title={t('ssoError.title')}>
      <Stack>
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="sso-error">
          {t(`ssoError.${code}`)}
        </Alert>
        <Button component={Link} to="/sign-in" fullWidth>
          {t('ssoError.back')}
        </Button>
      </Stack>
    </AuthCard>
  );
}
