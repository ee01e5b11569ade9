import { Button, Group, PasswordInput, SimpleGrid, Stack } from '@mantine/core';
import { passwordProblem } from '../../../../../common/passwords.js';
import { changePasswordInput } from '../../../../../common/schemas/auth.js';
import { isApiError } from '../../../api/api-error.js';
import { useCurrentMe } from '../../../api/use-me.js';
import { useChangePassword } from '../../../api/use-personal.js';
import { notifySuccess } from '../../../components/notify.js';
import { PasswordRules } from '../../../components/password-rules.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { useZodForm } from '../../../forms/use-zod-form.js';
import { useT } from '../../../i18n/i18n-context.js';
import { SettingsCard } from './settings-card.js';

export function PasswordCard() {
  const t = useT();
  const { user } = useCurrentMe();
  const change = useChangePassword();
  const form = useZodForm(changePasswordInput, { currentPassword: '', newPassword: '' });
  const submit = form.onSubmit((input) => {
    if (passwordProblem(input.newPassword, user.email) === 'contains_email') {
      form.setFieldError('newPassword', 'validation.contains_email');
      return;
    }
    change.mutate(input, {
      onSuccess: () => {
        form.reset();
        notifySuccess(t('personal.passwordChanged'));
      },
      onError: (error) => {
        if (isApiError(error, 'invalid_credentials')) form.setFieldError('currentPassword', 'personal.wrongCurrent');
        else form.showError(error);
      },
    });
  });
  return (
    <SettingsCard title={t('personal.passwordTitle')} description={t('personal.passwordText')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert error={form.formError} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <PasswordInput
              label={t('field.currentPassword')}
              autoComplete="current-password"
              required
              {...form.textProps('currentPassword')}
            />
            <Stack gap={8}>
              <PasswordInput
                label={t('field.newPassword')}
                autoComplete="new-password"
                required
                {...form.textProps('newPassword')}
              />
              <PasswordRules password={form.values.newPassword} email={user.email} />
            </Stack>
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={change.isPending}>
              {t('personal.changePassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </SettingsCard>
  );
}
