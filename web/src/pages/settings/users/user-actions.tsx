import { ActionIcon, Menu, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDots, IconLock, IconLockOpen, IconSend } from '@tabler/icons-react';
import { type OrgUser, useLockUser, useResendInvitation, useUnlockUser } from '../../../api/use-users.js';
import { ConfirmModal } from '../../../components/confirm-modal.js';
import { notifyError, notifySuccess } from '../../../components/notify.js';
import { useT } from '../../../i18n/i18n-context.js';

export function UserActions({ user }: { user: OrgUser }) {
  const t = useT();
  const name = user.name || user.email;
  const [confirmOpened, confirm] = useDisclosure(false);
  const lock = useLockUser();
  const unlock = useUnlockUser();
  const resend = useResendInvitation();
  const onError = (error: unknown) => notifyError(t, error);

  const doLock = () =>
    lock.mutate(user.id, {
      onSuccess: () => notifySuccess(t('users.locked', { name })),
      onError,
      onSettled: confirm.close,
    });
  const doUnlock = () => unlock.mutate(user.id, { onSuccess: () => notifySuccess(t('users.unlocked', { name })), onError });
  const doResend = () =>
    resend.mutate(user.id, { onSuccess: () => notifySuccess(t('users.invitationResent', { email: user.email })), onError });

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={t('users.actionsFor', { name })} loading={unlock.isPending || resend.isPending}>
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
            <Menu.Item leftSection={<IconLock size={16} />} color="red" onClick={confirm.open}>
              {t('users.lock')}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      <ConfirmModal
        opened={confirmOpened}
        title={t('users.lockTitle', { name })}
        confirmLabel={t('users.lock')}
        loading={lock.isPending}
        onConfirm={doLock}
        onClose={confirm.close}
      >
        <Text size="sm">{t('users.lockText', { name })}</Text>
      </ConfirmModal>
    </>
  );
}
