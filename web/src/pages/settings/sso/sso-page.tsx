import { Loader, Stack } from '@mantine/core';
import { useCurrentMe } from '../../../api/use-me.js';
import { useSsoSettings } from '../../../api/use-sso.js';
import { PageHeader } from '../../../components/page-header.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { NoAccess } from '../../../components/states.js';
import { describeError } from '../../../forms/describe-error.js';
import { useT } from '../../../i18n/i18n-context.js';
import { SsoConnectionCard } from './sso-connection-card.js';
import { SsoDomainsCard } from './sso-domains-card.js';
import { SsoEnforcementCard } from './sso-enforcement-card.js';

/** Administrators: the account's identity provider, its verified domains and whether passwords still work. */
export function SsoPage() {
  const { abilities } = useCurrentMe();
  return abilities.manageSettings ? <SsoSettings /> : <NoAccess />;
}

function SsoSettings() {
  const t = useT();
  const settings = useSsoSettings();
  return (
    <Stack gap="lg" maw={820}>
      <PageHeader title={t('sso.title')} description={t('sso.description')} mb={0} />
      {settings.isError && <ProblemAlert error={describeError(t, settings.error)} />}
      {settings.isPending && <Loader />}
      {settings.data && (
        <>
          <SsoConnectionCard settings={settings.data} />
          <SsoDomainsCard domains={settings.data.domains} />
          {settings.data.connection && <SsoEnforcementCard connection={settings.data.connection} />}
        </>
      )}
    </Stack>
  );
}
