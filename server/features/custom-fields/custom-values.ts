import { checkCustomValues } from '../../../common/custom-fields.js';
import type { CustomFieldEntity } from '../../../common/schemas/vocabulary.js';
import type { Ctx } from '../../platform/context.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import * as users from '../users/users.repo.js';
import { listDefinitions } from './custom-fields.repo.js';

/**
 * The custom values of a contract or partner to store: `stored` (values of fields that no
 * longer exist are dropped) with `patch` merged in (null removes a key), checked against the
 * definitions with mandatory fields required and `user` values held to members. Every problem
 * is reported in one 422.
 */
export async function resolveCustomValues(
  ctx: Ctx,
  entity: CustomFieldEntity,
  stored: Record<string, unknown>,
  patch: Record<string, unknown> | undefined,
): Promise<Record<string, unknown>> {
  const defs = await listDefinitions(ctx.tx, ctx.orgId, entity);
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
  if (errors.length > 0) throw AppError.invalidAll(errors as [FieldError, ...FieldError[]]);
  return values;
}
