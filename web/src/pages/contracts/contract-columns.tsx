import { Anchor, Badge, Group, Text, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import { useCustomFields, useRepositorySettings } from '../../api/use-classification.js';
import type { ContractRow } from '../../api/use-contracts.js';
import { type ColumnId, customColumns, type GridColumn } from '../../components/grid/grid-column.js';
import type { Formatters } from '../../i18n/format.js';
import { useI18n, useT } from '../../i18n/i18n-context.js';
import { DeadlineBadge } from './deadline-badge.js';
import { PhaseBadge, StatusBadge } from './status-badges.js';

export type { ColumnId };
/** Every column sorts: its `sortKey` is one of the API's CONTRACT_SORTS or `cf.<key>`. */
export type Column = GridColumn<ContractRow>;

const dimDate = (value: string | null, fmt: Formatters) => (
  <Text size="sm" c={value ? undefined : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
    {value ? fmt.date(value) : '—'}
  </Text>
);

/** A name the list sent with the row (no request per cell). */
const name = (value: string | null) => (
  <Text size="sm" c={value ? undefined : 'dimmed'}>
    {value ?? '—'}
  </Text>
);

function PartnerCell({ row }: { row: ContractRow }) {
  if (!row.partnerId || !row.names.partner) return name(null);
  return (
    <Anchor component={Link} to={`/partners/${row.partnerId}`} size="sm" className="break-anywhere">
      {row.names.partner}
    </Anchor>
  );
}

/**
 * When the contract ends. An auto-renewing contract without notice has no end: it shows when the
 * current term ends and that it renews then, rather than an empty cell.
 */
function EndsOnCell({ row, fmt }: { row: ContractRow; fmt: Formatters }) {
  const t = useT();
  const { endsOn, currentTermEnd, phase } = row.computed;
  const renews =
    endsOn === null && currentTermEnd !== null && row.lifecycle.type === 'auto_renewal' && phase !== 'ended';
  if (!renews) return dimDate(endsOn, fmt);
  return (
    <Group gap={6} wrap="nowrap">
      {dimDate(currentTermEnd, fmt)}
      <Tooltip label={t('contracts.renewsTitle')} multiline w={260}>
        <Badge size="sm" variant="light" color="teal" tabIndex={0}>
          {t('contracts.renews')}
        </Badge>
      </Tooltip>
    </Group>
  );
}

/** A stored billing value (revenue − cost, company currency); an open-ended total says so instead of a number. */
function ValueCell({ value }: { value: string | null }) {
  const { t, fmt } = useI18n();
  const currency = useRepositorySettings().data?.currency;
  if (value === null)
    return (
      <Text size="sm" c="dimmed" ta="right" style={{ whiteSpace: 'nowrap' }}>
        {t('billing.totalOpenEnded')}
      </Text>
    );
  return (
    <Text size="sm" ta="right" style={{ whiteSpace: 'nowrap' }}>
      {currency ? fmt.money(value, currency) : value}
    </Text>
  );
}

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
    sortKey: 'contractNumber',
    render: (c) => <Text size="sm">{c.contractNumber ?? '—'}</Text>,
  },
  { id: 'partner', label: 'contract.partner', sortKey: 'partner', render: (c) => <PartnerCell row={c} /> },
  { id: 'status', label: 'contract.status', sortKey: 'status', render: (c) => <StatusBadge status={c.status} /> },
  { id: 'phase', label: 'contract.phase', sortKey: 'phase', render: (c) => <PhaseBadge phase={c.computed.phase} /> },
  {
    id: 'noticeDeadline',
    label: 'contract.noticeDeadline',
    sortKey: 'noticeDeadline',
    render: (c) => <DeadlineBadge deadline={c.computed.noticeDeadline} asOf={c.asOf} />,
  },
  { id: 'endsOn', label: 'contract.endsOn', sortKey: 'endsOn', render: (c, fmt) => <EndsOnCell row={c} fmt={fmt} /> },
  {
    id: 'currentTermEnd',
    label: 'contract.currentTermEnd',
    sortKey: 'currentTermEnd',
    render: (c, fmt) => dimDate(c.computed.currentTermEnd, fmt),
  },
  {
    id: 'earliestEndDate',
    label: 'contract.earliestEnd',
    sortKey: 'earliestEndDate',
    render: (c, fmt) => dimDate(c.computed.earliestEndDate, fmt),
  },
  { id: 'owner', label: 'contract.owner', sortKey: 'owner', render: (c) => name(c.names.owner) },
  {
    id: 'backupOwner',
    label: 'contract.backupOwner',
    sortKey: 'backupOwner',
    render: (c) => name(c.names.backupOwner),
  },
  {
    id: 'businessUnit',
    label: 'field.businessUnit',
    sortKey: 'businessUnit',
    render: (c) => name(c.names.businessUnit),
  },
  { id: 'category', label: 'contract.category', sortKey: 'category', render: (c) => name(c.names.category) },
  { id: 'orgUnit', label: 'contract.orgUnit', sortKey: 'orgUnit', render: (c) => name(c.names.orgUnit) },
  {
    id: 'tags',
    label: 'contract.tags',
    sortKey: 'tags',
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
  { id: 'createdAt', label: 'contract.createdAt', sortKey: 'createdAt', render: (c, fmt) => dimDate(c.createdAt, fmt) },
  { id: 'updatedAt', label: 'contract.updatedAt', sortKey: 'updatedAt', render: (c, fmt) => dimDate(c.updatedAt, fmt) },
  {
    id: 'annualValue',
    label: 'contract.annualValue',
    sortKey: 'annualValue',
    render: (c) => <ValueCell value={c.billing.annualValue} />,
  },
  {
    id: 'totalValue',
    label: 'contract.totalValue',
    sortKey: 'totalValue',
    render: (c) => <ValueCell value={c.billing.totalValue} />,
  },
];

export const DEFAULT_COLUMNS: ColumnId[] = ['title', 'contractNumber', 'partner', 'status', 'noticeDeadline', 'endsOn'];

/** Built-in columns and one per contract custom field (the contract list sorts by those too). */
export function useContractColumns(): Column[] {
  const t = useT();
  const fields = useCustomFields('contract');
  return [...BUILT_IN_COLUMNS, ...customColumns<ContractRow>(fields.data ?? [], t, { sortable: true })];
}
