import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { meCan } from '../../../api/abilities.js';
import { useCurrentMe } from '../../../api/use-me.js';
import { PageHeader } from '../../../components/page-header.js';
import { NoAccess } from '../../../components/states.js';
import { useT } from '../../../i18n/i18n-context.js';
import { InboxAddressCard } from '../../inbox/inbox-address.js';

/** Settings → Contract inbox: the address documents are mailed to; administrators may replace it. */
export function InboxSettingsPage() {
  const t = useT();
  const me = useCurrentMe();
  if (!meCan(me, 'createContracts')) return <NoAccess />;
  return (
    <Stack gap="md">
      <PageHeader title={t('inbox.settingsTitle')} description={t('inbox.settingsDescription')} mb="xs" />
      <InboxAddressCard />
      {meCan(me, 'manageSettings') && (
        <Text size="sm" c="dimmed" maw={720}>
          {t('inbox.settingsAttachmentHint')}{' '}
          <Anchor component={Link} to="/settings/repository" size="sm" underline="always">
            {t('inbox.openRepository')}
          </Anchor>
        </Text>
      )}
    </Stack>
  );
}
