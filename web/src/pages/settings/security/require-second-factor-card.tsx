import { Switch } from '@mantine/core';
import { useSecuritySettings, useUpdateSecuritySettings } from '../../../api/use-factors.js';
import { useCurrentMe } from '../../../api/use-me.js';
import { notifyError, notifySuccess } from '../../../components/notify.js';
import { useT } from '../../../i18n/i18n-context.js';
import { SettingsCard } from '../personal/settings-card.js';

/** Administrators demand a second factor of every member (from each one's next sign-in). */
export function RequireSecondFactorCard() {
  const t = useT();
  const { abilities } = useCurrentMe();
  const settings = useSecuritySettings(abilities.manageSettings);
  const update = useUpdateSecuritySettings();
  if (!abilities.manageSettings || !settings.data) return null;
  return (
    <SettingsCard title={t('security.requireTitle')} description={t('security.requireText')}>
      <Switch
        label={t('security.requireLabel')}
        checked={settings.data.requireSecondFactor}
        disabled={update.isPending}
        onChange={(event) =>
          update.mutate(event.currentTarget.checked, {
            onSuccess: (s) => notifySuccess(t(s.requireSecondFactor ? 'security.requireOn' : 'security.requireOff')),
            onError: (error) => notifyError(t, error),
          })
        }
      />
    </SettingsCard>
  );
}
