import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useCustomFields } from '../../api/use-classification.js';
import type { Partner } from '../../api/use-partners.js';
import { type ColumnId, customColumns, type GridColumn } from '../../components/grid/grid-column.js';
import { countryName } from '../../i18n/display-names.js';
import type { Formatters } from '../../i18n/format.js';
import { useI18n, useT } from '../../i18n/i18n-context.js';

/** Every column sorts: its id is the partner list's sort key (PARTNER_SORTS). */
export type PartnerColumn = GridColumn<Partner>;

const plain = (value: string | number | null | undefined) => (
  <Text size="sm" c={value === null || value === undefined ? 'dimmed' : undefined}>
    {value ?? '—'}
  </Text>
);

const dimDate = (value: string, fmt: Formatters) => (
  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
    {fmt.date(value)}
  </Text>
);

function TypeCell({ partner }: { partner: Partner }) {
  const t = useT();
  return <Text size="sm">{t(`partnerType.${partner.type}`)}</Text>;
}

function CountryCell({ code }: { code: string | null | undefined }) {
  const { locale } = useI18n();
  return plain(code ? countryName(code, locale) : null);
}

/** Ids are the export's partner column keys (server/features/exports/columns.ts). */
export const PARTNER_COLUMNS: PartnerColumn[] = [
  {
    id: 'name',
    label: 'partner.name',
    fixed: true,
    sortKey: 'name',
    render: (p) => (
      <Anchor component={Link} to={`/partners/${p.id}`} size="sm" fw={500} className="break-anywhere">
        {p.name}
      </Anchor>
    ),
  },
  { id: 'type', sortKey: 'type', label: 'partner.type', render: (p) => <TypeCell partner={p} /> },
  {
    id: 'registrationNumber',
    sortKey: 'registrationNumber',
    label: 'partner.registrationNumber',
    render: (p) => plain(p.registrationNumber),
  },
  { id: 'vatId', sortKey: 'vatId', label: 'partner.vatId', render: (p) => plain(p.vatId) },
  { id: 'address.street', sortKey: 'address.street', label: 'partner.street', render: (p) => plain(p.address?.street) },
  {
    id: 'address.postalCode',
    sortKey: 'address.postalCode',
    label: 'partner.postalCode',
    render: (p) => plain(p.address?.postalCode),
  },
  { id: 'address.city', sortKey: 'address.city', label: 'partner.city', render: (p) => plain(p.address?.city) },
  {
    id: 'address.country',
    sortKey: 'address.country',
    label: 'partner.country',
    render: (p) => <CountryCell code={p.address?.country} />,
  },
  {
    id: 'contacts',
    sortKey: 'contacts',
    label: 'partner.contacts',
    // Names, as the export writes them.
    render: (p) => plain(p.contacts.length > 0 ? p.contacts.map((c) => c.name).join(', ') : null),
  },
  { id: 'contractCount', sortKey: 'contractCount', label: 'partner.contracts', render: (p) => plain(p.contractCount) },
  { id: 'createdAt', sortKey: 'createdAt', label: 'partner.createdAt', render: (p, fmt) => dimDate(p.createdAt, fmt) },
  { id: 'updatedAt', sortKey: 'updatedAt', label: 'partner.updatedAt', render: (p, fmt) => dimDate(p.updatedAt, fmt) },
];

export const DEFAULT_PARTNER_COLUMNS: ColumnId[] = ['name', 'type', 'vatId', 'address.city', 'contractCount'];

/** Built-in columns and one per partner custom field. */
export function usePartnerColumns(): PartnerColumn[] {
  const t = useT();
  const fields = useCustomFields('partner');
  return [...PARTNER_COLUMNS, ...customColumns<Partner>(fields.data ?? [], t, { sortable: true })];
}
