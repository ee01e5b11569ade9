import { Text } from '@mantine/core';
import type { BusinessUnit } from '../../../api/use-business-units.js';
import { useDeleteBusinessUnit } from '../../../api/use-business-units.js';
import { ConfirmModal } from '../../../components/confirm-modal.js';
import { notifyError, notifySuccess } from '../../../components/notify.js';
import { useT } from '../../../i18n/i18n-context.js';

export function DeleteUnitModal({ unit, onClose }: { unit: BusinessUnit | null; onClose: () => void }) {
  const t = useT();
  const remove = useDeleteBusinessUnit();
  const name = unit?.name ?? '';
  const confirm = () => {
    if (!unit) return;
    remove.mutate(unit.id, {
      onSuccess: () => {
        notifySuccess(t('units.deleted', { name }));
        onClose();
      },
      onError: (error) => notifyError(t, error),
    });
  };
  return (
    <ConfirmModal
      opened={unit !== null}
      title={t('units.deleteTitle', { name })}
      confirmLabel={t('common.delete')}
      loading={remove.isPending}
      onConfirm={confirm}
      onClose={onClose}
    >
      <Text size="sm">{t('units.deleteText', { name })}</Text>
    </ConfirmModal>
  );
}
