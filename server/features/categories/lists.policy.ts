import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { canEditPartners } from '../access/access.policy.js';

/**
 * Categories and organizational units are administrator-managed lists, but the contract form
 * adds entries inline: whoever may edit contracts in some unit may add one; renaming and
 * deleting stay with administrators.
 */
export function requireListAdd(ctx: Ctx): void {
  if (!canEditPartners(ctx.actor)) throw AppError.forbidden('Only editors and administrators may add entries.');
}
