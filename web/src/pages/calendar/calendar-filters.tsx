import { Box, Button, Chip, Collapse, Group, Paper, Select, SimpleGrid, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconFilter, IconFilterOff } from '@tabler/icons-react';
import type { EventType } from '../../../../common/schemas/reminders.js';
import { useListItems } from '../../api/use-lists.js';
import { useT } from '../../i18n/i18n-context.js';
import { UserSelect } from '../contracts/user-select.js';
import { EVENT_TYPES, TYPE_COLOR, typeLabel } from './event-style.js';
import { useAllCategories } from './use-calendar.js';
import type { FilterName } from './use-calendar-state.js';

type Props = {
  filters: Partial<Record<FilterName, string>>;
  types: EventType[];
  onFilter: (name: FilterName, value: string | null) => void;
  onTypes: (types: EventType[]) => void;
  onClear?: (() => void) | undefined;
};

export function CalendarFilters({ filters, types, onFilter, onTypes, onClear }: Props) {
  const t = useT();
  const narrow = useMediaQuery('(max-width: 36em)') ?? false;
  const [opened, { toggle }] = useDisclosure(false);
  const categories = useAllCategories();
  const orgUnits = useListItems('orgUnits');
  const clearProps = { clearable: true, clearButtonProps: { 'aria-label': t('common.clear') } };
  const categoryData = [
    {
      group: t('calendar.contractCategories'),
      items: (categories.data?.contract ?? []).map((c) => ({ value: c.id, label: c.name })),
    },
    {
      group: t('calendar.eventCategories'),
      items: (categories.data?.event ?? []).map((c) => ({ value: c.id, label: c.name })),
    },
  ].filter((group) => group.items.length > 0);
  const selected = types.length > 0 ? types : [...EVENT_TYPES];
  return (
    <Paper withBorder radius="md" p="md">
      <Button
        hiddenFrom="xs"
        variant="default"
        fullWidth
        leftSection={<IconFilter size={16} />}
        aria-expanded={opened}
        onClick={toggle}
      >
        {t('calendar.filters')}
      </Button>
      <Collapse expanded={opened || !narrow}>
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm" verticalSpacing="sm" mt={narrow ? 'sm' : 0}>
          <Select
            label={t('calendar.filterCategory')}
            placeholder={t('calendar.filterAny')}
            searchable
            {...clearProps}
            value={filters.categoryId ?? null}
            data={categoryData}
            onChange={(value) => onFilter('categoryId', value)}
          />
          <Select
            label={t('calendar.filterOrgUnit')}
            placeholder={t('calendar.filterAny')}
            searchable
            {...clearProps}
            value={filters.orgUnitId ?? null}
            data={(orgUnits.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
            onChange={(value) => onFilter('orgUnitId', value)}
          />
          <UserSelect
            label={t('calendar.filterOwner')}
            placeholder={t('calendar.filterAny')}
            value={filters.ownerId ?? null}
            onChange={(value) => onFilter('ownerId', value)}
          />
        </SimpleGrid>
        <Box mt="sm" role="group" aria-labelledby="calendar-types-label">
          <Text id="calendar-types-label" size="sm" fw={500} mb={6}>
            {t('calendar.filterTypes')}
          </Text>
          <Chip.Group multiple value={selected} onChange={(value) => onTypes(value as EventType[])}>
            <Group gap={6}>
              {EVENT_TYPES.map((type) => (
                <Chip key={type} value={type} size="xs" color={TYPE_COLOR[type]} variant="light">
                  {typeLabel(t, type)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </Box>
      </Collapse>
      {onClear && (
        <Group justify="flex-end" mt="sm">
          <Button variant="subtle" size="xs" color="gray" leftSection={<IconFilterOff size={14} />} onClick={onClear}>
            {t('calendar.clearFilters')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
