import { Badge, Box, Button, Collapse, Group, Paper } from '@mantine/core';
import { useLocalStorage, useMediaQuery } from '@mantine/hooks';
import { IconChevronDown, IconChevronUp, IconFilter, IconFilterOff } from '@tabler/icons-react';
import { type ReactNode, useId } from 'react';
import { useT } from '../../i18n/i18n-context.js';

type Props = {
  /** The search box, always in view. */
  search: ReactNode;
  /** The filters, which fold away behind the "Filters" button. */
  children: ReactNode;
  /** How many filters (besides the search) are set: shown on the button, so folded filters are not forgotten. */
  activeCount: number;
  /** Where this browser remembers whether the filters were open (one key per grid). */
  storageKey: string;
  onClear?: (() => void) | undefined;
};

/** A grid's search and filters: one layout for every grid. Open on wide screens until folded, folded on phones. */
export function FilterPanel({ search, children, activeCount, storageKey, onClear }: Props) {
  const t = useT();
  const id = useId();
  // Mantine's `xs` (36em).
  const narrow = useMediaQuery('(max-width: 36em)') ?? false;
  const [stored, setStored] = useLocalStorage<boolean | null>({ key: storageKey, defaultValue: null });
  const opened = stored ?? !narrow;
  return (
    <Paper withBorder radius="md" p="md">
      <Group gap="sm" wrap="nowrap">
        <Box style={{ flex: 1 }}>{search}</Box>
        <Button
          variant="default"
          leftSection={<IconFilter size={16} />}
          rightSection={opened ? <IconChevronUp size={14} /> : <IconChevronDown size={14} />}
          aria-expanded={opened}
          aria-controls={id}
          title={opened ? t('contracts.hideFilters') : t('contracts.showFilters')}
          onClick={() => setStored(!opened)}
        >
          {t('contracts.filters')}
          {activeCount > 0 && (
            <Badge size="sm" circle ml={6} aria-label={t('contracts.activeFilters', { count: activeCount })}>
              {activeCount}
            </Badge>
          )}
        </Button>
      </Group>
      <Collapse expanded={opened} id={id}>
        {children}
      </Collapse>
      {onClear && (
        <Group justify="flex-end" mt="sm">
          <Button variant="subtle" size="xs" color="gray" leftSection={<IconFilterOff size={14} />} onClick={onClear}>
            {t('contracts.clearFilters')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
