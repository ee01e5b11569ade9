import { Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import { type Contract, useDeleteContract } from '../../api/use-contracts.js';
import { ConfirmModal } from '../../components/confirm-modal.js';
import { notifyError, notifySuccess } from '../../components/notify.js';
import { useT } from '../../i18n/i18n-context.js';

type Props = { contract: Contract; opened: boolean; onClose: () => void };

export function DeleteContractModal({ contract, opened, onClose }: Props) {
  const t = useT();
  const navigate = useNavigate();
  const remove = useDeleteContract();
  const confirm = () =>
    remove.mutate(contract.id, {
      onSuccess: () => {
        notifySuccess(t('contract.deleted', { title: contract.title }));
        navigate('/contracts', { replace: true });
      },
      onError: (error) => notifyError(t, error),
    });
  return (
    <ConfirmModal
      opened={opened}
      title={t('contract.deleteTitle', { title: contract.title })}
      confirmLabel={t('common.delete')}
      loading={remove.isPending}
      onConfirm={confirm}
      onClose={onClose}
    >
      <Text size="sm">{t('contract.deleteText')}</Text>
    </ConfirmModal>
  );
}
