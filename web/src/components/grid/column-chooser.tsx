import { Button, Checkbox, Menu, Stack } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { IconColumns } from '@tabler/icons-react';
import { useT } from '../../i18n/i18n-context.js';
import { type ColumnId, columnTitle, type GridColumn } from './grid-column.js';

/** The chosen columns, kept in this browser; ids of columns that no longer exist are dropped. */
export function useColumnChoice<Row>(all: GridColumn<Row>[], storageKey: string, defaults: ColumnId[]) {
  const [stored, setStored] = useLocalStorage<ColumnId[]>({ key: storageKey, defaultValue: defaults });
  const known = new Set(all.map((column) => column.id));
  const chosen = stored.filter((id) => known.has(id));
  const toggle = (id: ColumnId) => setStored(chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id]);
  // Shown in the order they were chosen, so the grid and its export agree.
  const visible = [
    ...all.filter((column) => column.fixed),
    ...chosen.flatMap((id) => all.filter((column) => column.id === id && !column.fixed)),
  ];
  return { all, visible, chosen, toggle, set: setStored, reset: () => setStored(defaults) };
}

type Props<Row> = {
  columns: GridColumn<Row>[];
  chosen: ColumnId[];
  onToggle: (id: ColumnId) => void;
  onReset: () => void;
};

export function ColumnChooser<Row>({ columns, chosen, onToggle, onReset }: Props<Row>) {
  const t = useT();
  return (
    <Menu position="bottom-end" closeOnItemClick={false} width={260} shadow="md">
      <Menu.Target>
        <Button variant="default" leftSection={<IconColumns size={16} />}>
          {t('contracts.columns')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('contracts.columnsLabel')}</Menu.Label>
        <Stack gap={8} px="sm" py={4} mah={360} style={{ overflowY: 'auto' }}>
          {columns
            .filter((column) => !column.fixed)
            .map((column) => (
              <Checkbox
                key={column.id}
                size="sm"
                label={columnTitle(t, column)}
                checked={chosen.includes(column.id)}
                onChange={() => onToggle(column.id)}
              />
            ))}
        </Stack>
        <Menu.Divider />
        <Menu.Item onClick={onReset}>{t('contracts.columnsReset')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
