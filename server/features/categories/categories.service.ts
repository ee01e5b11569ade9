import { randomUUID } from 'node:crypto';
import type { CategoryKind } from '../../../common/schemas/vocabulary.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { requireAdmin } from '../access/access.policy.js';
import { record } from '../audit/audit.service.js';
import * as repo from './categories.repo.js';
import { requireListAdd } from './lists.policy.js';

export const present = (row: repo.CategoryRow) => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  createdAt: row.createdAt.toISOString(),
});

const taken = () => AppError.invalid('name', 'unique', 'is already used by another category of this kind');

/** Every member may list categories (forms and filters need them). */
export async function list(ctx: Ctx, kind: CategoryKind) {
  return { items: (await repo.list(ctx.tx, ctx.orgId, kind)).map(present) };
}

async function get(ctx: Ctx, id: string): Promise<repo.CategoryRow> {
  const row = await repo.find(ctx.tx, ctx.orgId, id);
  if (!row) throw AppError.notFound('Category');
  return row;
}

export async function create(ctx: Ctx, input: { name: string; kind: CategoryKind }) {
  requireListAdd(ctx);
  if (await repo.findIdByName(ctx.tx, ctx.orgId, input.kind, input.name)) throw taken();
  const row = await repo.insert(ctx.tx, { orgId: ctx.orgId, id: randomUUID(), ...input });
  if (!row) throw taken();
  await record(ctx, {
    action: 'category.created',
    objectType: 'category',
    objectId: row.id,
    changes: { name: { before: null, after: row.name }, kind: { before: null, after: row.kind } },
  });
  return present(row);
}

export async function rename(ctx: Ctx, id: string, name: string) {
  requireAdmin(ctx);
  const before = await get(ctx, id);
  const clash = await repo.findIdByName(ctx.tx, ctx.orgId, before.kind, name);
  if (clash && clash !== id) throw taken();
  if (before.name === name) return present(before);
  const row = await repo.rename(ctx.tx, ctx.orgId, id, name);
  await record(ctx, {
    action: 'category.updated',
    objectType: 'category',
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
      `This category is used by ${used} contract(s) (some perhaps in the recycle bin). Re-file them first.`,
    );
  }
  await repo.remove(ctx.tx, ctx.orgId, id);
  await record(ctx, {
    action: 'category.deleted',
    objectType: 'category',
    objectId: id,
    changes: { name: { before: row.name, after: null }, kind: { before: row.kind, after: null } },
  });
}
