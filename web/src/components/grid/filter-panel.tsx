import { Box, Button, Collapse, Group, Paper } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconFilter, IconFilterOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n-context.js';

type Props = {
  /** The search box, always in view. */
  search: ReactNode;
  /** The filters, folded away on narrow screens until asked for. */
  children: ReactNode;
  onClear?: (() => void) | undefined;
};

/** A grid's search and filters: one layout for every grid. */
export function FilterPanel({ search, children, onClear }: Props) {
  const t = useT();
  // Mantine's `xs` (36em): the button shows exactly when the filters fold.
  const narrow = useMediaQuery('(max-width: 36em)') ?? false;
  const [opened, { toggle }] = useDisclosure(false);
  return (
    <Paper withBorder radius="md" p="md">
      <Group gap="sm" wrap="nowrap">
        <Box style={{ flex: 1 }}>{search}</Box>
        <Button
          hiddenFrom="xs"
          variant="default"
          leftSection={<IconFilter size={16} />}
          aria-expanded={opened}
          onClick={toggle}
        >
          {t('contracts.filters')}
        </Button>
      </Group>
      <Collapse expanded={opened || !narrow}>{children}</Collapse>
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
