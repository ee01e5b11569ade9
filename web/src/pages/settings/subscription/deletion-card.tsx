import { Alert, Button, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { deletionRequestInput } from '../../../../../common/schemas/subscriptions.js';
import { isApiError } from '../../../api/api-error.js';
import { type Subscription, useDeletionRequest } from '../../../api/use-subscription.js';
import { AppModal } from '../../../components/app-modal.js';
import { notifyError, notifySuccess } from '../../../components/notify.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { useZodForm } from '../../../forms/use-zod-form.js';
import { useI18n } from '../../../i18n/i18n-context.js';

/** Delete the whole account: asked with the password and the account's name; a grace period any administrator can use to cancel. */
export function DeletionCard({ sub, orgName }: { sub: Subscription; orgName: string }) {
  const { t, fmt } = useI18n();
  const { request, cancel } = useDeletionRequest();
  const [asking, setAsking] = useState(false);
  const form = useZodForm(deletionRequestInput, { password: '', confirmName: '' });
  const close = () => {
    form.reset();
    setAsking(false);
  };
  const submit = form.onSubmit((input) =>
    request.mutate(input, {
      onSuccess: () => {
        close();
        notifySuccess(t('subscription.deletionRequested'));
      },
      onError: (error) => {
        if (isApiError(error, 'invalid_credentials')) form.setFieldError('password', 'security.wrongPassword');
        else form.showError(error);
      },
    }),
  );
  const pending = sub.deletionRequest;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="subscription-delete-title">
      <Stack gap="sm" align="flex-start">
        <Title order={2} size="h4" id="subscription-delete-title">
          {t('subscription.deleteTitle')}
        </Title>
        {pending ? (
          <>
            <Alert color="red" w="100%" data-testid="deletion-request">
              {t('subscription.deletionPending', {
                date: fmt.date(pending.dueAt),
                by: pending.requestedBy ?? '—',
              })}
            </Alert>
            <Button
              variant="default"
              loading={cancel.isPending}
              onClick={() =>
                cancel.mutate(undefined, {
                  onSuccess: () => notifySuccess(t('subscription.deletionCancelled')),
                  onError: (error) => notifyError(t, error),
                })
              }
            >
              {t('subscription.cancelDeletionRequest')}
            </Button>
          </>
        ) : (
          <>
            <Text size="sm">{t('subscription.deleteText')}</Text>
            <Button color="red" variant="light" leftSection={<IconTrash size={16} />} onClick={() => setAsking(true)}>
              {t('subscription.deleteButton')}
            </Button>
          </>
        )}
      </Stack>
      <AppModal opened={asking} onClose={close} title={t('subscription.deleteConfirmTitle')}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">{t('subscription.deleteConfirmText')}</Text>
            <ProblemAlert error={form.formError} />
            <TextInput
              label={t('subscription.deleteNameLabel', { name: orgName })}
              required
              data-autofocus
              autoComplete="off"
              {...form.textProps('confirmName')}
            />
            <PasswordInput
              label={t('field.password')}
              autoComplete="current-password"
              required
              {...form.textProps('password')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="red" loading={request.isPending}>
                {t('subscription.deleteConfirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </AppModal>
    </Paper>
  );
}
