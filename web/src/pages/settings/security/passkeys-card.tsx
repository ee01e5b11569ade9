import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n-context.js';
import { AddPasskeyModal } from './add-passkey-modal.js';
import { FactorListCard } from './factor-list-card.js';

/** The person's passkeys: add one, name them, see when each was added and last used, remove one. */
export function PasskeysCard() {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  return (
    <FactorListCard
      kind="passkey"
      title={t('security.passkeysTitle')}
      description={t('security.passkeysText')}
      empty={() => t('security.noPasskeys')}
      removeText={t('security.removePasskeyText')}
      add={{ label: t('security.addPasskey'), onClick: () => setAdding(true) }}
      icon={<IconKey size={20} aria-hidden style={{ flexShrink: 0 }} />}
      showAdded
      canRename
    >
      <AddPasskeyModal opened={adding} onClose={() => setAdding(false)} />
    </FactorListCard>
  );
}
