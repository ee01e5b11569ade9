import { Button, MultiSelect, Stack, Switch } from '@mantine/core';
import { useState } from 'react';
import type { SsoConnection } from '../../../../../common/schemas/sso.js';
import { isApiError } from '../../../api/api-error.js';
import { useSsoEnforcement } from '../../../api/use-sso.js';
import { useUsers } from '../../../api/use-users.js';
import { notifySuccess } from '../../../components/notify.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { describeError } from '../../../forms/describe-error.js';
import { fieldProblemMessage } from '../../../forms/issue-message.js';
import { withDetails } from '../../../forms/use-zod-form.js';
import { useT } from '../../../i18n/i18n-context.js';
import { SettingsCard } from '../personal/settings-card.js';

/** Password sign-in off for every member, except the break-glass administrators named here. */
export function SsoEnforcementCard({ connection }: { connection: SsoConnection }) {
  const t = useT();
  const users = useUsers();
  const update = useSsoEnforcement();
  const [enforced, setEnforced] = useState(connection.enforced);
  const [breakGlass, setBreakGlass] = useState<string[]>(connection.breakGlassUserIds);
  const admins = (users.data?.pages.flatMap((p) => p.items) ?? []).filter((u) => u.isAdmin && u.status === 'active');
  const options = admins.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }));
  return (
    <SettingsCard title={t('sso.enforceTitle')} description={t('sso.enforceText')}>
      <Stack>
        {update.isError && (
          <ProblemAlert
            error={withDetails(
              describeError(t, update.error),
              // Which break-glass administrator cannot be one, and why (no second factor, not an administrator).
              (isApiError(update.error) ? update.error.fieldErrors : []).map((f) => fieldProblemMessage(t, f)),
            )}
          />
        )}
        <Switch
          label={t('sso.enforce')}
          checked={enforced}
          onChange={(event) => setEnforced(event.currentTarget.checked)}
        />
        <MultiSelect
          label={t('sso.breakGlass')}
          description={t('sso.breakGlassHint')}
          data={options}
          value={breakGlass}
          onChange={setBreakGlass}
          searchable
        />
        <Button
          w="fit-content"
          loading={update.isPending}
          onClick={() =>
            update.mutate(
              { enforced, breakGlassUserIds: breakGlass },
              { onSuccess: () => notifySuccess(t('sso.enforcementSaved')) },
            )
          }
        >
          {t('sso.saveEnforcement')}
        </Button>
      </Stack>
    </SettingsCard>
  );
}
