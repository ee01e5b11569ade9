import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useCurrentMe } from '../../api/use-me.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { hourIn } from '../../i18n/format.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { AccessCard } from './access-card.js';
import { GetStartedCard } from './get-started-card.js';
import { VerifyEmailBanner } from './verify-email-banner.js';

function greetingKey(hour: number) {
  if (hour < 5 || hour >= 18) return 'home.greetingEvening' as const;
  if (hour < 12) return 'home.greetingMorning' as const;
  return 'home.greetingAfternoon' as const;
}

export function HomePage() {
  const { t, timeZone } = useI18n();
  const me = useCurrentMe();
  usePageTitle(t('nav.home'));
  const firstName = me.user.name.trim().split(/\s+/)[0] ?? me.user.name;
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={2}>{t(greetingKey(hourIn(timeZone)), { name: firstName })}</Title>
        <Text c="dimmed">{t('home.subtitle', { org: me.org.name })}</Text>
      </Stack>
      {!me.user.emailVerified && <VerifyEmailBanner email={me.user.email} />}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" style={{ alignItems: 'start' }}>
        <GetStartedCard />
        <AccessCard />
      </SimpleGrid>
    </Stack>
  );
}
