import { Button, Group, Stack, Switch, Text, TextInput } from '@mantine/core';
import { z } from 'zod';
import { inviteInput } from '../../../../../common/schemas/org.js';
import { useBusinessUnits } from '../../../api/use-business-units.js';
import { useInviteUser } from '../../../api/use-users.js';
import { AppModal } from '../../../components/app-modal.js';
import { notifySuccess } from '../../../components/notify.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { useZodForm } from '../../../forms/use-zod-form.js';
import { useT } from '../../../i18n/i18n-context.js';
import { InviteRoles } from './invite-roles.js';
import type { UnitRoleChoice } from './unit-role-select.js';

// The name is optional, so an empty field means "no name" rather than a too-short one.
const inviteForm = inviteInput.extend({ name: z.string().trim().max(120) });
type Props = { opened: boolean; onClose: () => void };

export function InviteUserModal({ opened, onClose }: Props) {
  const t = useT();
  return (
    <AppModal opened={opened} onClose={onClose} title={t('users.inviteTitle')} size="lg">
      {opened && <InviteForm onDone={onClose} />}
    </AppModal>
  );
}

function InviteForm({ onDone }: { onDone: () => void }) {
  const t = useT();
  const units = useBusinessUnits();
  const invite = useInviteUser();
  const form = useZodForm(inviteForm, { email: '', name: '', isAdmin: false, roles: {} });
  const roles = (form.values.roles ?? {}) as Record<string, UnitRoleChoice>;
  const submit = form.onSubmit(({ name, ...input }) =>
    invite.mutate(
      { ...input, name: name || undefined },
      {
        onSuccess: (user) => {
          notifySuccess(t('users.invited', { email: user.email }));
          onDone();
        },
        onError: form.showError,
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('users.inviteIntro')}
        </Text>
        <ProblemAlert error={form.formError} />
        <TextInput label={t('field.email')} type="email" required data-autofocus {...form.textProps('email')} />
        <TextInput label={t('field.name')} description={t('users.nameOptional')} {...form.textProps('name')} />
        <Switch
          label={t('role.administrator')}
          description={t('users.adminHint')}
          checked={Boolean(form.values.isAdmin)}
          onChange={(event) => form.setValue('isAdmin', event.currentTarget.checked)}
        />
        {!form.values.isAdmin && (
          <InviteRoles
            units={units.data}
            loading={units.isPending}
            error={units.error}
            roles={roles}
            onChange={(next) => form.setValue('roles', next)}
          />
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={invite.isPending}>
            {t('users.sendInvitation')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
