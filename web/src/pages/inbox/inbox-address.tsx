import { Alert, Button, Code, Group, Paper, Stack, Text } from '@mantine/core';
import { IconMailOff, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { meCan } from '../../api/abilities.js';
import { type InboxAddress, useInboxAddress, useRegenerateInboxAddress } from '../../api/use-inbox.js';
import { useCurrentMe } from '../../api/use-me.js';
import { ConfirmModal } from '../../components/confirm-modal.js';
import { CopyValueButton } from '../../components/copy-value-button.js';
import { notifyError, notifySuccess } from '../../components/notify.js';
import { ErrorState, TableSkeleton } from '../../components/states.js';
import { useI18n, useT } from '../../i18n/i18n-context.js';

/** The address in a line: what to mail documents to, and a button to copy it; centred under an empty state. */
export function InboxAddressLine({ address, centred = false }: { address: string; centred?: boolean }) {
  const t = useT();
  return (
    <Group gap="sm" wrap="wrap" justify={centred ? 'center' : 'flex-start'}>
      <Text size="sm" c="dimmed">
        {t('inbox.address.mailTo')}
      </Text>
      <Code fz="sm" className="break-anywhere" data-testid="inbox-address">
        {address}
      </Code>
      <CopyValueButton value={address} label={t('inbox.address.copy')} />
    </Group>
  );
}

/** Settings → Contract inbox: the secret address, to copy, and for administrators to replace. */
export function InboxAddressCard() {
  const t = useT();
  const address = useInboxAddress();
  return (
    <Paper
      withBorder
      radius="lg"
      p={{ base: 'md', sm: 'lg' }}
      maw={720}
      component="section"
      aria-labelledby="inbox-address-title"
    >
      <Stack gap="sm">
        <Text fw={600} id="inbox-address-title">
          {t('inbox.address.title')}
        </Text>
        {address.isPending ? (
          <TableSkeleton rows={1} />
        ) : address.isError ? (
          <ErrorState error={address.error} onRetry={() => void address.refetch()} />
        ) : (
          <AddressDetails address={address.data} />
        )}
      </Stack>
    </Paper>
  );
}

function AddressDetails({ address }: { address: InboxAddress }) {
  const { t, fmt } = useI18n();
  const me = useCurrentMe();
  const [confirming, setConfirming] = useState(false);
  const regenerate = useRegenerateInboxAddress();
  if (address.address === null) {
    return (
      <Alert color="gray" variant="light" icon={<IconMailOff size={18} />} title={t('inbox.address.none')}>
        {t('inbox.address.noneText')}
      </Alert>
    );
  }
  const run = () =>
    regenerate.mutate(undefined, {
      onSuccess: () => {
        setConfirming(false);
        notifySuccess(t('inbox.address.regenerated'));
      },
      onError: (error) => notifyError(t, error),
    });
  return (
    <>
      <Text size="sm" c="dimmed">
        {t('inbox.address.intro')}
      </Text>
      {/* Wrapped, never scrolled: a scrolling block would need its own keyboard access. */}
      <Code block fz="sm" className="break-anywhere" style={{ whiteSpace: 'pre-wrap' }} data-testid="inbox-address">
        {address.address}
      </Code>
      <Text size="xs" c="dimmed">
        {t('inbox.address.since', { date: fmt.dateTime(address.createdAt) })}
      </Text>
      <Group gap="sm">
        <CopyValueButton value={address.address} label={t('inbox.address.copy')} />
        {/* Administrators only, as the server decides; manageSettings is the administrators' ability. */}
        {meCan(me, 'manageSettings') && (
          <Button
            variant="default"
            color="red"
            leftSection={<IconRefresh size={16} />}
            onClick={() => setConfirming(true)}
          >
            {t('inbox.address.regenerate')}
          </Button>
        )}
      </Group>
      <ConfirmModal
        opened={confirming}
        title={t('inbox.address.regenerateTitle')}
        confirmLabel={t('inbox.address.regenerate')}
        loading={regenerate.isPending}
        onConfirm={run}
        onClose={() => setConfirming(false)}
      >
        <Text size="sm">{t('inbox.address.regenerateText')}</Text>
      </ConfirmModal>
    </>
  );
}
