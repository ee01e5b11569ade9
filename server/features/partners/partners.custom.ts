import type { CustomFieldType } from '../../../common/schemas/vocabulary.js';
import type { Ctx } from '../../platform/context.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { listDefinitions } from '../custom-fields/custom-fields.repo.js';
import { resolveCustomValues } from '../custom-fields/custom-values.js';

/** The partner's custom values to store (see resolveCustomValues). */
export function resolvePartnerCustom(ctx: Ctx, stored: Record<string, unknown>, patch: Record<string, unknown>) {
  return resolveCustomValues(ctx, 'partner', stored, patch);
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
  if (errors.length > 0) throw AppError.invalidAll(errors as [FieldError, ...FieldError[]]);
  return filters;
}
