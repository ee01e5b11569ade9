import { todayIn } from '../../../common/terms/dates.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { canReadUnit, canWriteUnit } from '../access/access.policy.js';
import * as users from '../users/users.repo.js';
import * as repo from './contracts.repo.js';

export type OrgSettings = NonNullable<Awaited<ReturnType<typeof users.findOrg>>>;

export async function orgSettings(ctx: Ctx): Promise<OrgSettings> {
  const org = await users.findOrg(ctx.tx, ctx.orgId);
  if (!org) throw AppError.notFound('Organization');
  return org;
}

/** Today in the org's time zone: the day deadlines are counted from. */
export async function orgToday(ctx: Ctx): Promise<string> {
  const org = await users.findOrg(ctx.tx, ctx.orgId);
  return todayIn(org?.timeZone ?? 'UTC');
}

/** A contract the actor may see; another org's, a deleted one or one in a unit they cannot see is "not found". */
export async function getVisible(ctx: Ctx, id: string): Promise<repo.ContractRow> {
  const row = await repo.find(ctx.tx, ctx.orgId, id);
  if (!row || !canReadUnit(ctx.actor, row.businessUnitId)) throw AppError.notFound('Contract');
  return row;
}

export function requireWrite(ctx: Ctx, unitId: string): void {
  if (!canWriteUnit(ctx.actor, unitId))
    throw AppError.forbidden('Your role does not allow changing contracts in this business unit.');
}
