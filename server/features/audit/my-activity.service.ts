import type { AuditEvent } from '../../../common/schemas/audit.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { presentNamed } from './audit.names.js';
import * as repo from './audit.repo.js';

/**
 * The person's own security log in this account: their sign-ins, new devices, sessions ended (by
 * them or an administrator), role changes and locks. Where someone else acted, that person's
 * address and browser stay out of it.
 */
export async function myActivity(
  ctx: Ctx,
  limit: number,
  before?: number,
): Promise<{ items: AuditEvent[]; more: boolean }> {
  if (ctx.actor.type !== 'user') throw AppError.forbidden('This needs a signed-in person, not an API key.');
  const me = ctx.actor.id;
  const rows = await repo.list(ctx.tx, ctx.orgId, { securityOf: me }, limit + 1, before);
  const items = await presentNamed(ctx.tx, ctx.orgId, ctx.actor, rows.slice(0, limit));
  return {
    items: items.map((e) =>
      e.actor.id === me ? e : { ...e, ip: null, userAgent: null, actor: { ...e.actor, email: null } },
    ),
    more: rows.length > limit,
  };
}
