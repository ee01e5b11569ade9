import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { requireAdmin } from '../access/access.policy.js';
import { record } from '../audit/audit.service.js';
import { requireListAdd } from '../categories/lists.policy.js';
import * as repo from './org-units.repo.js';

export const present = (row: repo.OrgUnitRow) => ({
  id: row.id,
  name: row.name,
  createdAt: row.createdAt.toISOString(),
});

const taken = () => AppError.invalid('name', 'unique', 'is already used by another organizational unit');

/** Every member may list organizational units (forms and filters need them). */
export async function list(ctx: Ctx) {
  return { items: (await repo.list(ctx.tx, ctx.orgId)).map(present) };
}

async function get(ctx: Ctx, id: string): Promise<repo.OrgUnitRow> {
  const row = await repo.find(ctx.tx, ctx.orgId, id);
  if (!row) throw AppError.notFound('Organizational unit');
  return row;
}

export async function create(ctx: Ctx, name: string) {
  requireListAdd(ctx);
  if (await repo.findIdByName(ctx.tx, ctx.orgId, name)) throw taken();
  const row = await repo.insert(ctx.tx, { orgId: ctx.orgId, id: randomUUID(), name });
  if (!row) throw taken();
  await record(ctx, {
    action: 'org_unit.created',
    objectType: 'org_unit',
    objectId: row.id,
    changes: { name: { before: null, after: row.name } },
  });
  return present(row);
}

export async function rename(ctx: Ctx, id: string, name: string) {
  requireAdmin(ctx);
  const before = await get(ctx, id);
  const clash = await repo.findIdByName(ctx.tx, ctx.orgId, name);
  if (clash && clash !== id) throw taken();
  if (before.name === name) return present(before);
  const row = await repo.rename(ctx.tx, ctx.orgId, id, name);
  await record(ctx, {
    action: 'org_unit.updated',
    objectType: 'org_unit',
    objectId: id,
    changes: { name: { before: before.name, after: name } },
  });
  return present(row);
}

export async function remove(ctx: Ctx, id: string) {
  requireAdmin(ctx);
  const row = await get(ctx, id);
  const used = await repo.countContracts(ctx.tx, ctx.orgId, id);
  if (used > 0) {
    throw new AppError(
      'conflict',
      `This organizational unit is used by ${used} contract(s) (some perhaps in the recycle bin). Move them first.`,
    );
  }
  await repo.remove(ctx.tx, ctx.orgId, id);
  await record(ctx, {
    action: 'org_unit.deleted',
    objectType: 'org_unit',
    objectId: id,
    changes: { name: { before: row.name, after: null } },
  });
}
