import { Alert, Button, Code, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconKey, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useCreateScimToken, useRevokeScimToken, useScimSettings } from '../../../api/use-scim.js';
import { AppModal } from '../../../components/app-modal.js';
import { ConfirmModal } from '../../../components/confirm-modal.js';
import { CopyValueButton } from '../../../components/copy-value-button.js';
import { notifyError, notifySuccess } from '../../../components/notify.js';
import { ErrorState } from '../../../components/states.js';
import { useI18n } from '../../../i18n/i18n-context.js';

type Confirming = 'rotate' | 'revoke' | null;

export function ScimTokenCard() {
  const { t, fmt } = useI18n();
  const settings = useScimSettings();
  const create = useCreateScimToken();
  const revoke = useRevokeScimToken();
  const [secret, setSecret] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Confirming>(null);
  if (settings.isPending) return <Skeleton h={180} radius="md" />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  const { baseUrl, token } = settings.data;
  const issue = () =>
    create.mutate(undefined, {
      onSuccess: (created) => {
        setConfirming(null);
        setSecret(created.secret);
      },
      onError: (error) => notifyError(t, error),
    });
  const revokeNow = () =>
    revoke.mutate(undefined, {
      onSuccess: () => {
        setConfirming(null);
        notifySuccess(t('scim.revokedDone'));
      },
      onError: (error) => notifyError(t, error),
    });
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="scim-connection-title">
      <Stack gap="md">
        <Title order={2} size="h4" id="scim-connection-title">
          {t('scim.connectionTitle')}
        </Title>
        <Stack gap={6}>
          <Text size="sm" fw={500} id="scim-base-url-label">
            {t('scim.baseUrl')}
          </Text>
          <Group gap="sm" wrap="wrap">
            <Code aria-labelledby="scim-base-url-label" className="break-anywhere" fz="sm" p="xs">
              {baseUrl}
            </Code>
            <CopyValueButton value={baseUrl} label={t('scim.copyUrl')} />
          </Group>
        </Stack>
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            {t('scim.token')}
          </Text>
          {token ? (
            <Text size="sm">
              {t('scim.tokenCreated', { date: fmt.dateTime(token.createdAt), name: token.createdBy ?? '—' })}
              {' · '}
              {token.lastUsedAt
                ? t('scim.tokenLastUsed', { date: fmt.dateTime(token.lastUsedAt) })
                : t('scim.tokenNeverUsed')}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              {t('scim.noToken')}
            </Text>
          )}
        </Stack>
        <Group gap="sm">
          {token ? (
            <>
              <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={() => setConfirming('rotate')}>
                {t('scim.rotate')}
              </Button>
              <Button
                variant="default"
                color="red"
                leftSection={<IconTrash size={16} />}
                onClick={() => setConfirming('revoke')}
              >
                {t('scim.revoke')}
              </Button>
            </>
          ) : (
            <Button leftSection={<IconKey size={16} />} loading={create.isPending} onClick={issue}>
              {t('scim.create')}
            </Button>
          )}
        </Group>
      </Stack>
      <ConfirmModal
        opened={confirming === 'rotate'}
        title={t('scim.rotateTitle')}
        confirmLabel={t('scim.rotate')}
        loading={create.isPending}
        onConfirm={issue}
        onClose={() => setConfirming(null)}
      >
        <Text size="sm">{t('scim.rotateText')}</Text>
      </ConfirmModal>
      <ConfirmModal
        opened={confirming === 'revoke'}
        title={t('scim.revokeTitle')}
        confirmLabel={t('scim.revoke')}
        loading={revoke.isPending}
        onConfirm={revokeNow}
        onClose={() => setConfirming(null)}
      >
        <Text size="sm">{t('scim.revokeText')}</Text>
      </ConfirmModal>
      <AppModal
        opened={secret !== null}
        onClose={() => setSecret(null)}
        size="lg"
        closeOnClickOutside={false}
        title={t('scim.createdTitle')}
      >
        {secret && <ShownOnce secret={secret} onDone={() => setSecret(null)} />}
      </AppModal>
    </Paper>
  );
}

/** The secret exists only in this answer; the server keeps a hash. */
function ShownOnce({ secret, onDone }: { secret: string; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <Stack>
      <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title={t('scim.onceTitle')}>
        {t('scim.onceText')}
      </Alert>
      <Stack gap={6}>
        <Text size="sm" fw={500} id="scim-token-label">
          {t('scim.token')}
        </Text>
        <Code
          block
          aria-labelledby="scim-token-label"
          className="break-anywhere"
          fz="sm"
          p="md"
          style={{ whiteSpace: 'pre-wrap' }}
        >
          {secret}
        </Code>
      </Stack>
      <Group justify="space-between">
        <CopyValueButton value={secret} label={t('scim.copyToken')} primary />
        <Button variant="default" onClick={onDone}>
          {t('scim.done')}
        </Button>
      </Group>
    </Stack>
  );
}
