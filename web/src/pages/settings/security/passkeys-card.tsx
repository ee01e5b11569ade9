import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconKey, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { Factor } from '../../../../../common/schemas/factors.js';
import { useFactors, useRemoveFactor } from '../../../api/use-factors.js';
import { notifySuccess } from '../../../components/notify.js';
import { ErrorState, TableSkeleton } from '../../../components/states.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { SettingsCard } from '../personal/settings-card.js';
import { AddPasskeyModal } from './add-passkey-modal.js';
import { PasswordModal } from './password-modal.js';
import { RenameFactorModal } from './rename-factor-modal.js';

/** The person's passkeys: add one, name them, see when each was added and last used, remove one. */
export function PasskeysCard() {
  const { t, fmt } = useI18n();
  const factors = useFactors();
  const remove = useRemoveFactor();
  const [adding, setAdding] = useState(false);
  const [renaming, setRenaming] = useState<Factor | null>(null);
  const [removing, setRemoving] = useState<Factor | null>(null);
  const items = (factors.data?.items ?? []).filter((f) => f.kind === 'passkey');
  return (
    <SettingsCard title={t('security.passkeysTitle')} description={t('security.passkeysText')}>
      <Stack>
        {factors.isPending ? (
          <TableSkeleton rows={1} />
        ) : factors.error ? (
          <ErrorState error={factors.error} onRetry={() => void factors.refetch()} />
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('security.noPasskeys')}
          </Text>
        ) : (
          <Stack
            gap="xs"
            component="ul"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('security.passkeysTitle')}
          >
            {items.map((factor) => (
              <Paper key={factor.id} component="li" withBorder p="sm" radius="md">
                <Group justify="space-between" gap="xs">
                  <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
                    <IconKey size={20} aria-hidden style={{ flexShrink: 0 }} />
                    <div style={{ minWidth: 0 }}>
                      <Text fw={500} style={{ overflowWrap: 'anywhere' }}>
                        {factor.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('security.added', { when: fmt.dateTime(factor.createdAt) })}
                        {' · '}
                        {factor.lastUsedAt
                          ? t('security.lastUsed', { when: fmt.dateTime(factor.lastUsedAt) })
                          : t('security.neverUsed')}
                      </Text>
                    </div>
                  </Group>
                  <Group gap={4}>
                    <Button
                      variant="subtle"
                      leftSection={<IconPencil size={16} />}
                      onClick={() => setRenaming(factor)}
                      aria-label={t('security.renameNamed', { name: factor.name })}
                    >
                      {t('security.rename')}
                    </Button>
                    <Button
                      variant="subtle"
                      color="red"
                      leftSection={<IconTrash size={16} />}
                      onClick={() => setRemoving(factor)}
                      aria-label={t('security.removeNamed', { name: factor.name })}
                    >
                      {t('security.remove')}
                    </Button>
                  </Group>
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
        <Group>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
            {t('security.addPasskey')}
          </Button>
        </Group>
      </Stack>
      <AddPasskeyModal opened={adding} onClose={() => setAdding(false)} />
      <RenameFactorModal factor={renaming} onClose={() => setRenaming(null)} />
      <PasswordModal
        opened={removing !== null}
        title={t('security.removeTitle', { name: removing?.name ?? '' })}
        text={t('security.removePasskeyText')}
        confirmLabel={t('security.remove')}
        danger
        loading={remove.isPending}
        onClose={() => setRemoving(null)}
        onConfirm={(password, fail) =>
          removing &&
          remove.mutate(
            { id: removing.id, password },
            {
              onSuccess: () => {
                notifySuccess(t('security.removed', { name: removing.name }));
                setRemoving(null);
              },
              onError: fail,
            },
          )
        }
      />
    </SettingsCard>
  );
}
