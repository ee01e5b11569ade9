import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload, IconFileText } from '@tabler/icons-react';
import type { ExportFormat } from '../../../../common/schemas/grids.js';
import { useT } from '../../i18n/i18n-context.js';

/** Download links for the current view; `href` carries the grid's filters, sort and columns. */
export function ExportMenu({ href }: { href: (format: ExportFormat) => string }) {
  const t = useT();
  return (
    <Menu position="bottom-end" shadow="md">
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} />} rightSection={<IconChevronDown size={14} />}>
          {t('contracts.export')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={href('csv')} download leftSection={<IconFileText size={16} />}>
          {t('contracts.exportCsv')}
        </Menu.Item>
        <Menu.Item component="a" href={href('xlsx')} download leftSection={<IconFileText size={16} />}>
          {t('contracts.exportXlsx')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
