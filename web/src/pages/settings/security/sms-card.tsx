import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { Factor } from '../../../../../common/schemas/factors.js';
import { useFactors, useRemoveFactor } from '../../../api/use-factors.js';
import { notifySuccess } from '../../../components/notify.js';
import { ErrorState, TableSkeleton } from '../../../components/states.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { SettingsCard } from '../personal/settings-card.js';
import { AddSmsModal } from './add-sms-modal.js';
import { PasswordModal } from './password-modal.js';

/** Codes by text message: add a number, see them masked, remove one. Shown when the server can send texts. */
export function SmsCard() {
  const { t, fmt } = useI18n();
  const factors = useFactors();
  const remove = useRemoveFactor();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Factor | null>(null);
  const items = (factors.data?.items ?? []).filter((f) => f.kind === 'sms');
  if (factors.data && !factors.data.smsAvailable && items.length === 0) return null;
  const label = (f: Factor) => f.phone ?? f.name;
  return (
    <SettingsCard title={t('security.smsTitle')} description={t('security.smsText')}>
      <Stack>
        {factors.isPending ? (
          <TableSkeleton rows={1} />
        ) : factors.error ? (
          <ErrorState error={factors.error} onRetry={() => void factors.refetch()} />
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('security.noSms')}
          </Text>
        ) : (
          <Table>
            <Table.Tbody>
              {items.map((factor) => (
                <Table.Tr key={factor.id}>
                  <Table.Td>
                    <Text fw={500} data-testid="sms-number">
                      {label(factor)}
                    </Text>
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
                      aria-label={t('security.removeNamed', { name: label(factor) })}
                    >
                      {t('security.remove')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {factors.data?.smsAvailable && (
          <Group>
            <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
              {t('security.addSms')}
            </Button>
          </Group>
        )}
      </Stack>
      <AddSmsModal opened={adding} onClose={() => setAdding(false)} />
      <PasswordModal
        opened={removing !== null}
        title={t('security.removeTitle', { name: removing ? label(removing) : '' })}
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
                notifySuccess(t('security.removed', { name: label(removing) }));
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
