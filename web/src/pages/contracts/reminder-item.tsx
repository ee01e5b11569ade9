import { Anchor, Badge, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconMail, IconPlayerPlay, IconRepeat, IconSettings, IconX } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useDirectory } from '../../api/use-directory.js';
import { useCurrentMe } from '../../api/use-me.js';
import { type Reminder, type ReminderAction, useReminderAction } from '../../api/use-reminders.js';
import { notifyError, notifySuccess } from '../../components/notify.js';
import { RowMenu } from '../../components/row-actions.js';
import type { MessageKey } from '../../i18n/en.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { leadTimeLabel, STATE_COLOR } from './reminder-labels.js';

/** The contract's owner and backup owner, to name them among the recipients. */
type Owners = { ownerId: string | null; backupOwnerId: string | null };

type Props = {
  reminder: Reminder;
  contractId: string;
  owners: Owners;
  onEdit: (reminder: Reminder) => void;
  onDelete: (reminder: Reminder) => void;
  onDeliveries: (reminder: Reminder) => void;
};

const DONE: Record<ReminderAction, MessageKey> = {
  acknowledge: 'reminder.acknowledged',
  dismiss: 'reminder.dismissed',
  reopen: 'reminder.reopened',
};

/** One reminder under its event: when it fires, who gets it, where it stands, and what can be done. */
export function ReminderItem({ reminder, contractId, owners, onEdit, onDelete, onDeliveries }: Props) {
  const { t, fmt } = useI18n();
  const action = useReminderAction(contractId);
  const expiry = reminder.kind === 'expiry';
  const run = (name: ReminderAction) =>
    action.mutate(
      { id: reminder.id, action: name },
      { onSuccess: () => notifySuccess(t(DONE[name])), onError: (error) => notifyError(t, error) },
    );
  const pending = (name: ReminderAction) => action.isPending && action.variables?.action === name;
  const state = reminder.state;
  // The server says who may silence this reminder: its recipients, the contract's owners, the unit's editors.
  const respond = reminder.abilities.respond;
  return (
    <Stack
      gap={6}
      py="sm"
      data-testid="reminder"
      style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
    >
      <Group justify="space-between" align="flex-start" gap="xs">
        <Group gap={6} style={{ minWidth: 0 }}>
          <Badge color={STATE_COLOR[state]} variant={state === 'active' ? 'filled' : 'light'} miw="max-content">
            {t(`reminder.state.${state}`)}
          </Badge>
          {expiry ? (
            <Text size="sm" fw={600}>
              {t('reminder.expiryLabel')}
            </Text>
          ) : (
            reminder.kind === 'default' && (
              <Text size="xs" c="dimmed">
                {t('reminder.fromDefaults')}
              </Text>
            )
          )}
        </Group>
        <Group gap={4} wrap="nowrap">
          {reminder.nextDueOn && state !== 'inactive' && state !== 'dismissed' && (
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {t('reminder.nextDue', { date: fmt.date(reminder.nextDueOn) })}
            </Text>
          )}
          {reminder.abilities.edit && (
            <RowMenu
              label={t('reminder.actions')}
              editText={t('reminder.edit')}
              onEdit={() => onEdit(reminder)}
              onDelete={() => onDelete(reminder)}
            />
          )}
        </Group>
      </Group>
      <Group gap={6}>
        {reminder.leadTimes.map((days) => (
          <Badge key={days} variant="outline" color="indigo" tt="none" radius="xl" miw="max-content">
            {leadTimeLabel(t, days)}
          </Badge>
        ))}
        <Group gap={4} wrap="nowrap">
          <IconRepeat size={14} color="var(--mantine-color-dimmed)" aria-hidden />
          <Text size="sm" c="dimmed">
            {t(`reminder.repeats.${reminder.repeat}`)}
          </Text>
        </Group>
      </Group>
      <Recipients reminder={reminder} owners={owners} />
      <Group gap="xs" justify="space-between">
        <Group gap="xs">
          {respond && state === 'active' && (
            <Button
              size="xs"
              leftSection={<IconCheck size={14} />}
              loading={pending('acknowledge')}
              onClick={() => run('acknowledge')}
            >
              {t('reminder.acknowledge')}
            </Button>
          )}
          {respond && (state === 'active' || state === 'acknowledged') && (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconX size={14} />}
              loading={pending('dismiss')}
              onClick={() => run('dismiss')}
            >
              {t('reminder.dismiss')}
            </Button>
          )}
          {respond && (state === 'acknowledged' || state === 'dismissed') && (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconPlayerPlay size={14} />}
              loading={pending('reopen')}
              onClick={() => run('reopen')}
            >
              {t('reminder.reopen')}
            </Button>
          )}
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconMail size={14} />}
            onClick={() => onDeliveries(reminder)}
          >
            {t('delivery.open')}
          </Button>
        </Group>
        {expiry && <ExpiryHint />}
      </Group>
    </Stack>
  );
}

/**
 * Who the mails go to, with the contract's owner and backup owner named; an expiry
 * notification of a contract without owner goes to the administrators.
 */
function Recipients({ reminder, owners }: { reminder: Reminder; owners: Owners }) {
  const t = useI18n().t;
  const directory = useDirectory();
  const r = reminder.recipients;
  const nameOf = (id: string) => directory.data?.find((m) => m.id === id)?.name ?? t('contract.formerMember');
  const role = (label: string, id: string | null, fallback: string) => `${label} (${id ? nameOf(id) : fallback})`;
  const ownerFallback = reminder.kind === 'expiry' ? t('reminder.to.noOwnerAdmins') : t('reminder.to.noneSet');
  const names = [
    ...(r.owner ? [role(t('reminder.to.owner'), owners.ownerId, ownerFallback)] : []),
    ...(r.backupOwner ? [role(t('reminder.to.backupOwner'), owners.backupOwnerId, t('reminder.to.noneSet'))] : []),
    ...(r.unitEditors ? [t('reminder.to.unitEditors')] : []),
    ...r.userIds.map(nameOf),
  ];
  return (
    <Text size="sm" className="break-anywhere">
      <Text span size="sm" c="dimmed">
        {t('reminder.toLabel')}{' '}
      </Text>
      {names.join(', ')}
      {r.emails.length > 0 && (
        <>
          {names.length > 0 && ', '}
          {r.emails.join(', ')}{' '}
          <Tooltip label={t('reminder.infoOnlyHint')} multiline w={260} withArrow>
            <Badge
              size="xs"
              variant="outline"
              color="gray"
              tt="none"
              style={{ cursor: 'help', verticalAlign: 'middle' }}
            >
              {t('reminder.infoOnly')}
            </Badge>
          </Tooltip>
        </>
      )}
    </Text>
  );
}

/** Expiry notifications come from the account's schedule: admins change them in the settings. */
function ExpiryHint() {
  const t = useI18n().t;
  const { abilities } = useCurrentMe();
  if (!abilities.manageReminderSettings) {
    return (
      <Text size="xs" c="dimmed">
        {t('reminder.expiryHint')}
      </Text>
    );
  }
  return (
    <Anchor component={Link} to="/settings/reminders" size="xs">
      <Group gap={4} component="span" wrap="nowrap">
        <IconSettings size={14} />
        {t('reminder.expirySettings')}
      </Group>
    </Anchor>
  );
}
