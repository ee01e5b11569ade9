import { checkCustomValues } from '../../../common/custom-fields.js';
import type { CustomFieldType } from '../../../common/schemas/vocabulary.js';
import type { Ctx } from '../../platform/context.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { listDefinitions } from '../custom-fields/custom-fields.repo.js';
import * as users from '../users/users.repo.js';

const fail = (errors: FieldError[]) =>
  new AppError('validation_failed', `${errors[0]!.field} ${errors[0]!.message}`, { errors });

/**
 * The custom values to store: `stored` (values of fields that no longer exist dropped) with
 * `patch` merged in (null removes a value), checked with mandatory fields required; every
 * problem is reported in one answer.
 */
export async function resolvePartnerCustom(
  ctx: Ctx,
  stored: Record<string, unknown>,
  patch: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const defs = await listDefinitions(ctx.tx, ctx.orgId, 'partner');
  const known = new Set(defs.map((d) => d.key));
  const merged: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(stored)) if (known.has(key)) merged[key] = value;
  Object.assign(merged, patch);
  const { values, issues } = checkCustomValues(defs, merged, { requireMandatory: true });
  const errors: FieldError[] = [...issues];
  for (const def of defs) {
    const value = values[def.key];
    if (def.type === 'user' && typeof value === 'string' && !(await users.findMembership(ctx.tx, ctx.orgId, value))) {
      errors.push({ field: `custom.${def.key}`, rule: 'unknown_user', message: 'is not a member of this account' });
    }
  }
  if (errors.length > 0) throw fail(errors);
  return values;
}

/** `cf.<key>` equality filter: the stored values any of which a partner must hold. */
export interface CustomEquals {
  key: string;
  type: CustomFieldType;
  values: unknown[];
}

function filterValue(type: CustomFieldType, raw: string): unknown {
  switch (type) {
    case 'number': {
      const n = Number(raw);
      return raw.trim() !== '' && Number.isFinite(n) ? n : undefined;
    }
    case 'checkbox':
      return raw === 'true' ? true : raw === 'false' ? false : undefined;
    case 'money':
      // Amounts are stored as exact decimal strings; match the amount as written.
      return { amount: raw };
    case 'user':
      return raw.toLowerCase();
    default:
      return raw;
  }
}

/** The `cf.*` parameters of a list query, checked against the partner field definitions. */
export async function customFilters(ctx: Ctx, extra: Record<string, unknown>): Promise<CustomEquals[]> {
  const entries = Object.entries(extra);
  if (entries.length === 0) return [];
  const defs = new Map((await listDefinitions(ctx.tx, ctx.orgId, 'partner')).map((d) => [d.key, d]));
  const errors: FieldError[] = [];
  const filters: CustomEquals[] = [];
  for (const [param, raw] of entries) {
    const def = param.startsWith('cf.') ? defs.get(param.slice(3)) : undefined;
    if (!def) {
      errors.push({ field: param, rule: 'unknown_filter', message: 'is not a filter of the partner list' });
      continue;
    }
    const values = (Array.isArray(raw) ? raw : [raw]).map((v) => filterValue(def.type, String(v)));
    if (values.some((v) => v === undefined)) {
      errors.push({ field: param, rule: 'wrong_type', message: `is not a valid ${def.type} value` });
      continue;
    }
    filters.push({ key: def.key, type: def.type, values });
  }
  if (errors.length > 0) throw fail(errors);
  return filters;
}
