import { Grid, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useCurrentMe } from '../../api/use-me.js';
import { ErrorState } from '../../components/states.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { hourIn } from '../../i18n/format.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { AccessCard } from './access-card.js';
import { ApprovalTasksCard } from './approval-tasks-card.js';
import { CategoryChart, StatusChart } from './contract-charts.js';
import { DeadlinesCard } from './deadlines-card.js';
import { FailedDeliveriesCard } from './failed-deliveries-card.js';
import { FirstContractCard } from './first-contract-card.js';
import { GetStartedCard } from './get-started-card.js';
import { RecentCard } from './recent-card.js';
import { RemindersCard } from './reminders-card.js';
import { type Dashboard, useDashboard } from './use-dashboard.js';
import { VerifyEmailBanner } from './verify-email-banner.js';

function greetingKey(hour: number) {
  if (hour < 5 || hour >= 18) return 'home.greetingEvening' as const;
  if (hour < 12) return 'home.greetingMorning' as const;
  return 'home.greetingAfternoon' as const;
}

function DashboardSkeleton() {
  const { t } = useI18n();
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" aria-busy="true" aria-label={t('common.loading')}>
      <Skeleton height={320} radius="lg" />
      <Skeleton height={320} radius="lg" />
      <Skeleton height={220} radius="lg" />
      <Skeleton height={220} radius="lg" />
    </SimpleGrid>
  );
}

function GettingStarted() {
  return (
    <Stack gap="lg">
      <FirstContractCard />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" style={{ alignItems: 'start' }}>
        <GetStartedCard />
        <AccessCard />
      </SimpleGrid>
    </Stack>
  );
}

function Overview({ data }: { data: Dashboard }) {
  return (
    <Stack gap="lg">
      <FailedDeliveriesCard data={data.failedDeliveries} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <DeadlinesCard data={data} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <RemindersCard data={data} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <StatusChart data={data.byStatus} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <CategoryChart data={data.byCategory} other={data.byCategoryOther} />
        </Grid.Col>
        <Grid.Col span={12}>
          <RecentCard items={data.recent} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** The start page after sign-in: what is due, what reaches me, how the contracts stand. */
export function HomePage() {
  const { t, timeZone } = useI18n();
  const me = useCurrentMe();
  const dashboard = useDashboard();
  usePageTitle(t('nav.home'));
  const firstName = me.user.name.trim().split(/\s+/)[0] ?? me.user.name;
  const data = dashboard.data;
  const empty = data?.byStatus.every((entry) => entry.count === 0);
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t(greetingKey(hourIn(timeZone)), { name: firstName })}
        </Title>
        <Text c="dimmed">{t('home.subtitle', { org: me.org.name })}</Text>
      </Stack>
      {!me.user.emailVerified && <VerifyEmailBanner email={me.user.email} />}
      <ApprovalTasksCard />
      {dashboard.isError ? (
        <ErrorState error={dashboard.error} onRetry={() => dashboard.refetch()} />
      ) : !data ? (
        <DashboardSkeleton />
      ) : empty ? (
        <GettingStarted />
      ) : (
        <Overview data={data} />
      )}
    </Stack>
  );
}
