import { Select, Table, Text } from '@mantine/core';
import type { BusinessUnit } from '../../../api/use-business-units.js';
import { type ScimGroup, useMapScimGroup } from '../../../api/use-scim.js';
import { notifyError, notifySuccess } from '../../../components/notify.js';
import { useT } from '../../../i18n/i18n-context.js';

type Props = { groups: ScimGroup[]; units: BusinessUnit[] };

export function ScimGroupsTable({ groups, units }: Props) {
  const t = useT();
  return (
    <Table.ScrollContainer minWidth={560} type="native">
      <Table horizontalSpacing="md" className="nowrap-head">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('scim.colGroup')}</Table.Th>
            <Table.Th>{t('scim.colMembers')}</Table.Th>
            <Table.Th>{t('scim.colGrants')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((group) => (
            <GroupRow key={group.id} group={group} units={units} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** One choice per group: not mapped, or a role in one business unit. */
function GroupRow({ group, units }: { group: ScimGroup; units: BusinessUnit[] }) {
  const t = useT();
  const map = useMapScimGroup();
  const options = [
    { value: '', label: t('scim.notMapped') },
    ...units.flatMap((unit) =>
      (['viewer', 'editor'] as const).map((role) => ({
        value: `${unit.id}:${role}`,
        label: t('scim.grant', { unit: unit.name, role: t(`role.${role}`) }),
      })),
    ),
  ];
  const value = group.businessUnitId && group.role ? `${group.businessUnitId}:${group.role}` : '';
  const change = (next: string | null) => {
    const [businessUnitId, role] = next ? next.split(':') : [];
    map.mutate(
      {
        id: group.id,
        businessUnitId: businessUnitId ?? null,
        role: role === 'viewer' || role === 'editor' ? role : null,
      },
      {
        onSuccess: () => notifySuccess(t('scim.mappedDone', { name: group.displayName })),
        onError: (error) => notifyError(t, error),
      },
    );
  };
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={600} className="break-anywhere" maw={320}>
          {group.displayName}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{group.memberCount}</Text>
      </Table.Td>
      <Table.Td>
        <Select
          aria-label={t('scim.grantFor', { name: group.displayName })}
          data={options}
          value={value}
          onChange={change}
          disabled={map.isPending}
          allowDeselect={false}
          searchable={units.length > 5}
          miw={240}
        />
      </Table.Td>
    </Table.Tr>
  );
}
