import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCreditCard, IconPlayerPlay, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { accessEndsAt, deletionDate } from '../../../../../common/subscriptions.js';
import { useCurrentMe } from '../../../api/use-me.js';
import {
  type Subscription,
  useCancelSubscription,
  useReactivateSubscription,
  useSubscription,
} from '../../../api/use-subscription.js';
import { ConfirmModal } from '../../../components/confirm-modal.js';
import { Fact } from '../../../components/fact.js';
import { notifyError, notifySuccess } from '../../../components/notify.js';
import { PageHeader } from '../../../components/page-header.js';
import { ErrorState, NoAccess } from '../../../components/states.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { DeletionCard } from './deletion-card.js';

/** Settings → Subscription: plan, status, seats, dates; cancel or reactivate; Stripe's links when configured. */
export function SubscriptionPage() {
  const { t } = useI18n();
  const { abilities } = useCurrentMe();
  if (!abilities.manageSettings) return <NoAccess />;
  return (
    <>
      <PageHeader title={t('subscription.title')} description={t('subscription.description')} />
      <SubscriptionContent />
    </>
  );
}

function SubscriptionContent() {
  const query = useSubscription();
  const me = useCurrentMe();
  if (query.isPending) return <Skeleton h={240} radius="md" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const sub = query.data;
  return (
    <Stack gap="xl">
      <Facts sub={sub} />
      <Actions sub={sub} />
      <Billing sub={sub} />
      <DeletionCard sub={sub} orgName={me.org.name} />
    </Stack>
  );
}

function Facts({ sub }: { sub: Subscription }) {
  const { t, fmt } = useI18n();
  const seats =
    sub.seats.limit === null
      ? t('subscription.seatsUnlimited', { used: sub.seats.used })
      : t('subscription.seatsUsed', { used: sub.seats.used, limit: sub.seats.limit });
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="subscription-plan-title">
      <Stack gap="md">
        <Group gap="sm">
          <Title order={2} size="h4" id="subscription-plan-title">
            {t(`subscription.planName.${sub.plan}`)}
          </Title>
          <Badge color={sub.status === 'cancelled' ? 'red' : sub.status === 'past_due' ? 'orange' : 'teal'}>
            {t(`subscription.statusName.${sub.status}`)}
          </Badge>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          <Fact label={t('subscription.seats')} value={seats} />
          {sub.trialEndsAt && sub.status === 'trialing' && (
            <Fact label={t('subscription.trialEnds')} value={fmt.date(sub.trialEndsAt)} />
          )}
          {sub.currentPeriodEnd && <Fact label={t('subscription.periodEnds')} value={fmt.date(sub.currentPeriodEnd)} />}
          {sub.cancelledAt && <Fact label={t('subscription.cancelledOn')} value={fmt.date(sub.cancelledAt)} />}
          {sub.accessUntil && <Fact label={t('subscription.accessUntil')} value={fmt.date(sub.accessUntil)} />}
          {sub.deletionDate && (
            <Fact label={t('subscription.deletionDate')} value={fmt.date(sub.deletionDate)} testId="deletion-date" />
          )}
        </SimpleGrid>
        {sub.legalHold && (
          <Alert color="blue" title={t('subscription.legalHoldTitle')} data-testid="legal-hold">
            {t('subscription.legalHoldText', { since: fmt.date(sub.legalHold.since), reason: sub.legalHold.reason })}
          </Alert>
        )}
        <Text size="sm" c="dimmed">
          {t('subscription.seatsHint')}
        </Text>
      </Stack>
    </Paper>
  );
}

function Actions({ sub }: { sub: Subscription }) {
  const { t, fmt } = useI18n();
  const cancel = useCancelSubscription();
  const reactivate = useReactivateSubscription();
  const [confirming, setConfirming] = useState(false);
  if (sub.abilities.reactivate) {
    return (
      <Stack gap="sm" align="flex-start">
        {sub.accessUntil && sub.deletionDate && (
          <Alert color="orange" w="100%">
            {t('subscription.cancelledText', { since: fmt.date(sub.accessUntil), date: fmt.date(sub.deletionDate) })}
          </Alert>
        )}
        <Button
          leftSection={<IconPlayerPlay size={16} />}
          loading={reactivate.isPending}
          onClick={() =>
            reactivate.mutate(undefined, {
              onSuccess: () => notifySuccess(t('subscription.reactivated')),
              onError: (error) => notifyError(t, error),
            })
          }
        >
          {t('subscription.reactivate')}
        </Button>
      </Stack>
    );
  }
  if (!sub.abilities.cancel) return null;
  const now = new Date();
  const until = accessEndsAt(
    { status: sub.status, currentPeriodEnd: sub.currentPeriodEnd ? new Date(sub.currentPeriodEnd) : null },
    now,
  );
  const immediate = until.getTime() === now.getTime();
  const deletion = deletionDate(until, sub.retentionMonths);
  return (
    <>
      <Button
        variant="default"
        color="red"
        leftSection={<IconX size={16} />}
        onClick={() => setConfirming(true)}
        w="fit-content"
      >
        {t('subscription.cancel')}
      </Button>
      <ConfirmModal
        opened={confirming}
        title={t('subscription.cancelTitle')}
        confirmLabel={t('subscription.cancelConfirm')}
        loading={cancel.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          cancel.mutate(undefined, {
            onSuccess: () => {
              setConfirming(false);
              notifySuccess(t('subscription.cancelled'));
            },
            onError: (error) => notifyError(t, error),
          })
        }
      >
        <Stack gap="sm">
          <Text size="sm">
            {immediate ? t('subscription.cancelNow') : t('subscription.cancelAtEnd', { date: fmt.date(until) })}
          </Text>
          <Text size="sm">
            {t('subscription.cancelDeletion', { months: sub.retentionMonths, date: fmt.date(deletion) })}
          </Text>
        </Stack>
      </ConfirmModal>
    </>
  );
}

function Billing({ sub }: { sub: Subscription }) {
  const { t } = useI18n();
  const links = sub.checkoutLinks;
  return (
    <section aria-labelledby="subscription-billing-title">
      <Title order={2} size="h4" id="subscription-billing-title" mb="sm">
        {t('subscription.billing')}
      </Title>
      {links.length === 0 && !sub.portalUrl ? (
        <Text size="sm" c="dimmed">
          {t('subscription.noBilling')}
        </Text>
      ) : (
        <Group gap="sm">
          {links.map((link) => (
            <Button
              key={link.plan}
              component="a"
              href={link.url}
              rel="noopener noreferrer"
              variant="light"
              leftSection={<IconCreditCard size={16} />}
            >
              {t('subscription.checkout', { plan: t(`subscription.planName.${link.plan}`) })}
            </Button>
          ))}
          {sub.portalUrl && (
            <Anchor href={sub.portalUrl} rel="noopener noreferrer">
              {t('subscription.portal')}
            </Anchor>
          )}
        </Group>
      )}
    </section>
  );
}
