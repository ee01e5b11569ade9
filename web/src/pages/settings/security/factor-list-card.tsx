import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import type { Factor } from '../../../../../common/schemas/factors.js';
import { useFactors, useRemoveFactor } from '../../../api/use-factors.js';
import { notifySuccess } from '../../../components/notify.js';
import { ErrorState, TableSkeleton } from '../../../components/states.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { SettingsCard } from '../personal/settings-card.js';
import { PasswordModal } from './password-modal.js';
import { RenameFactorModal } from './rename-factor-modal.js';

interface Props {
  kind: Factor['kind'];
  title: string;
  description: string;
  /** What the card says with none of its kind; `all` holds the person's factors of every kind. */
  empty: (all: Factor[]) => string;
  /** What the confirmation says before one is removed. */
  removeText: string;
  /** The add button; null when this kind cannot be added here now. */
  add: { label: string; onClick: () => void } | null;
  /** How a factor is named in the list and in messages (a masked number for SMS); default its name. */
  label?: (factor: Factor) => string;
  labelTestId?: string;
  icon?: ReactNode;
  /** Whether the list says when each was added (passkeys, which a person may hold several of). */
  showAdded?: boolean;
  canRename?: boolean;
  /** The kind's own dialogs (adding one). */
  children?: ReactNode;
}

/**
 * One kind of second factor on the Security page: the person's factors of that kind as a list
 * (name, when added and last used), renamed or removed (with the password) in place, and a button
 * that adds one. The list stacks on a phone.
 */
export function FactorListCard({
  kind,
  title,
  description,
  empty,
  removeText,
  add,
  label = (f) => f.name,
  labelTestId,
  icon,
  showAdded = false,
  canRename = false,
  children,
}: Props) {
  const { t, fmt } = useI18n();
  const factors = useFactors();
  const remove = useRemoveFactor();
  const [renaming, setRenaming] = useState<Factor | null>(null);
  const [removing, setRemoving] = useState<Factor | null>(null);
  const all = factors.data?.items ?? [];
  const items = all.filter((f) => f.kind === kind);
  const used = (f: Factor) =>
    f.lastUsedAt ? t('security.lastUsed', { when: fmt.dateTime(f.lastUsedAt) }) : t('security.neverUsed');
  return (
    <SettingsCard title={title} description={description}>
      <Stack>
        {factors.isPending ? (
          <TableSkeleton rows={1} />
        ) : factors.error ? (
          <ErrorState error={factors.error} onRetry={() => void factors.refetch()} />
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {empty(all)}
          </Text>
        ) : (
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={title}>
            {items.map((factor) => (
              <Paper key={factor.id} component="li" withBorder p="sm" radius="md">
                <Group justify="space-between" gap="xs">
                  <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
                    {icon}
                    <div style={{ minWidth: 0 }}>
                      <Text fw={500} style={{ overflowWrap: 'anywhere' }} data-testid={labelTestId}>
                        {label(factor)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {showAdded ? `${t('security.added', { when: fmt.dateTime(factor.createdAt) })} · ` : ''}
                        {used(factor)}
                      </Text>
                    </div>
                  </Group>
                  <Group gap={4}>
                    {canRename && (
                      <Button
                        variant="subtle"
                        leftSection={<IconPencil size={16} />}
                        onClick={() => setRenaming(factor)}
                        aria-label={t('security.renameNamed', { name: label(factor) })}
                      >
                        {t('security.rename')}
                      </Button>
                    )}
                    <Button
                      variant="subtle"
                      color="red"
                      leftSection={<IconTrash size={16} />}
                      onClick={() => setRemoving(factor)}
                      aria-label={t('security.removeNamed', { name: label(factor) })}
                    >
                      {t('security.remove')}
                    </Button>
                  </Group>
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
        {add && (
          <Group>
            <Button leftSection={<IconPlus size={16} />} onClick={add.onClick}>
              {add.label}
            </Button>
          </Group>
        )}
      </Stack>
      {children}
      {canRename && <RenameFactorModal factor={renaming} onClose={() => setRenaming(null)} />}
      <PasswordModal
        opened={removing !== null}
        title={t('security.removeTitle', { name: removing ? label(removing) : '' })}
        text={removeText}
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
