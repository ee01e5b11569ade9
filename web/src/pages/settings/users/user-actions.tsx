import { ActionIcon, Menu, Text } from '@mantine/core';
import {
  IconDots,
  IconLock,
  IconLockOpen,
  IconLogout,
  IconSend,
  IconShieldOff,
  IconTrash,
  IconUserMinus,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useResetFactors } from '../../../api/use-factors.js';
import { useEndMemberSessions } from '../../../api/use-sessions.js';
import {
  type OrgUser,
  useLockUser,
  useRemoveUser,
  useResendInvitation,
  useUnlockUser,
} from '../../../api/use-users.js';
import { ConfirmModal } from '../../../components/confirm-modal.js';
import { notifyError, notifySuccess } from '../../../components/notify.js';
import { useT } from '../../../i18n/i18n-context.js';
import { EraseUserModal } from './erase-user-modal.js';

type Confirming = 'lock' | 'remove' | 'erase' | 'sessions' | 'resetFactors' | null;

export function UserActions({ user }: { user: OrgUser }) {
  const t = useT();
  const name = user.name || user.email;
  const [confirming, setConfirming] = useState<Confirming>(null);
  const lock = useLockUser();
  const unlock = useUnlockUser();
  const remove = useRemoveUser();
  const resend = useResendInvitation();
  const endSessions = useEndMemberSessions();
  const resetFactors = useResetFactors();
  const onError = (error: unknown) => notifyError(t, error);
  const close = () => setConfirming(null);

  const doLock = () =>
    lock.mutate(user.id, { onSuccess: () => notifySuccess(t('users.locked', { name })), onError, onSettled: close });
  const doRemove = () =>
    remove.mutate(user.id, { onSuccess: () => notifySuccess(t('users.removed', { name })), onError, onSettled: close });
  const doEndSessions = () =>
    endSessions.mutate(user.id, {
      onSuccess: ({ ended }) => notifySuccess(t('users.sessionsEnded', { count: ended, name })),
      onError,
      onSettled: close,
    });
  const doResetFactors = () =>
    resetFactors.mutate(user.id, {
      onSuccess: () => notifySuccess(t('users.factorsReset', { name })),
      onError,
      onSettled: close,
    });
  const doUnlock = () =>
    unlock.mutate(user.id, { onSuccess: () => notifySuccess(t('users.unlocked', { name })), onError });
  const doResend = () =>
    resend.mutate(user.id, {
      onSuccess: () => notifySuccess(t('users.invitationResent', { email: user.email })),
      onError,
    });

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={t('users.actionsFor', { name })}
            loading={unlock.isPending || resend.isPending}
          >
            <IconDots size={18} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {user.status === 'invited' && (
            <Menu.Item leftSection={<IconSend size={16} />} onClick={doResend}>
              {t('users.resendInvitation')}
            </Menu.Item>
          )}
          {user.status === 'locked' ? (
            <Menu.Item leftSection={<IconLockOpen size={16} />} onClick={doUnlock}>
              {t('users.unlock')}
            </Menu.Item>
          ) : (
            <Menu.Item leftSection={<IconLock size={16} />} onClick={() => setConfirming('lock')}>
              {t('users.lock')}
            </Menu.Item>
          )}
          {user.status === 'active' && (
            <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => setConfirming('sessions')}>
              {t('users.endSessions')}
            </Menu.Item>
          )}
          <Menu.Item leftSection={<IconShieldOff size={16} />} onClick={() => setConfirming('resetFactors')}>
            {t('users.resetFactors')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item leftSection={<IconUserMinus size={16} />} color="red" onClick={() => setConfirming('remove')}>
            {t('users.remove')}
          </Menu.Item>
          <Menu.Item leftSection={<IconTrash size={16} />} color="red" onClick={() => setConfirming('erase')}>
            {t('users.erase')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ConfirmModal
        opened={confirming === 'lock'}
        title={t('users.lockTitle', { name })}
        confirmLabel={t('users.lock')}
        loading={lock.isPending}
        onConfirm={doLock}
        onClose={close}
      >
        <Text size="sm">{t('users.lockText', { name })}</Text>
      </ConfirmModal>
      <ConfirmModal
        opened={confirming === 'sessions'}
        title={t('users.endSessionsTitle', { name })}
        confirmLabel={t('users.endSessions')}
        loading={endSessions.isPending}
        onConfirm={doEndSessions}
        onClose={close}
      >
        <Text size="sm">{t('users.endSessionsText', { name })}</Text>
      </ConfirmModal>
      <ConfirmModal
        opened={confirming === 'resetFactors'}
        title={t('users.resetFactorsTitle', { name })}
        confirmLabel={t('users.resetFactors')}
        loading={resetFactors.isPending}
        onConfirm={doResetFactors}
        onClose={close}
      >
        <Text size="sm">{t('users.resetFactorsText', { name })}</Text>
      </ConfirmModal>
      <ConfirmModal
        opened={confirming === 'remove'}
        title={t('users.removeTitle', { name })}
        confirmLabel={t('users.remove')}
        loading={remove.isPending}
        onConfirm={doRemove}
        onClose={close}
      >
        <Text size="sm">{t('users.removeText', { name })}</Text>
      </ConfirmModal>
      <EraseUserModal user={user} opened={confirming === 'erase'} onClose={close} />
    </>
  );
}
