import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { passwordCheckInput } from '../../../../../common/schemas/factors.js';
import { isApiError } from '../../../api/api-error.js';
import { AppModal } from '../../../components/app-modal.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { useZodForm } from '../../../forms/use-zod-form.js';
import { useT } from '../../../i18n/i18n-context.js';

type Props = {
  opened: boolean;
  title: string;
  text: string;
  confirmLabel: string;
  danger?: boolean;
  loading: boolean;
  /** Calls back with the password; `fail` shows the server's refusal in the form. */
  onConfirm: (password: string, fail: (error: unknown) => void) => void;
  onClose: () => void;
  children?: ReactNode;
};

/** Security changes ask for the password again. */
export function PasswordModal({
  opened,
  title,
  text,
  confirmLabel,
  danger,
  loading,
  onConfirm,
  onClose,
  children,
}: Props) {
  const t = useT();
  const form = useZodForm(passwordCheckInput, { password: '' });
  const close = () => {
    form.reset();
    onClose();
  };
  const submit = form.onSubmit(({ password }) =>
    onConfirm(password, (error) => {
      if (isApiError(error, 'invalid_credentials')) form.setFieldError('password', 'security.wrongPassword');
      else form.showError(error);
    }),
  );
  return (
    <AppModal opened={opened} onClose={close} title={title}>
      {children ?? (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">{text}</Text>
            <ProblemAlert error={form.formError} />
            <PasswordInput
              label={t('field.password')}
              autoComplete="current-password"
              required
              data-autofocus
              {...form.textProps('password')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color={danger ? 'red' : undefined} loading={loading}>
                {confirmLabel}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </AppModal>
  );
}
