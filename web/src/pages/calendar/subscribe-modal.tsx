import {
  ActionIcon,
  Alert,
  Button,
  CopyButton,
  Group,
  List,
  Paper,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconCheck, IconCopy, IconLock, IconPlus } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { MAX_CALENDAR_FEEDS } from '../../../../common/schemas/reminders.js';
import { AppModal } from '../../components/app-modal.js';
import { notifyError, notifySuccess } from '../../components/notify.js';
import { ErrorState } from '../../components/states.js';
import { ownSubmit } from '../../forms/own-submit.js';
import { useI18n, useT } from '../../i18n/i18n-context.js';
import { type CalendarFeed, useCalendarFeeds, useCreateCalendarFeed, useRevokeCalendarFeed } from './use-calendar.js';

/** The user's private iCalendar addresses: copy, create, revoke. */
export function SubscribeModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useT();
  return (
    <AppModal opened={opened} onClose={onClose} title={t('calendar.feedsTitle')} size="lg">
      <Stack gap="md">
        <Text size="sm">{t('calendar.feedsIntro')}</Text>
        <Alert variant="light" color="orange" icon={<IconLock size={18} />} p="sm">
          <Text size="sm">{t('calendar.feedsSecret')}</Text>
        </Alert>
        <Feeds enabled={opened} />
        <Stack gap={4}>
          <Title order={4} fz="sm">
            {t('calendar.feedsHowTo')}
          </Title>
          <List size="sm" spacing={4}>
            <List.Item>{t('calendar.feedsOutlook')}</List.Item>
            <List.Item>{t('calendar.feedsGoogle')}</List.Item>
          </List>
        </Stack>
      </Stack>
    </AppModal>
  );
}

function Feeds({ enabled }: { enabled: boolean }) {
  const t = useT();
  const feeds = useCalendarFeeds(enabled);
  if (feeds.isPending) return <Skeleton height={120} radius="md" />;
  if (feeds.isError) return <ErrorState error={feeds.error} onRetry={() => void feeds.refetch()} />;
  const items = feeds.data;
  return (
    <Stack gap="sm">
      <Title order={4} fz="sm">
        {t('calendar.feedsYours')}
      </Title>
      {items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('calendar.feedsNone')}
        </Text>
      )}
      {items.map((feed) => (
        <FeedRow key={feed.id} feed={feed} />
      ))}
      <CreateFeed full={items.length >= MAX_CALENDAR_FEEDS} />
    </Stack>
  );
}

function FeedRow({ feed }: { feed: CalendarFeed }) {
  const { t, fmt } = useI18n();
  const revoke = useRevokeCalendarFeed();
  const [confirming, setConfirming] = useState(false);
  const onRevoke = () =>
    revoke.mutate(feed.id, {
      onSuccess: () => notifySuccess(t('calendar.feedRevoked')),
      onError: (error) => notifyError(t, error),
    });
  return (
    <Paper withBorder radius="md" p="sm">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text size="sm" fw={600} className="break-anywhere">
              {feed.name}
            </Text>
            <Text size="xs" c="dimmed">
              {t('calendar.feedCreatedOn', { date: fmt.date(feed.createdAt) })} ·{' '}
              {feed.lastUsedAt
                ? t('calendar.feedLastUsed', { date: fmt.dateTime(feed.lastUsedAt) })
                : t('calendar.feedNeverUsed')}
            </Text>
          </Stack>
          {!confirming && (
            <Button
              variant="subtle"
              color="red"
              size="xs"
              style={{ flexShrink: 0 }}
              aria-label={t('calendar.feedRevokeLabel', { name: feed.name })}
              onClick={() => setConfirming(true)}
            >
              {t('calendar.feedRevoke')}
            </Button>
          )}
        </Group>
        <Group gap={6} wrap="nowrap">
          <TextInput
            readOnly
            value={feed.url}
            aria-label={t('calendar.feedUrl', { name: feed.name })}
            onFocus={(event) => event.currentTarget.select()}
            style={{ flex: 1 }}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
          />
          <CopyButton value={feed.url}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? t('common.copied') : t('calendar.feedCopy')} withArrow>
                <ActionIcon
                  variant={copied ? 'light' : 'default'}
                  color={copied ? 'teal' : undefined}
                  size={36}
                  aria-label={t('calendar.feedCopy')}
                  onClick={copy}
                >
                  {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
        {confirming && (
          <Alert color="red" variant="light" p="xs">
            <Group justify="space-between" gap="xs">
              <Text size="sm">{t('calendar.feedRevokeConfirm')}</Text>
              <Group gap="xs">
                <Button size="xs" variant="default" onClick={() => setConfirming(false)}>
                  {t('common.cancel')}
                </Button>
                <Button size="xs" color="red" loading={revoke.isPending} onClick={onRevoke}>
                  {t('calendar.feedRevoke')}
                </Button>
              </Group>
            </Group>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function CreateFeed({ full }: { full: boolean }) {
  const t = useT();
  const create = useCreateCalendarFeed();
  const [name, setName] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(name.trim() || 'Deedbox', {
      onSuccess: () => {
        setName('');
        notifySuccess(t('calendar.feedCreated'));
      },
      onError: (error) => notifyError(t, error),
    });
  };
  if (full) {
    return (
      <Text size="sm" c="dimmed">
        {t('calendar.feedLimit', { count: MAX_CALENDAR_FEEDS })}
      </Text>
    );
  }
  return (
    <form onSubmit={ownSubmit(submit)}>
      <Group gap="xs" align="flex-end" wrap="wrap">
        <TextInput
          label={t('calendar.feedName')}
          placeholder={t('calendar.feedNamePlaceholder')}
          maxLength={80}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          style={{ flex: '1 1 220px' }}
        />
        <Button type="submit" leftSection={<IconPlus size={16} />} loading={create.isPending}>
          {t('calendar.feedCreate')}
        </Button>
      </Group>
    </form>
  );
}
