import type { AuditEvent } from '../../../api/use-audit.js';
import { countryName } from '../../../i18n/display-names.js';
import type { MessageKey } from '../../../i18n/en.js';
import type { Formatters } from '../../../i18n/format.js';
import { formatDecimal } from '../../../i18n/money.js';
import { isMessageKey, type Locale, type Translate } from '../../../i18n/translate.js';
import { periodLabel } from '../../contracts/deadline.js';

/** What a value needs to be read: the reader's language and formats, and the names the server resolved. */
export type ChangeContext = {
  t: Translate;
  fmt: Formatters;
  locale: Locale;
  event: Pick<AuditEvent, 'objectType' | 'names' | 'fieldLabels'>;
};

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', de: 'Deutsch' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const DECIMAL = /^-?\d+\.\d+$/;
const PEOPLE = new Set(['ownerId', 'backupOwnerId', 'userId', 'acknowledgedBy', 'dismissedBy']);

/** Which translated vocabulary a field's values come from, tried in order. */
const ENUMS: Record<string, string[]> = {
  status: ['contractStatus', 'status'],
  state: ['reminder.state'],
  type: ['partnerType', 'customFieldType', 'contractType'],
  kind: ['billingKind', 'objectType'],
  letter: ['letter.kind'],
  frequency: ['billingFrequency'],
  repeat: ['reminder.repeat'],
  defaultRepeat: ['reminder.repeat'],
  role: ['role'],
  entity: ['objectType'],
  noticeAlignment: ['alignment'],
  deadlineAdjustment: ['adjustment'],
};
const PERIODS = new Set(['initialTerm', 'renewalTerm', 'noticePeriod']);
const LEAD_DAYS = new Set(['leadTimes', 'expiryEndDays', 'expiryNoticeDays']);

function enumLabel(t: Translate, prefixes: string[], value: string): string | null {
  for (const prefix of prefixes) {
    const key = `${prefix}.${value}`;
    if (isMessageKey(key)) return t(key as MessageKey);
  }
  return null;
}

/** "orgUnitMandatory" → "Org unit mandatory": the last resort, so a raw key never shows. */
export function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function fieldLabel(t: Translate, field: string): string {
  const key = `changeField.${field}`;
  return isMessageKey(key) ? t(key as MessageKey) : humanize(field);
}

function leadLabel(t: Translate, days: unknown): string {
  const n = Number(days);
  if (n === 0) return t('reminder.lead.onTheDay');
  return n === 1 ? t('reminder.lead.one') : t('reminder.lead.other', { count: n });
}

function idLabel(c: ChangeContext, field: string, id: string): string {
  const name = c.event.names[id] ?? c.event.names[id.toLowerCase()];
  if (name) return name;
  return PEOPLE.has(field) ? c.t('contract.formerMember') : c.t('activity.unavailable');
}

function addressLabel(c: ChangeContext, value: Record<string, unknown>): string {
  const str = (key: string) => (typeof value[key] === 'string' ? (value[key] as string) : '');
  const place = [str('postalCode'), str('city')].filter(Boolean).join(' ');
  const country = str('country') ? countryName(str('country'), c.locale) : '';
  return [str('street'), place, country].filter(Boolean).join(', ') || '—';
}

function isMoney(value: object): value is { amount: string; currency: string } {
  const v = value as Record<string, unknown>;
  return typeof v.amount === 'string' && typeof v.currency === 'string' && Object.keys(v).length === 2;
}

/** Readable text for one before/after value; ids become names, codes become words, dates and numbers the reader's format. */
export function changeValue(c: ChangeContext, field: string, value: unknown): string {
  const { t, fmt, locale } = c;
  // An API key without a unit list may use every unit.
  if (field === 'businessUnitIds' && value === null) return t('apiKeys.allUnits');
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'number') {
    if (LEAD_DAYS.has(field)) return leadLabel(t, value);
    if (field === 'sendHour') return `${String(value).padStart(2, '0')}:00`;
    return fmt.number(value);
  }
  if (typeof value === 'string') return stringValue(c, field, value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    if (LEAD_DAYS.has(field)) return value.map((days) => leadLabel(t, days)).join(', ');
    return value.map((item) => changeValue(c, field, item)).join(', ');
  }
  if (typeof value === 'object') {
    if (isMoney(value)) return fmt.money(value.amount, value.currency);
    const record = value as Record<string, unknown>;
    if (field === 'address') return addressLabel(c, record);
    if (field === 'contacts' && typeof record.name === 'string') return record.name;
    if (field === 'roles') {
      const entries = Object.entries(record).filter(([, role]) => role !== 'none');
      if (entries.length === 0) return '—';
      return entries
        .map(([id, role]) => `${idLabel(c, 'businessUnitId', id)}: ${changeValue(c, 'role', role)}`)
        .join(', ');
    }
    if (field === 'lifecycle') return lifecycleSummary(c, record);
    return Object.entries(record)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([key, v]) => `${UUID.test(key) ? idLabel(c, field, key) : fieldLabel(t, key)}: ${changeValue(c, key, v)}`)
      .join('; ');
  }
  return String(value);

  function stringValue(ctx: ChangeContext, name: string, text: string): string {
    if (UUID.test(text)) return idLabel(ctx, name, text);
    if (DATE.test(text)) return fmt.date(text);
    if (DATE_TIME.test(text)) return fmt.dateTime(text);
    if (PERIODS.has(name)) return periodLabel(t, text);
    if (name === 'locale') return LANGUAGE_NAMES[text] ?? text;
    if (name === 'country') return countryName(text, locale);
    if (name === 'format') return text.toUpperCase();
    if ((name === 'amount' || name === 'rate') && DECIMAL.test(text)) return formatDecimal(text, locale);
    const prefixes = ENUMS[name];
    return (prefixes && enumLabel(t, prefixes, text)) ?? text;
  }
}

/** The fields of a lifecycle in the order the contract page shows them, with its labels. */
export const LIFECYCLE_FIELDS = [
  ['type', 'lifecycle.type'],
  ['startDate', 'lifecycle.startDate'],
  ['endDate', 'lifecycle.endDate'],
  ['initialTerm', 'lifecycle.initialTerm'],
  ['renewalTerm', 'lifecycle.renewalTerm'],
  ['maxRenewals', 'lifecycle.maxRenewals'],
  ['noticePeriod', 'lifecycle.noticePeriod'],
  ['noticeAlignment', 'lifecycle.noticeAlignment'],
  ['deadlineAdjustment', 'lifecycle.deadlineAdjustment'],
  ['noticeGivenOn', 'lifecycle.noticeGivenOn'],
] as const satisfies readonly (readonly [string, MessageKey])[];

export function lifecycleFieldValue(c: ChangeContext, field: string, value: unknown): string {
  if (field === 'type' && typeof value === 'string') return enumLabel(c.t, ['contractType'], value) ?? value;
  return changeValue(c, field, value);
}

/** A whole lifecycle in the contract page's words: "Auto-renewing · Start date 01/01/2026 · Renews for 1 year · Notice period 3 months". */
export function lifecycleSummary(c: ChangeContext, lifecycle: Record<string, unknown>): string {
  return LIFECYCLE_FIELDS.filter(([field]) => lifecycle[field] !== null && lifecycle[field] !== undefined)
    .filter(([field]) => !(field === 'deadlineAdjustment' && lifecycle[field] === 'none'))
    .map(([field, key]) =>
      field === 'type'
        ? lifecycleFieldValue(c, field, lifecycle[field])
        : `${c.t(key)} ${lifecycleFieldValue(c, field, lifecycle[field])}`,
    )
    .join(' · ');
}
