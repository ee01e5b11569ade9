import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { requireAdmin } from '../access/access.policy.js';
import { record } from '../audit/audit.service.js';
import { countInUnit } from '../contracts/contracts.repo.js';
import * as repo from './business-units.repo.js';

export const present = (row: repo.BusinessUnitRow) => ({
  id: row.id,
  name: row.name,
  isDefault: row.isDefault,
  createdAt: row.createdAt.toISOString(),
});

/** Everyone in the org may list units (forms need them). */
export async function list(ctx: Ctx, limit: number, after?: [string, string]) {
  const rows = await repo.list(ctx.tx, ctx.orgId, limit + 1, after);
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return {
    items: rows.slice(0, limit).map(present),
    next: last ? ([last.name.toLowerCase(), last.id] as [string, string]) : null,
  };
}

async function get(ctx: Ctx, id: string): Promise<repo.BusinessUnitRow> {
  const row = await repo.find(ctx.tx, ctx.orgId, id);
  if (!row) throw AppError.notFound('Business unit');
  return row;
}

async function assertNameFree(ctx: Ctx, name: string, exceptId?: string) {
  const clash = await repo.findIdByName(ctx.tx, ctx.orgId, name);
  if (clash && clash !== exceptId) {
    throw AppError.invalid('name', 'unique', 'is already used by another business unit', {
      entity: 'business_unit',
      value: name,
    });
  }
}

export async function create(ctx: Ctx, name: string) {
  requireAdmin(ctx);
  await assertNameFree(ctx, name);
  const row = await repo.insert(ctx.tx, { orgId: ctx.orgId, id: randomUUID(), name });
  await record(ctx, {
    action: 'business_unit.created',
    objectType: 'business_unit',
    objectId: row.id,
    changes: { name: { before: null, after: name } },
  });
  return present(row);
}

export async function rename(ctx: Ctx, id: string, name: string) {
  requireAdmin(ctx);
  const before = await get(ctx, id);
  await assertNameFree(ctx, name, id);
  const row = await repo.rename(ctx.tx, ctx.orgId, id, name);
  if (before.name !== name) {
    await record(ctx, {
      action: 'business_unit.updated',
      objectType: 'business_unit',
      objectId: id,
      changes: { name: { before: before.name, after: name } },
    });
  }
  return present(row);
}

export async function remove(ctx: Ctx, id: string) {
  requireAdmin(ctx);
  const row = await get(ctx, id);
  if (row.isDefault)
    throw AppError.because('conflict', 'default_business_unit', 'The default business unit cannot be deleted.');
  if ((await countInUnit(ctx.tx, ctx.orgId, id)) > 0) {
    throw AppError.because(
      'conflict',
      'business_unit_in_use',
      'This business unit still holds contracts (some perhaps in the recycle bin). Move them first.',
    );
  }
  await repo.remove(ctx.tx, ctx.orgId, id);
  await record(ctx, {
    action: 'business_unit.deleted',
    objectType: 'business_unit',
    objectId: id,
    changes: { name: { before: row.name, after: null } },
  });
}
