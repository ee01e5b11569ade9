import { Button, Group, Paper, Select, SimpleGrid, TextInput } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { AUDIT_ACTIONS } from '../../../../../common/schemas/audit.js';
import { allItems } from '../../../api/paging.js';
import type { AuditFilters } from '../../../api/use-audit.js';
import { useCurrentMe } from '../../../api/use-me.js';
import { useUsers } from '../../../api/use-users.js';
import { useT } from '../../../i18n/i18n-context.js';
import { actionLabel, OBJECT_TYPES, objectTypeLabel } from './audit-labels.js';
import type { FilterName } from './use-activity-filters.js';

type Props = {
  filters: AuditFilters;
  onChange: (name: FilterName, value: string | null) => void;
  onClear?: () => void;
};

export function ActivityFilters({ filters, onChange, onClear }: Props) {
  const t = useT();
  const rangeError = filters.from && filters.to && filters.from > filters.to ? t('activity.rangeError') : undefined;
  return (
    <Paper withBorder radius="md" p="md">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 5 }} spacing="sm" verticalSpacing="sm">
        <ActorFilter value={filters.actorId ?? null} onChange={(value) => onChange('actorId', value)} />
        <Select
          label={t('activity.filterAction')}
          placeholder={t('activity.any')}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          value={filters.action ?? null}
          data={AUDIT_ACTIONS.map((action) => ({ value: action, label: actionLabel(t, action) }))}
          nothingFoundMessage={t('activity.noMatch')}
          onChange={(value) => onChange('action', value)}
        />
        <Select
          label={t('activity.filterObject')}
          placeholder={t('activity.any')}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          value={filters.objectType ?? null}
          data={OBJECT_TYPES.map((type) => ({ value: type, label: objectTypeLabel(t, type) }))}
          onChange={(value) => onChange('objectType', value)}
        />
        <TextInput
          type="date"
          label={t('activity.filterFrom')}
          value={filters.from ?? ''}
          max={filters.to}
          onChange={(event) => onChange('from', event.currentTarget.value || null)}
        />
        <TextInput
          type="date"
          label={t('activity.filterTo')}
          value={filters.to ?? ''}
          min={filters.from}
          error={rangeError}
          onChange={(event) => onChange('to', event.currentTarget.value || null)}
        />
      </SimpleGrid>
      {onClear && (
        <Group justify="flex-end" mt="sm">
          <Button variant="subtle" size="xs" color="gray" leftSection={<IconFilterOff size={14} />} onClick={onClear}>
            {t('activity.clearFilters')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}

/** Only administrators can list users; others filter by event type and dates. */
function ActorFilter({ value, onChange }: { value: string | null; onChange: (value: string | null) => void }) {
  const t = useT();
  const { abilities } = useCurrentMe();
  const users = useUsers();
  const options = allItems(users.data).map((user) => ({
    value: user.id,
    label: user.name ? `${user.name} (${user.email})` : user.email,
  }));
  return (
    <Select
      label={t('activity.filterActor')}
      placeholder={abilities.manageUsers ? t('activity.anyone') : t('activity.actorUnavailable')}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      disabled={!abilities.manageUsers || users.isError}
      value={value}
      data={options}
      nothingFoundMessage={t('activity.noMatch')}
      onChange={onChange}
    />
  );
}
