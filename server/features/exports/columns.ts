import type { FieldDefinition } from '../../../common/custom-fields.js';
import { MONEY_AMOUNT } from '../../../common/custom-fields.js';
import type { GridEntity } from '../../../common/schemas/vocabulary.js';
import { AppError } from '../../platform/errors.js';
import type { NameKind } from './grid-lookups.repo.js';
import type { WordKind } from './labels.js';

/** One cell as the writers see it: dates and exact amounts keep their type for Excel. */
export type Cell =
  | string
  | number
  | boolean
  | null
  | { date: string }
  | { amount: string; currency: string; exact: boolean };

/** A record plus the display names its ids resolve to (filled per page) and codes as words in the reader's language. */
export interface RowContext {
  record: Record<string, unknown>;
  names: (kind: NameKind, id: unknown) => string | null;
  word: (kind: WordKind, code: unknown) => string | null;
}

export interface Column {
  key: string;
  label: string;
  /** Which ids of the record need a display name, so a page can fetch them at once. */
  refs?: { kind: NameKind; id: (r: Record<string, unknown>) => unknown };
  value: (row: RowContext) => Cell;
}

const get = (obj: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : null), obj);

const text = (v: unknown): Cell => (v === null || v === undefined || v === '' ? null : String(v));
const date = (v: unknown): Cell => (typeof v === 'string' && v ? { date: v.slice(0, 10) } : null);

const field = (key: string, label: string, path = key, as: (v: unknown) => Cell = text): Column => ({
  key,
  label,
  value: ({ record }) => as(get(record, path)),
});

/** A code (status, phase, type) written as a word, as the app shows it. */
const coded = (key: string, label: string, kind: WordKind, path = key): Column => ({
  key,
  label,
  value: ({ record, word }) => word(kind, get(record, path)),
});

const ref = (key: string, label: string, kind: NameKind, idField: string): Column => ({
  key,
  label,
  refs: { kind, id: (r) => r[idField] },
  value: ({ record, names }) => names(kind, record[idField]),
});

const CONTRACT_COLUMNS: Column[] = [
  field('id', 'ID'),
  field('contractNumber', 'Contract number'),
  field('title', 'Title'),
  coded('status', 'Status', 'status'),
  ref('partner', 'Partner', 'partner', 'partnerId'),
  ref('category', 'Category', 'category', 'categoryId'),
  ref('orgUnit', 'Organizational unit', 'orgUnit', 'orgUnitId'),
  ref('businessUnit', 'Business unit', 'businessUnit', 'businessUnitId'),
  ref('owner', 'Owner', 'user', 'ownerId'),
  ref('backupOwner', 'Backup owner', 'user', 'backupOwnerId'),
  field('description', 'Description'),
  { key: 'tags', label: 'Tags', value: ({ record }) => text((record.tags as string[] | undefined)?.join(', ')) },
  coded('lifecycle.type', 'Contract type', 'contractType'),
  field('lifecycle.startDate', 'Start date', 'lifecycle.startDate', date),
  field('lifecycle.endDate', 'End date', 'lifecycle.endDate', date),
  field('lifecycle.initialTerm', 'Initial term'),
  field('lifecycle.renewalTerm', 'Renewal term'),
  field('lifecycle.noticePeriod', 'Notice period'),
  field('lifecycle.noticeAlignment', 'Notice alignment'),
  field('lifecycle.maxRenewals', 'Maximum renewals', 'lifecycle.maxRenewals', (v) =>
    typeof v === 'number' ? v : null,
  ),
  field('lifecycle.noticeGivenOn', 'Notice given on', 'lifecycle.noticeGivenOn', date),
  field('noticeDeadline', 'Notice deadline', 'computed.noticeDeadline', date),
  field('endsOn', 'Ends on', 'computed.endsOn', date),
  field('earliestEndDate', 'Earliest end', 'computed.earliestEndDate', date),
  field('currentTermEnd', 'Current term ends', 'computed.currentTermEnd', date),
  field('renewalCount', 'Renewals so far', 'computed.renewalCount', (v) => (typeof v === 'number' ? v : null)),
  coded('phase', 'Phase', 'phase', 'computed.phase'),
  field('annualValue', 'Annual value', 'annualValue', companyMoney),
  field('annualCost', 'Annual cost', 'annualCost', companyMoney),
  field('annualRevenue', 'Annual revenue', 'annualRevenue', companyMoney),
  field('totalValue', 'Total value', 'totalValue', companyMoney),
  field('totalCost', 'Total cost', 'totalCost', companyMoney),
  field('totalRevenue', 'Total revenue', 'totalRevenue', companyMoney),
  field('createdAt', 'Created', 'createdAt', date),
  field('updatedAt', 'Updated', 'updatedAt', date),
];

