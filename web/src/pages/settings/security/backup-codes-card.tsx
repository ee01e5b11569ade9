import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useFactors, useRegenerateBackupCodes } from '../../../api/use-factors.js';
import { useT } from '../../../i18n/i18n-context.js';
import { SettingsCard } from '../personal/settings-card.js';
import { BackupCodesView } from './backup-codes-view.js';
import { PasswordModal } from './password-modal.js';

/** How many backup codes are left, and ten new ones (the old ones stop working). */
export function BackupCodesCard() {
  const t = useT();
  const factors = useFactors();
  const regenerate = useRegenerateBackupCodes();
  const [asking, setAsking] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);
  if (!factors.data || factors.data.items.length === 0) return null;
  const close = () => {
    setAsking(false);
    setCodes(null);
  };
  return (
    <SettingsCard title={t('security.backupTitle')} description={t('security.backupText')}>
      <Stack>
        <Text size="sm">{t('security.backupLeft', { count: factors.data.backupCodesLeft })}</Text>
        <Group>
          <Button variant="default" onClick={() => setAsking(true)}>
            {t('security.backupNew')}
          </Button>
        </Group>
      </Stack>
      <PasswordModal
        opened={asking}
        title={t('security.backupNew')}
        text={t('security.backupNewText')}
        confirmLabel={t('security.backupNew')}
        loading={regenerate.isPending}
        onClose={close}
        onConfirm={(password, fail) =>
          regenerate.mutate(password, { onSuccess: (r) => setCodes(r.codes), onError: fail })
        }
      >
        {codes && <BackupCodesView codes={codes} onSaved={close} />}
      </PasswordModal>
    </SettingsCard>
  );
}
