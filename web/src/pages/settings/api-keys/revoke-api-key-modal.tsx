import { Text } from '@mantine/core';
import { type ApiKey, useRevokeApiKey } from '../../../api/use-api-keys.js';
import { ConfirmModal } from '../../../components/confirm-modal.js';
import { notifyError, notifySuccess } from '../../../components/notify.js';
import { useT } from '../../../i18n/i18n-context.js';

export function RevokeApiKeyModal({ apiKey, onClose }: { apiKey: ApiKey | null; onClose: () => void }) {
  const t = useT();
  const revoke = useRevokeApiKey();
  const name = apiKey?.name ?? '';
  const confirm = () => {
    if (!apiKey) return;
    revoke.mutate(apiKey.id, {
      onSuccess: () => {
        notifySuccess(t('apiKeys.revokedDone', { name }));
        onClose();
      },
      onError: (error) => notifyError(t, error),
    });
  };
  return (
    <ConfirmModal
      opened={apiKey !== null}
      title={t('apiKeys.revokeTitle', { name })}
      confirmLabel={t('apiKeys.revoke')}
      loading={revoke.isPending}
      onConfirm={confirm}
      onClose={onClose}
    >
      <Text size="sm">{t('apiKeys.revokeText', { name })}</Text>
    </ConfirmModal>
  );
}