const PARTNER_COLUMNS: Column[] = [
  field('id', 'ID'),
  field('name', 'Name'),
  coded('type', 'Type', 'partnerType'),
  field('registrationNumber', 'Registration number'),
  field('vatId', 'VAT ID'),
  field('address.street', 'Street'),
  field('address.postalCode', 'Postal code'),
  field('address.city', 'City'),
  field('address.country', 'Country'),
  {
    key: 'contacts',
    label: 'Contacts',
    value: ({ record }) => text((record.contacts as { name: string }[] | undefined)?.map((c) => c.name).join(', ')),
  },
  field('contractCount', 'Contracts', 'contractCount', (v) => (typeof v === 'number' ? v : null)),
  field('createdAt', 'Created', 'createdAt', date),
  field('updatedAt', 'Updated', 'updatedAt', date),
];

export const DEFAULT_COLUMNS: Record<GridEntity, string[]> = {
  contract: [
    'contractNumber',
    'title',
    'status',
    'partner',
    'category',
    'businessUnit',
    'owner',
    'lifecycle.startDate',
    'endsOn',
    'noticeDeadline',
  ],
  partner: ['name', 'type', 'vatId', 'address.city', 'address.country'],
};

/** Money is a number in Excel only when the double holds the decimal exactly. */
function money(v: unknown): Cell {
  const m = v as { amount?: unknown; currency?: unknown } | null;
  if (!m || typeof m.amount !== 'string' || !MONEY_AMOUNT.test(m.amount)) return null;
  const [whole, fraction = ''] = m.amount.split('.');
  const exact =
    Math.abs(Number(m.amount)) < 2 ** 53 / 100 && Number(m.amount).toFixed(2) === `${whole}.${fraction.padEnd(2, '0')}`;
  return { amount: m.amount, currency: String(m.currency ?? ''), exact };
}

/** A billing value, always in the company currency; an open-ended total stays empty. */
function companyMoney(v: unknown): Cell {
  return typeof v === 'string' ? money({ amount: v, currency: '' }) : null;
}

function customColumn(def: FieldDefinition): Column {
  const raw = (record: Record<string, unknown>) => (record.custom as Record<string, unknown> | undefined)?.[def.key];
  const base = { key: `cf.${def.key}`, label: def.label };
  switch (def.type) {
    case 'number':
      return { ...base, value: ({ record }) => (typeof raw(record) === 'number' ? (raw(record) as number) : null) };
    case 'money':
      return { ...base, value: ({ record }) => money(raw(record)) };
    case 'date':
      return { ...base, value: ({ record }) => date(raw(record)) };
    case 'checkbox':
      return {
        ...base,
        value: ({ record, word }) => (typeof raw(record) === 'boolean' ? word('boolean', raw(record)) : null),
      };
    case 'multi_select':
      return { ...base, value: ({ record }) => text((raw(record) as string[] | undefined)?.join('; ')) };
    case 'user':
      return {
        ...base,
        refs: { kind: 'user', id: (r) => raw(r) },
        value: ({ record, names }) => names('user', raw(record)),
      };
    default:
      return { ...base, value: ({ record }) => text(raw(record)) };
  }
}

/** The columns asked for, in order; an unknown key is a 422 naming it. */
export function resolveColumns(entity: GridEntity, keys: string[] | undefined, defs: FieldDefinition[]): Column[] {
  const all = [...(entity === 'contract' ? CONTRACT_COLUMNS : PARTNER_COLUMNS), ...defs.map(customColumn)];
  const byKey = new Map(all.map((c) => [c.key, c]));
  return (keys ?? DEFAULT_COLUMNS[entity]).map((key) => {
    const column = byKey.get(key);
    if (!column) throw AppError.invalid('columns', 'unknown_column', `"${key}" is not a column of this grid`);
    return column;
  });
}
