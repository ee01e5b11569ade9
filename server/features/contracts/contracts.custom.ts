import type { FieldDefinition } from '../../../common/custom-fields.js';
import type { Ctx } from '../../platform/context.js';
import { listDefinitions } from '../custom-fields/custom-fields.repo.js';
import { resolveCustomValues } from '../custom-fields/custom-values.js';
import { sortKeys } from './contracts.presenter.js';

export function contractFieldDefinitions(ctx: Ctx): Promise<FieldDefinition[]> {
  return listDefinitions(ctx.tx, ctx.orgId, 'contract');
}

/** The contract's custom values to store (see resolveCustomValues), keys in a stable order. */
export async function resolveContractCustom(
  ctx: Ctx,
  stored: Record<string, unknown>,
  patch: Record<string, unknown> | undefined,
): Promise<Record<string, unknown>> {
  return sortKeys(await resolveCustomValues(ctx, 'contract', stored, patch));
}
