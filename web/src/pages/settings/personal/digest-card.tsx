import { Skeleton, Switch } from '@mantine/core';
import { useReminderPreferences, useUpdateReminderPreferences } from '../../../api/use-reminders.js';
import { notifyError, notifySuccess } from '../../../components/notify.js';
import { ErrorState } from '../../../components/states.js';
import { useT } from '../../../i18n/i18n-context.js';
import { SettingsCard } from './settings-card.js';

/** Reminder mails one by one, or gathered into one mail a day. */
export function DigestCard() {
  const t = useT();
  const preferences = useReminderPreferences();
  const update = useUpdateReminderPreferences();
  return (
    <SettingsCard title={t('digest.title')} description={t('digest.text')}>
      {preferences.isPending ? (
        <Skeleton height={24} width={320} />
      ) : preferences.isError ? (
        <ErrorState error={preferences.error} onRetry={() => void preferences.refetch()} />
      ) : (
        <Switch
          label={t('digest.label')}
          description={t('digest.hint')}
          checked={update.isPending ? (update.variables?.digest ?? preferences.data.digest) : preferences.data.digest}
          disabled={update.isPending}
          onChange={(e) =>
            update.mutate(
              { digest: e.currentTarget.checked },
              {
                onSuccess: (saved) => notifySuccess(saved.digest ? t('digest.on') : t('digest.off')),
                onError: (error) => notifyError(t, error),
              },
            )
          }
        />
      )}
    </SettingsCard>
  );
}
