import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDeviceDesktop, IconDeviceMobile, IconDevices, IconDeviceTablet, IconLogout } from '@tabler/icons-react';
import { useState } from 'react';
import { useCurrentMe } from '../../../api/use-me.js';
import {
  type MySession,
  useEndSession,
  useMyActivity,
  useMySessions,
  useSignOutEverywhere,
  useSignOutOthers,
} from '../../../api/use-sessions.js';
import { ConfirmModal } from '../../../components/confirm-modal.js';
import { notifyError, notifySuccess } from '../../../components/notify.js';
import { PageHeader } from '../../../components/page-header.js';
import { ErrorState, TableSkeleton } from '../../../components/states.js';
import { useI18n, useT } from '../../../i18n/i18n-context.js';
import { actionLabel } from '../activity/audit-labels.js';
import { deviceLabel } from './device-label.js';

type Confirming = { kind: 'one'; session: MySession } | { kind: 'others' } | { kind: 'everywhere' } | null;

const KIND_ICON = {
  desktop: IconDeviceDesktop,
  mobile: IconDeviceMobile,
  tablet: IconDeviceTablet,
  unknown: IconDevices,
};

export function SessionsPage() {
  const t = useT();
  const sessions = useMySessions();
  const [confirming, setConfirming] = useState<Confirming>(null);
  const others = (sessions.data?.items ?? []).filter((s) => !s.current).length;
  return (
    <Stack gap="lg" maw={860}>
      <PageHeader
        title={t('sessions.title')}
        description={t('sessions.description')}
        mb={0}
        actions={
          <Group gap="xs">
            <Button variant="default" disabled={others === 0} onClick={() => setConfirming({ kind: 'others' })}>
              {t('sessions.signOutOthers')}
            </Button>
            <Button color="red" variant="light" onClick={() => setConfirming({ kind: 'everywhere' })}>
              {t('sessions.signOutEverywhere')}
            </Button>
          </Group>
        }
      />
      {sessions.isPending ? (
        <TableSkeleton rows={3} />
      ) : sessions.isError ? (
        <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <Stack gap="sm">
          <Stack gap="sm" aria-label={t('sessions.title')} role="list">
            {sessions.data.items.map((session) => (
              <SessionRow key={session.id} session={session} onEnd={() => setConfirming({ kind: 'one', session })} />
            ))}
          </Stack>
          {others === 0 && (
            <Text size="sm" c="dimmed">
              {t('sessions.onlyThis')}
            </Text>
          )}
        </Stack>
      )}
      <SecurityLog />
      <Confirmations confirming={confirming} onClose={() => setConfirming(null)} />
    </Stack>
  );
}

function SecurityLog() {
  const { t, fmt } = useI18n();
  const me = useCurrentMe().user.id;
  const activity = useMyActivity();
  if (activity.isPending) return <TableSkeleton rows={3} />;
  if (activity.isError) return <ErrorState error={activity.error} onRetry={() => void activity.refetch()} />;
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={4} mb={4}>
        {t('sessions.logTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('sessions.logText')}
      </Text>
      <Stack gap={8}>
        {activity.data.items.map((event) => {
          // Who acted is said only when it was someone else (an administrator).
          const by = event.actor.id !== me && event.actor.name ? t('sessions.logBy', { name: event.actor.name }) : null;
          return (
            <div key={event.id}>
              <Text size="sm" fw={600}>
                {actionLabel(t, event.action)}
              </Text>
              <Text size="sm" c="dimmed">
                {[fmt.dateTime(event.occurredAt), by, event.ip].filter(Boolean).join(' · ')}
              </Text>
            </div>
          );
        })}
      </Stack>
    </Paper>
  );
}

function SessionRow({ session, onEnd }: { session: MySession; onEnd: () => void }) {
  const { t, fmt } = useI18n();
  const Icon = KIND_ICON[session.device.kind];
  const label = deviceLabel(t, session.device);
  return (
    <Paper withBorder radius="md" p="md" role="listitem">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="sm" wrap="nowrap" miw={0}>
          <Icon size={28} aria-hidden />
          <Stack gap={2} miw={0}>
            <Group gap="xs">
              <Text fw={600} title={session.userAgent ?? undefined}>
                {label}
              </Text>
              {session.current && (
                <Badge color="teal" variant="light">
                  {t('sessions.thisSession')}
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {t(`sessions.kind.${session.device.kind}`)} · {t('sessions.address')}: {session.ip ?? '—'}
            </Text>
            <Text size="sm" c="dimmed">
              {t('sessions.started')}: {fmt.dateTime(session.createdAt)} · {t('sessions.lastSeen')}:{' '}
              {fmt.dateTime(session.lastSeenAt)}
            </Text>
          </Stack>
        </Group>
        <Button
          variant="subtle"
          color="red"
          leftSection={<IconLogout size={16} />}
          aria-label={t('sessions.signOutFor', { device: label })}
          onClick={onEnd}
        >
          {t('sessions.signOut')}
        </Button>
      </Group>
    </Paper>
  );
}

function Confirmations({ confirming, onClose }: { confirming: Confirming; onClose: () => void }) {
  const t = useT();
  const endOne = useEndSession();
  const endOthers = useSignOutOthers();
  const endEverywhere = useSignOutEverywhere();
  const onError = (error: unknown) => notifyError(t, error);
  const one = confirming?.kind === 'one' ? confirming.session : null;
  const doOne = () =>
    one &&
    endOne.mutate(one.id, { onSuccess: () => notifySuccess(t('sessions.signedOut')), onError, onSettled: onClose });
  const doOthers = () =>
    endOthers.mutate(undefined, {
      onSuccess: ({ ended }) => notifySuccess(t('sessions.othersSignedOut', { count: ended })),
      onError,
      onSettled: onClose,
    });
  const doEverywhere = () => endEverywhere.mutate(undefined, { onError, onSettled: onClose });
  return (
    <>
      <ConfirmModal
        opened={one !== null}
        title={t('sessions.signOutTitle')}
        confirmLabel={t('sessions.signOut')}
        loading={endOne.isPending}
        onConfirm={doOne}
        onClose={onClose}
      >
        <Text size="sm">
          {one && t('sessions.signOutText', { device: deviceLabel(t, one.device), address: one.ip ?? '—' })}
        </Text>
      </ConfirmModal>
      <ConfirmModal
        opened={confirming?.kind === 'others'}
        title={t('sessions.signOutOthersTitle')}
        confirmLabel={t('sessions.signOutOthers')}
        loading={endOthers.isPending}
        onConfirm={doOthers}
        onClose={onClose}
      >
        <Text size="sm">{t('sessions.signOutOthersText')}</Text>
      </ConfirmModal>
      <ConfirmModal
        opened={confirming?.kind === 'everywhere'}
        title={t('sessions.signOutEverywhereTitle')}
        confirmLabel={t('sessions.signOutEverywhere')}
        loading={endEverywhere.isPending}
        onConfirm={doEverywhere}
        onClose={onClose}
      >
        <Text size="sm">{t('sessions.signOutEverywhereText')}</Text>
      </ConfirmModal>
    </>
  );
}
