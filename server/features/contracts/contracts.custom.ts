import { checkCustomValues, type FieldDefinition } from '../../../common/custom-fields.js';
import type { Ctx } from '../../platform/context.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { listDefinitions } from '../custom-fields/custom-fields.repo.js';
import * as users from '../users/users.repo.js';
import { sortKeys } from './contracts.presenter.js';

export function contractFieldDefinitions(ctx: Ctx): Promise<FieldDefinition[]> {
  return listDefinitions(ctx.tx, ctx.orgId, 'contract');
}

/**
 * The values to store: `stored` (values of fields that no longer exist are dropped) with
 * `patch` merged in (null removes a key), checked against the definitions with mandatory
 * fields required. Every problem is reported at once.
 */
export async function resolveCustomValues(
  ctx: Ctx,
  stored: Record<string, unknown>,
  patch: Record<string, unknown> | undefined,
): Promise<Record<string, unknown>> {
  const defs = await contractFieldDefinitions(ctx);
  const known = new Set(defs.map((d) => d.key));
  const merged: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(stored)) if (known.has(key)) merged[key] = value;
  Object.assign(merged, patch ?? {});
  const { values, issues } = checkCustomValues(defs, merged, { requireMandatory: true });
  const errors: FieldError[] = [...issues];
  for (const def of defs) {
    const value = values[def.key];
    if (def.type === 'user' && typeof value === 'string' && !(await users.findMembership(ctx.tx, ctx.orgId, value))) {
      errors.push({ field: `custom.${def.key}`, rule: 'unknown_user', message: 'is not a member of this account' });
    }
  }
  if (errors.length > 0) {
    throw new AppError('validation_failed', `${errors[0]!.field} ${errors[0]!.message}`, { errors });
  }
  return sortKeys(values);
}
