import { DIRECTORY_LIMIT } from '../../../common/schemas/auth.js';
import type { Ctx } from '../../platform/context.js';
import * as repo from './users.repo.js';

/**
 * Names and e-mails of the org's active members, for picking owners and `user` field values.
 * Every member may read it (no role check): whoever can see a contract must be able to name its owner.
 */
export async function directory(ctx: Ctx, q?: string) {
  return { items: await repo.directory(ctx.tx, ctx.orgId, q, DIRECTORY_LIMIT) };
}
