import { Alert, Anchor } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useCurrentMe } from '../api/use-me.js';
import { useAccountAccess } from '../api/use-subscription.js';
import { useI18n } from '../i18n/i18n-context.js';

/** On every page while the account is read-only: why, since when and until when its data is kept. */
export function ReadOnlyBanner() {
  const { t, fmt } = useI18n();
  const { abilities } = useCurrentMe();
  const { data } = useAccountAccess();
  if (!data?.readOnly || !data.readOnlySince || !data.dataKeptUntil) return null;
  return (
    <Alert color="orange" icon={<IconLock size={18} />} title={t('readOnly.title')} mb="lg" role="status">
      {t('readOnly.text', { since: fmt.date(data.readOnlySince), until: fmt.date(data.dataKeptUntil) })}
      {abilities.manageSettings && (
        <>
          {' '}
          <Anchor component={Link} to="/settings/subscription">
            {t('readOnly.adminHint')}
          </Anchor>
        </>
      )}
    </Alert>
  );
}
