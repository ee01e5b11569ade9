import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { eraseUserInput } from '../../../../../common/schemas/org.js';
import { type OrgUser, useEraseUser } from '../../../api/use-users.js';
import { AppModal } from '../../../components/app-modal.js';
import { notifySuccess } from '../../../components/notify.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { useZodForm } from '../../../forms/use-zod-form.js';
import { useT } from '../../../i18n/i18n-context.js';

/** Deleting a person with their personal data: says what goes and what stays, confirmed by typing their address. */
export function EraseUserModal({ user, opened, onClose }: { user: OrgUser; opened: boolean; onClose: () => void }) {
  const t = useT();
  const name = user.name || user.email;
  const erase = useEraseUser();
  const form = useZodForm(eraseUserInput, { email: '' });
  const close = () => {
    form.reset();
    onClose();
  };
  const submit = form.onSubmit(({ email }) =>
    erase.mutate(
      { id: user.id, email },
      {
        onSuccess: ({ pseudonym }) => {
          close();
          notifySuccess(t('users.erased', { name, pseudonym }));
        },
        onError: (error) => form.showError(error),
      },
    ),
  );
  return (
    <AppModal opened={opened} onClose={close} title={t('users.eraseTitle', { name })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('users.eraseText', { name })}</Text>
          <ProblemAlert error={form.formError} />
          <TextInput
            label={t('users.eraseEmailLabel', { email: user.email })}
            required
            data-autofocus
            autoComplete="off"
            {...form.textProps('email')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={erase.isPending}>
              {t('users.eraseConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
