import { Button, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { AuthCard } from '../../components/auth-card.js';
import { useT } from '../../i18n/i18n-context.js';

type Props = { title: string; text: string; retryTo?: string };

/** Links from e-mails expire or get used; say so and offer the way forward. */
export function InvalidLink({ title, text, retryTo }: Props) {
  const t = useT();
  return (
    <AuthCard title={title}>
      <Stack>
        <Text size="sm">{text}</Text>
        {retryTo && (
          <Button component={Link} to={retryTo} fullWidth>
            {t('link.requestNew')}
          </Button>
        )}
        <Button component={Link} to="/sign-in" variant="default" fullWidth>
          {t('forgot.back')}
        </Button>
      </Stack>
    </AuthCard>
  );
}
