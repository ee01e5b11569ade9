import { Stack } from '@mantine/core';
import { PageHeader } from '../../../components/page-header.js';
import { useT } from '../../../i18n/i18n-context.js';
import { BackupCodesCard } from './backup-codes-card.js';
import { FactorsCard } from './factors-card.js';
import { PasskeysCard } from './passkeys-card.js';
import { RequireSecondFactorCard } from './require-second-factor-card.js';
import { SmsCard } from './sms-card.js';

/** Two-factor sign-in: the person's authenticator apps, passkeys, text message numbers and backup codes; for administrators, the account's rule. */
export function SecurityPage() {
  const t = useT();
  return (
    <Stack gap="lg" maw={760}>
      <PageHeader title={t('security.title')} description={t('security.description')} mb={0} />
      <FactorsCard />
      <PasskeysCard />
      <SmsCard />
      <BackupCodesCard />
      <RequireSecondFactorCard />
    </Stack>
  );
}
