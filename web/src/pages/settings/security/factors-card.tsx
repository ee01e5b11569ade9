import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n-context.js';
import { EnrolTotpModal } from './enrol-totp-modal.js';
import { FactorListCard } from './factor-list-card.js';

/** The person's authenticator apps: add one, name them, see when each was last used, remove one. */
export function FactorsCard() {
  const { t } = useI18n();
  const [enrolling, setEnrolling] = useState(false);
  return (
    <FactorListCard
      kind="totp"
      title={t('security.appsTitle')}
      description={t('security.appsText')}
      empty={(all) => t(all.length === 0 ? 'security.noFactors' : 'security.noApps')}
      removeText={t('security.removeText')}
      add={{ label: t('security.addApp'), onClick: () => setEnrolling(true) }}
      canRename
    >
      <EnrolTotpModal opened={enrolling} onClose={() => setEnrolling(false)} />
    </FactorListCard>
  );
}
