import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { Factor } from '../../../../../common/schemas/factors.js';
import { useFactors, useRemoveFactor } from '../../../api/use-factors.js';
import { notifySuccess } from '../../../components/notify.js';
import { ErrorState, TableSkeleton } from '../../../components/states.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { SettingsCard } from '../personal/settings-card.js';
import { EnrolTotpModal } from './enrol-totp-modal.js';
import { PasswordModal } from './password-modal.js';

/** The person's authenticator apps: add one, see when each was last used, remove one. */
export function FactorsCard() {
  const { t, fmt } = useI18n();
  const factors = useFactors();
  const remove = useRemoveFactor();
  const [enrolling, setEnrolling] = useState(false);
  const [removing, setRemoving] = useState<Factor | null>(null);
  const all = factors.data?.items ?? [];
  const items = all.filter((f) => f.kind === 'totp');
  return (
    <SettingsCard title={t('security.appsTitle')} description={t('security.appsText')}>
      <Stack>
        {factors.isPending ? (
          <TableSkeleton rows={1} />
        ) : factors.error ? (
          <ErrorState error={factors.error} onRetry={() => void factors.refetch()} />
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t(all.length === 0 ? 'security.noFactors' : 'security.noApps')}
          </Text>
        ) : (
          <Table>
            <Table.Tbody>
              {items.map((factor) => (
                <Table.Tr key={factor.id}>
                  <Table.Td>
                    <Text fw={500}>{factor.name}</Text>
                    <Text size="xs" c="dimmed">
                      {factor.lastUsedAt
                        ? t('security.lastUsed', { when: fmt.dateTime(factor.lastUsedAt) })
                        : t('security.neverUsed')}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Button
                      variant="subtle"
                      color="red"
                      leftSection={<IconTrash size={16} />}
                      onClick={() => setRemoving(factor)}
                      aria-label={t('security.removeNamed', { name: factor.name })}
                    >
                      {t('security.remove')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEnrolling(true)}>
            {t('security.addApp')}
          </Button>
        </Group>
      </Stack>
      <EnrolTotpModal opened={enrolling} onClose={() => setEnrolling(false)} />
      <PasswordModal
        opened={removing !== null}
        title={t('security.removeTitle', { name: removing?.name ?? '' })}
        text={t('security.removeText')}
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
