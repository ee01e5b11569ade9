import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CustomField } from '../../api/use-classification.js';
import type { MessageKey } from '../../i18n/en.js';
import type { Formatters } from '../../i18n/format.js';
import type { Translate } from '../../i18n/translate.js';
import { formatCustomValue } from '../../pages/contracts/custom-values-card.js';
import { UserName } from '../../pages/contracts/user-select.js';

/** Column ids are the export's column keys, so an export can take exactly the visible columns. */
export type ColumnId = string;

export type GridColumn<Row> = {
  id: ColumnId;
  /** A message key for built-in columns; custom fields bring their own label. */
  label: MessageKey | { text: string };
  /** The API's sort key for this column; only set when the API can sort by it. */
  sortKey?: string;
  /** Always shown: the row needs something to click. */
  fixed?: boolean;
  render: (row: Row, fmt: Formatters) => ReactNode;
};

export function columnTitle<Row>(t: Translate, column: GridColumn<Row>): string {
  return typeof column.label === 'string' ? t(column.label) : column.label.text;
}

/**
 * A grid column for each custom field, shown and exported like built-in ones; sorted by
 * `cf.<key>` only where the entity's list API sorts by custom fields.
 */
export function customColumns<Row extends { custom: Record<string, unknown> }>(
  fields: CustomField[],
  t: Translate,
  { sortable }: { sortable: boolean },
): GridColumn<Row>[] {
  return fields.map((field) => ({
    id: `cf.${field.key}`,
    label: { text: field.label },
    ...(sortable ? { sortKey: `cf.${field.key}` } : {}),
    render: (row, fmt) => {
      const value = row.custom[field.key];
      if (field.type === 'user') return <UserName id={typeof value === 'string' ? value : null} />;
      return <Text size="sm">{formatCustomValue(t, fmt, field, value)}</Text>;
    },
  }));
}
