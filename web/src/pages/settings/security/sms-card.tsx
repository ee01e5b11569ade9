import { useState } from 'react';
import type { Factor } from '../../../../../common/schemas/factors.js';
import { useFactors } from '../../../api/use-factors.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { AddSmsModal } from './add-sms-modal.js';
import { FactorListCard } from './factor-list-card.js';

const masked = (f: Factor) => f.phone ?? f.name;

/** Codes by text message: add a number, see them masked, remove one. Shown when the server can send texts. */
export function SmsCard() {
  const { t } = useI18n();
  const factors = useFactors();
  const [adding, setAdding] = useState(false);
  const available = factors.data?.smsAvailable ?? false;
  if (factors.data && !available && !factors.data.items.some((f) => f.kind === 'sms')) return null;
  return (
    <FactorListCard
      kind="sms"
      title={t('security.smsTitle')}
      description={t('security.smsText')}
      empty={() => t('security.noSms')}
      removeText={t('security.removeText')}
      add={available ? { label: t('security.addSms'), onClick: () => setAdding(true) } : null}
      label={masked}
      labelTestId="sms-number"
    >
      <AddSmsModal opened={adding} onClose={() => setAdding(false)} />
    </FactorListCard>
  );
}
