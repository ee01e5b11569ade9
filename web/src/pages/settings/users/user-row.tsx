import { Badge, Group, Stack, Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { BusinessUnit } from '../../../api/use-business-units.js';
import { useCurrentMe } from '../../../api/use-me.js';
import { type OrgUser, useSetRoles } from '../../../api/use-users.js';
import { notifyError, notifySuccess } from '../../../components/notify.js';
import { useT } from '../../../i18n/i18n-context.js';
import { type UnitRoleChoice, UnitRoleSelect } from './unit-role-select.js';
import { UserActions } from './user-actions.js';
import { UserStatusBadge } from './user-status-badge.js';

type Props = { user: OrgUser; units: BusinessUnit[] };

export function UserRow({ user, units }: Props) {
  const t = useT();
  const me = useCurrentMe();
  const setRoles = useSetRoles();
  const [pendingCell, setPendingCell] = useState<string | null>(null);

  function save(cell: string, isAdmin: boolean, roles: Record<string, UnitRoleChoice>) {
    setPendingCell(cell);
    setRoles.mutate(
      { id: user.id, isAdmin, roles },
      {
        onSuccess: () => notifySuccess(t('users.rolesSaved', { name: user.name || user.email })),
        onError: (error) => notifyError(t, error),
        onSettled: () => setPendingCell(null),
      },
    );
  }

  const currentRoles = () =>
    Object.fromEntries(units.map((unit) => [unit.id, user.roles[unit.id] ?? 'none'])) as Record<string, UnitRoleChoice>;
  const changeRole = (unitId: string, role: UnitRoleChoice) =>
    save(unitId, user.isAdmin, { ...currentRoles(), [unitId]: role });
  const changeAdmin = (isAdmin: boolean) => save('admin', isAdmin, currentRoles());

  return (
    <Table.Tr>
      <Table.Td className="sticky-col" pl="md">
        <Stack gap={2} miw={0}>
          <Group gap={6} wrap="nowrap">
            <Text size="sm" fw={600} truncate maw={200}>
              {user.name || user.email}
            </Text>
            {user.id === me.user.id && (
              <Badge size="xs" variant="outline" color="gray" miw="max-content">
                {t('users.you')}
              </Badge>
            )}
          </Group>
          <Group gap={6} wrap="nowrap">
            <UserStatusBadge status={user.status} />
            <Text size="xs" c="dimmed" truncate maw={200}>
              {user.email}
            </Text>
          </Group>
        </Stack>
      </Table.Td>
      <Table.Td>
        <Switch
          checked={user.isAdmin}
          disabled={setRoles.isPending}
          onChange={(event) => changeAdmin(event.currentTarget.checked)}
          aria-label={t('users.adminSwitch', { name: user.name || user.email })}
        />
      </Table.Td>
      {units.map((unit) => (
        <Table.Td key={unit.id}>
          <UnitRoleSelect
            unitName={unit.name}
            userName={user.name || user.email}
            isAdmin={user.isAdmin}
            value={user.roles[unit.id] ?? 'none'}
            saving={pendingCell === unit.id}
            disabled={setRoles.isPending}
            onChange={(role) => changeRole(unit.id, role)}
          />
        </Table.Td>
      ))}
      <Table.Td>
        <UserActions user={user} />
      </Table.Td>
    </Table.Tr>
  );
}
