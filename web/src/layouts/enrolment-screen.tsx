import { Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useSignOut } from '../api/use-auth.js';
import { Logo } from '../components/logo.js';
import { usePageTitle } from '../components/use-page-title.js';
import { useT } from '../i18n/i18n-context.js';
import { FactorsCard } from '../pages/settings/security/factors-card.js';
import { PasskeysCard } from '../pages/settings/security/passkeys-card.js';
import { SmsCard } from '../pages/settings/security/sms-card.js';

/** The account demands a second factor this person lacks: enrolling one (or signing out) is all there is. */
export function EnrolmentScreen() {
  const t = useT();
  const navigate = useNavigate();
  const signOut = useSignOut();
  usePageTitle(t('enrolment.title'));
  return (
    <Container size="sm" py="xl">
      <Stack gap="lg">
        <Group justify="space-between">
          <Logo />
          <Button
            variant="subtle"
            leftSection={<IconLogout size={16} />}
            loading={signOut.isPending}
            onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/sign-in', { replace: true }) })}
          >
            {t('nav.signOut')}
          </Button>
        </Group>
        <main>
          <Stack gap="md">
            <Title order={1} fz={26}>
              {t('enrolment.title')}
            </Title>
            <Text c="dimmed">{t('enrolment.text')}</Text>
            <FactorsCard />
            <PasskeysCard />
            <SmsCard />
          </Stack>
        </main>
      </Stack>
    </Container>
  );
}
