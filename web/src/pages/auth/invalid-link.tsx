import { Button, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { verifyEmailInput } from '../../../../common/schemas/auth.js';
import { fieldName, isApiError } from '../../api/api-error.js';
import { useMe } from '../../api/use-me.js';
import { AuthCard } from '../../components/auth-card.js';
import { useT } from '../../i18n/i18n-context.js';

type Props = { title: string; text: string; retryTo?: string };

/** Links from e-mails expire or get used; say so and offer the way forward. */
export function InvalidLink({ title, text, retryTo }: Props) {
  const t = useT();
  const { data: me } = useMe();
  return (
    <AuthCard title={title}>
      <Stack>
        <Text size="sm">{text}</Text>
        {retryTo && (
          <Button component={Link} to={retryTo} fullWidth>
            {t('link.requestNew')}
          </Button>
        )}
        <Button component={Link} to={me ? '/' : '/sign-in'} variant="default" fullWidth>
          {me ? t('common.backHome') : t('forgot.back')}
        </Button>
      </Stack>
    </AuthCard>
  );
}

/** Whether a token from a link could be valid at all, by the shared schema's rule. */
export function looksLikeToken(token: string): boolean {
  return verifyEmailInput.shape.token.safeParse(token).success;
}

/** The server refused the link's token (unknown, used, expired or malformed). */
export function isTokenProblem(error: unknown): boolean {
  if (isApiError(error, 'invalid_token')) return true;
  return isApiError(error, 'validation_failed') && error.fieldErrors.some((f) => fieldName(f.field) === 'token');
}
