import type { AuditEvent } from '../../../api/use-audit.js';
import { type ChangeContext, changeValue, fieldLabel, LIFECYCLE_FIELDS, lifecycleFieldValue } from './change-value.js';

/** One line of "what changed": a label and the readable value before and after (null: none). */
export type ChangeRow = { key: string; label: string; before: string | null; after: string | null };

const isEmpty = (value: unknown) =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
const asRecord = (value: unknown): Record<string, unknown> | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function row(key: string, label: string, before: string | null, after: string | null): ChangeRow {
  return { key, label, before, after };
}

/** A changed lifecycle, one line per term that changed; a new or removed one as a single sentence. */
function lifecycleRows(c: ChangeContext, before: unknown, after: unknown): ChangeRow[] {
  const b = asRecord(before);
  const a = asRecord(after);
  if (!b || !a) return [plainRow(c, 'lifecycle', before, after)];
  return LIFECYCLE_FIELDS.filter(([field]) => !same(b[field], a[field])).map(([field, key]) => {
    const text = (value: unknown) =>
      field === 'maxRenewals' && isEmpty(value)
        ? c.t('lifecycle.unlimited')
        : isEmpty(value)
          ? null
          : lifecycleFieldValue(c, field, value);
    return row(`lifecycle.${field}`, c.t(key), text(b[field]), text(a[field]));
  });
}

/** Custom values, one line per field, labelled with the field's name. */
function customRows(c: ChangeContext, before: unknown, after: unknown): ChangeRow[] {
  const b = asRecord(before) ?? {};
  const a = asRecord(after) ?? {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((key) => !same(b[key], a[key]));
  return keys.map((key) => {
    const text = (value: unknown) => (isEmpty(value) ? null : changeValue(c, key, value));
    return row(`custom.${key}`, c.event.fieldLabels[key] ?? fieldLabel(c.t, key), text(b[key]), text(a[key]));
  });
}

function plainRow(c: ChangeContext, field: string, before: unknown, after: unknown): ChangeRow {
  const text = (value: unknown) => (isEmpty(value) ? null : changeValue(c, field, value));
  // An API key made without a unit list may use every unit; that is a value, not an absence.
  const allUnits = field === 'businessUnitIds' && after === null;
  return row(field, fieldLabel(c.t, field), text(before), allUnits ? c.t('apiKeys.allUnits') : text(after));
}

/** The order of the forms, so a new contract or partner reads top to bottom; the stored JSON has its own. */
const FIELD_ORDER = [
  'title',
  'name',
  'label',
  'contractNumber',
  'type',
  'status',
  'partnerId',
  'businessUnitId',
  'categoryId',
  'orgUnitId',
  'ownerId',
  'backupOwnerId',
  'masterId',
  'lifecycle',
  'description',
  'tags',
  'custom',
];
const rank = (field: string) => {
  const index = FIELD_ORDER.indexOf(field);
  return index === -1 ? FIELD_ORDER.length : index;
};

/** Every change of an entry as labelled, readable lines; lifecycle and custom values opened up field by field. */
export function changeRows(c: ChangeContext, changes: AuditEvent['changes']): ChangeRow[] {
  return Object.entries(changes)
    .sort(([a], [b]) => rank(a) - rank(b))
    .flatMap(([field, { before, after }]) => {
      if (field === 'lifecycle') return lifecycleRows(c, before, after);
      if (field === 'custom') return customRows(c, before, after);
      return [plainRow(c, field, before, after)];
    })
    .filter((row) => row.before !== null || row.after !== null);
}
