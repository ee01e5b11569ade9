import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { renameFactorInput } from '../../../../../common/schemas/factors.js';
import { useRefreshMe } from '../../../api/use-factors.js';
import { useAddPasskey } from '../../../api/use-passkeys.js';
import { AppModal } from '../../../components/app-modal.js';
import { notifySuccess } from '../../../components/notify.js';
import { PasskeyAlert } from '../../../components/passkey-alert.js';
import { useZodForm } from '../../../forms/use-zod-form.js';
import { useT } from '../../../i18n/i18n-context.js';
import { BackupCodesView } from './backup-codes-view.js';

type Props = { opened: boolean; onClose: () => void };

/** Names the passkey, then lets the browser create it; the first factor shows backup codes. */
export function AddPasskeyModal({ opened, onClose }: Props) {
  const t = useT();
  const add = useAddPasskey();
  const refreshMe = useRefreshMe();
  const [codes, setCodes] = useState<string[] | null>(null);
  const form = useZodForm(renameFactorInput, { name: t('security.passkeyDefaultName') });
  const close = () => {
    add.reset();
    form.reset();
    setCodes(null);
    onClose();
  };
  // A session that could only enrol is whole once a factor is confirmed: /me is asked again.
  const finish = () => {
    close();
    void refreshMe();
  };
  const submit = form.onSubmit(({ name }) =>
    add.mutate(name, {
      onSuccess: (done) => {
        if (done.backupCodes) return setCodes(done.backupCodes);
        notifySuccess(t('security.passkeyAdded', { name: done.factor.name }));
        finish();
      },
    }),
  );
  return (
    <AppModal opened={opened} onClose={codes ? finish : close} title={t('security.addPasskeyTitle')}>
      {codes ? (
        <BackupCodesView codes={codes} intro={t('security.passkeyDone')} onSaved={finish} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <PasskeyAlert error={add.error} />
            <Text size="sm">{t('security.addPasskeyText')}</Text>
            <TextInput
              label={t('security.passkeyName')}
              description={t('security.passkeyNameHint')}
              required
              data-autofocus
              {...form.textProps('name')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={add.isPending}>
                {t('security.createPasskey')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </AppModal>
  );
}
