import { Anchor, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { CONTRACT_SORTS } from '../../../../common/schemas/contracts.js';
import type { CustomField } from '../../api/use-classification.js';
import type { Contract } from '../../api/use-contracts.js';
import type { MessageKey } from '../../i18n/en.js';
import type { Formatters } from '../../i18n/format.js';
import type { Translate } from '../../i18n/translate.js';
import { formatCustomValue } from './custom-values-card.js';
import { DeadlineBadge } from './deadline-badge.js';
import { BusinessUnitName, ListItemName, PartnerName } from './names.js';
import { PhaseBadge, StatusBadge } from './status-badges.js';
import { UserName } from './user-select.js';

/** Column ids are the export's column keys, so an export can take exactly the visible columns. */
export type ColumnId = string;

export type Column = {
  id: ColumnId;
  /** A message key for built-in columns; custom fields bring their own label. */
  label: MessageKey | { text: string };
  /** The API's sort key for this column, when the API can sort by it. */
  sortKey?: string;
  /** Always shown: the row needs something to click. */
  fixed?: boolean;
  render: (contract: Contract, fmt: Formatters) => ReactNode;
};

const dimDate = (value: string | null, fmt: Formatters) => (
  <Text size="sm" c={value ? undefined : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
    {value ? fmt.date(value) : '—'}
  </Text>
);

export const BUILT_IN_COLUMNS: Column[] = [
  {
    id: 'title',
    label: 'contract.title',
    sortKey: 'title',
    fixed: true,
    render: (c) => (
      <Anchor component={Link} to={`/contracts/${c.id}`} fw={500} size="sm" className="break-anywhere">
        {c.title}
      </Anchor>
    ),
  },
  {
    id: 'contractNumber',
    label: 'contract.number',
    render: (c) => <Text size="sm">{c.contractNumber ?? '—'}</Text>,
  },
  { id: 'partner', label: 'contract.partner', render: (c) => <PartnerName id={c.partnerId} /> },
  { id: 'status', label: 'contract.status', render: (c) => <StatusBadge status={c.status} /> },
  { id: 'phase', label: 'contract.phase', render: (c) => <PhaseBadge phase={c.computed.phase} /> },
  {
    id: 'noticeDeadline',
    label: 'contract.noticeDeadline',
    sortKey: 'noticeDeadline',
    render: (c) => <DeadlineBadge deadline={c.computed.noticeDeadline} asOf={c.asOf} />,
  },
  { id: 'endsOn', label: 'contract.endsOn', sortKey: 'endsOn', render: (c, fmt) => dimDate(c.computed.endsOn, fmt) },
  {
    id: 'currentTermEnd',
    label: 'contract.currentTermEnd',
    render: (c, fmt) => dimDate(c.computed.currentTermEnd, fmt),
  },
  { id: 'owner', label: 'contract.owner', render: (c) => <UserName id={c.ownerId} /> },
  { id: 'backupOwner', label: 'contract.backupOwner', render: (c) => <UserName id={c.backupOwnerId} /> },
  { id: 'businessUnit', label: 'field.businessUnit', render: (c) => <BusinessUnitName id={c.businessUnitId} /> },
  {
    id: 'category',
    label: 'contract.category',
    render: (c) => <ListItemName kind="categories" id={c.categoryId} />,
  },
  { id: 'orgUnit', label: 'contract.orgUnit', render: (c) => <ListItemName kind="orgUnits" id={c.orgUnitId} /> },
  {
    id: 'tags',
    label: 'contract.tags',
    render: (c) => (
      <Group gap={4} wrap="wrap">
        {c.tags.map((tag) => (
          <Text key={tag} size="xs" bg="gray.1" px={6} style={{ borderRadius: 4 }}>
            {tag}
          </Text>
        ))}
      </Group>
    ),
  },
  { id: 'updatedAt', label: 'contract.updatedAt', sortKey: 'updatedAt', render: (c, fmt) => dimDate(c.updatedAt, fmt) },
];

export const DEFAULT_COLUMNS: ColumnId[] = ['title', 'contractNumber', 'partner', 'status', 'noticeDeadline', 'endsOn'];

const SORTS: readonly string[] = CONTRACT_SORTS;

/** Whether the API sorts by this key (both directions; `cf.<key>` for custom fields). */
export function sortable(sortKey: string): boolean {
  return SORTS.includes(sortKey) || sortKey.startsWith('cf.');
}

/** The next sort when a header is clicked: ascending first, then descending. */
export function nextSort(current: string, sortKey: string): string | null {
  if (!sortable(sortKey)) return null;
  return current === sortKey ? `-${sortKey}` : sortKey;
}

/** A grid column for each custom field: shown, sorted by `cf.<key>` and exported like built-in ones. */
export function customColumns(fields: CustomField[], t: Translate): Column[] {
  return fields.map((field) => ({
    id: `cf.${field.key}`,
    label: { text: field.label },
    sortKey: `cf.${field.key}`,
    render: (c, fmt) => {
      const value = c.custom[field.key];
      if (field.type === 'user') return <UserName id={typeof value === 'string' ? value : null} />;
      return <Text size="sm">{formatCustomValue(t, fmt, field, value)}</Text>;
    },
  }));
}

export function columnTitle(t: Translate, column: Column): string {
  return typeof column.label === 'string' ? t(column.label) : column.label.text;
}
