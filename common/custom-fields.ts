import { excerpt } from './excerpt.js';
import { isCurrencyCode } from './iso-codes.js';
import type { CustomFieldType } from './schemas/vocabulary.js';
import { dateInputProblem } from './terms/dates.js';

/** What the value checker needs of a custom field definition. */
export interface FieldDefinition {
  key: string;
  label: string;
  type: CustomFieldType;
  options: readonly string[];
  mandatory: boolean;
}

export interface ValueIssue {
  /** `custom.<key>`, as the API reports it. */
  field: string;
  rule:
    | 'unknown_field'
    | 'required'
    | 'wrong_type'
    | 'unknown_option'
    | 'invalid_date'
    | 'date_out_of_range'
    | 'invalid_url'
    | 'too_long'
    | 'unknown_currency';
  message: string;
}

/** A money value: an exact decimal amount as a string, and an ISO 4217 currency. */
export interface Money {
  amount: string;
  currency: string;
}

export const DECIMAL = /^-?\d{1,15}(\.\d{1,4})?$/;
export const MONEY_AMOUNT = /^-?\d{1,16}(\.\d{1,2})?$/;
export const CURRENCY = /^[A-Z]{3}$/;
const TEXT_MAX = 1_000;
const LONG_TEXT_MAX = 20_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

function isUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

type Check = { ok: true; value: unknown } | { ok: false; rule: ValueIssue['rule']; message: string };

const wrong = (message: string): Check => ({ ok: false, rule: 'wrong_type', message });

/** One value against its definition; the returned value is normalised (trimmed, options de-duplicated). */
function checkValue(def: FieldDefinition, raw: unknown): Check {
  switch (def.type) {
    case 'text':
    case 'long_text': {
      if (typeof raw !== 'string') return wrong('must be text');
      const max = def.type === 'text' ? TEXT_MAX : LONG_TEXT_MAX;
      if (raw.length > max) return { ok: false, rule: 'too_long', message: `must be at most ${max} characters` };
      return { ok: true, value: def.type === 'text' ? raw.trim() : raw };
    }
    case 'number':
      if (typeof raw !== 'number' || !Number.isFinite(raw)) return wrong('must be a number');
      return { ok: true, value: raw };
    case 'money': {
      const m = raw as Partial<Money> | null;
      if (typeof m !== 'object' || m === null || Array.isArray(m)) return wrong('must be { amount, currency }');
      if (typeof m.amount !== 'string' || !MONEY_AMOUNT.test(m.amount))
        return wrong('amount must be a decimal string with at most 2 decimals, e.g. "1200.50"');
      if (typeof m.currency !== 'string' || !CURRENCY.test(m.currency))
        return wrong('currency must be a three-letter ISO 4217 code, e.g. "EUR"');
      if (!isCurrencyCode(m.currency))
        return {
          ok: false,
          rule: 'unknown_currency',
          message: `"${excerpt(m.currency)}" is not an ISO 4217 currency code`,
        };
      return { ok: true, value: { amount: m.amount, currency: m.currency } };
    }
    case 'date': {
      if (typeof raw !== 'string') return wrong('must be a date YYYY-MM-DD');
      const problem = dateInputProblem(raw);
      return problem ? { ok: false, rule: problem.rule, message: problem.message } : { ok: true, value: raw };
    }
    case 'dropdown':
      if (typeof raw !== 'string') return wrong('must be one of the options');
      if (!def.options.includes(raw))
        return { ok: false, rule: 'unknown_option', message: `"${excerpt(raw)}" is not one of the options` };
      return { ok: true, value: raw };
    case 'multi_select': {
      if (!Array.isArray(raw) || raw.some((v) => typeof v !== 'string')) return wrong('must be a list of options');
      const unknown = raw.find((v) => !def.options.includes(v));
      if (unknown !== undefined)
        return { ok: false, rule: 'unknown_option', message: `"${excerpt(unknown)}" is not one of the options` };
      return { ok: true, value: def.options.filter((o) => raw.includes(o)) };
    }
    case 'checkbox':
      return typeof raw === 'boolean' ? { ok: true, value: raw } : wrong('must be true or false');
    case 'url':
      if (typeof raw !== 'string') return wrong('must be a web address');
      if (raw.length > 2_000 || !isUrl(raw.trim()))
        return { ok: false, rule: 'invalid_url', message: 'must be an http or https address' };
      return { ok: true, value: raw.trim() };
    case 'user':
      if (typeof raw !== 'string' || !UUID.test(raw)) return wrong('must be a user id');
      return { ok: true, value: raw.toLowerCase() };
  }
}

/**
 * Checks custom field values against the definitions and returns the normalised values to
 * store (empty values are dropped) with every issue found. With `requireMandatory`, a mandatory
 * field without a value is an issue. Whether a `user` value is a member is for the caller.
 */
export function checkCustomValues(
  defs: readonly FieldDefinition[],
  values: Record<string, unknown>,
  options: { requireMandatory: boolean },
): { values: Record<string, unknown>; issues: ValueIssue[] } {
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const issues: ValueIssue[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(values)) {
    const def = byKey.get(key);
    if (!def) {
      issues.push({ field: `custom.${key}`, rule: 'unknown_field', message: 'is not a custom field of this account' });
      continue;
    }
    if (isEmpty(raw)) continue;
    const result = checkValue(def, raw);
    if (result.ok) out[key] = result.value;
    else issues.push({ field: `custom.${key}`, rule: result.rule, message: result.message });
  }
  if (options.requireMandatory) {
    for (const def of defs) {
      if (def.mandatory && !(def.key in out) && !issues.some((i) => i.field === `custom.${def.key}`)) {
        issues.push({ field: `custom.${def.key}`, rule: 'required', message: `${def.label} is required` });
      }
    }
  }
  return { values: out, issues };
}

/** A field key made from a label: lower-case ASCII words joined by underscores. */
export function keyFromLabel(label: string): string {
  const key = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  // Cut after prefixing, so a key from a long label that starts with a digit still fits FIELD_KEY.
  return (/^[a-z]/.test(key) ? key : `f_${key}`).slice(0, 40).replace(/_+$/, '');
}

export const FIELD_KEY = /^[a-z][a-z0-9_]{0,39}$/;
