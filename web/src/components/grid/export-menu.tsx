import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload, IconFileText } from '@tabler/icons-react';
import type { ExportFormat } from '../../../../common/schemas/grids.js';
import { useI18n } from '../../i18n/i18n-context.js';
import type { Locale } from '../../i18n/translate.js';

/**
 * Download links for the current view; `href` carries the grid's filters, sort and columns, and
 * the reader's language, so a German CSV opens in German Excel (semicolons, decimal comma, dates).
 */
export function ExportMenu({ href }: { href: (format: ExportFormat, locale: Locale) => string }) {
  const { t, locale } = useI18n();
  return (
    <Menu position="bottom-end" shadow="md">
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} />} rightSection={<IconChevronDown size={14} />}>
          {t('contracts.export')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={href('csv', locale)} download leftSection={<IconFileText size={16} />}>
          {t('contracts.exportCsv')}
        </Menu.Item>
        <Menu.Item component="a" href={href('xlsx', locale)} download leftSection={<IconFileText size={16} />}>
          {t('contracts.exportXlsx')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
