import type { Abilities } from '../../../common/schemas/auth.js';
import type { Actor, Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';

export function isAdmin(actor: Actor): boolean {
  return actor.type === 'system' || actor.isAdmin;
}

export function abilitiesOf(actor: Actor): Abilities {
  const admin = isAdmin(actor);
  return {
    manageUsers: admin,
    manageBusinessUnits: admin,
    manageApiKeys: admin,
    viewActivity: admin,
    manageSettings: admin,
  };
}

export function requireAdmin(ctx: Ctx): void {
  if (!isAdmin(ctx.actor)) throw AppError.forbidden('Only administrators may do this.');
}
