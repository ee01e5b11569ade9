import { Anchor, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useCustomFields } from '../../api/use-classification.js';
import type { Contract } from '../../api/use-contracts.js';
import { type ColumnId, customColumns, type GridColumn } from '../../components/grid/grid-column.js';
import type { Formatters } from '../../i18n/format.js';
import { useT } from '../../i18n/i18n-context.js';
import { DeadlineBadge } from './deadline-badge.js';
import { BusinessUnitName, ListItemName, PartnerName } from './names.js';
import { PhaseBadge, StatusBadge } from './status-badges.js';
import { UserName } from './user-select.js';

export type { ColumnId };
/** A `sortKey` is set only for the API's sorts (CONTRACT_SORTS and `cf.<key>`). */
export type Column = GridColumn<Contract>;

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

/** Built-in columns and one per contract custom field (the contract list sorts by those too). */
export function useContractColumns(): Column[] {
  const t = useT();
  const fields = useCustomFields('contract');
  return [...BUILT_IN_COLUMNS, ...customColumns<Contract>(fields.data ?? [], t, { sortable: true })];
}
