import { Group, Paper, Select, Skeleton, Stack, Text } from '@mantine/core';
import type { BusinessUnit } from '../../../api/use-business-units.js';
import { describeError } from '../../../forms/describe-error.js';
import { useT } from '../../../i18n/i18n-context.js';
import type { UnitRoleChoice } from './unit-role-select.js';

type Props = {
  units: BusinessUnit[] | undefined;
  loading: boolean;
  error: unknown;
  roles: Record<string, UnitRoleChoice>;
  onChange: (roles: Record<string, UnitRoleChoice>) => void;
};

const CHOICES: UnitRoleChoice[] = ['editor', 'viewer', 'none'];

export function InviteRoles({ units, loading, error, roles, onChange }: Props) {
  const t = useT();
  if (loading) return <Skeleton height={80} />;
  if (error || !units)
    return (
      <Text size="sm" c="red">
        {describeError(t, error).title}
      </Text>
    );
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t('users.rolesPerUnit')}
      </Text>
      <Paper withBorder radius="md" p="xs">
        <Stack gap={6}>
          {units.map((unit) => (
            <Group key={unit.id} justify="space-between" wrap="nowrap" gap="sm">
              <Text size="sm" className="break-anywhere" style={{ flex: 1, minWidth: 0 }}>
                {unit.name}
              </Text>
              <Select
                size="xs"
                w={140}
                aria-label={t('users.roleInUnit', { unit: unit.name })}
                value={roles[unit.id] ?? 'none'}
                allowDeselect={false}
                data={CHOICES.map((choice) => ({ value: choice, label: t(`role.${choice}`) }))}
                onChange={(value) => {
                  const choice = CHOICES.find((c) => c === value) ?? 'none';
                  onChange({ ...roles, [unit.id]: choice });
                }}
              />
            </Group>
          ))}
        </Stack>
      </Paper>
      <Text size="xs" c="dimmed">
        {t('users.rolesHint')}
      </Text>
    </Stack>
  );
}
