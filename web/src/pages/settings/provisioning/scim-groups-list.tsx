import { Group, Select, Stack, Text } from '@mantine/core';
import type { BusinessUnit } from '../../../api/use-business-units.js';
import { type ScimGroup, useMapScimGroup } from '../../../api/use-scim.js';
import { notifyError, notifySuccess } from '../../../components/notify.js';
import { useT } from '../../../i18n/i18n-context.js';

type Props = { groups: ScimGroup[]; units: BusinessUnit[] };

/** One row per group, its choice beside it on wide screens and below it on narrow ones. */
export function ScimGroupsList({ groups, units }: Props) {
  return (
    <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {groups.map((group, i) => (
        <GroupRow key={group.id} group={group} units={units} first={i === 0} />
      ))}
    </Stack>
  );
}

/** One choice per group: not mapped, or a role in one business unit. */
function GroupRow({ group, units, first }: { group: ScimGroup; units: BusinessUnit[]; first: boolean }) {
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
    <Group
      component="li"
      justify="space-between"
      wrap="wrap"
      gap="sm"
      px="md"
      py="sm"
      style={first ? undefined : { borderTop: '1px solid var(--mantine-color-default-border)' }}
    >
      <Stack gap={2} miw={0} style={{ flex: '1 1 220px' }}>
        <Text size="sm" fw={600} className="break-anywhere">
          {group.displayName}
        </Text>
        <Text size="xs" c="dimmed">
          {t('scim.memberCount', { count: group.memberCount })}
        </Text>
      </Stack>
      <Select
        aria-label={t('scim.grantFor', { name: group.displayName })}
        data={options}
        value={value}
        onChange={change}
        disabled={map.isPending}
        allowDeselect={false}
        searchable={units.length > 5}
        style={{ flex: '1 1 240px' }}
        maw={360}
      />
    </Group>
  );
}
