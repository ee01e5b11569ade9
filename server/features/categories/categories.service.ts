import { randomUUID } from 'node:crypto';
import type { CategoryKind } from '../../../common/schemas/vocabulary.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { record } from '../audit/audit.service.js';
import * as repo from './categories.repo.js';
import { requireListAdd } from './lists.policy.js';
import { type NamedList, removeEntry, renameEntry } from './named-lists.js';

export const present = (row: repo.CategoryRow) => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  createdAt: row.createdAt.toISOString(),
});

const taken = (name: string) =>
  AppError.invalid('name', 'unique', 'is already used by another category of this kind', {
    entity: 'category',
    value: name,
  });

/** Every member may list categories (forms and filters need them). */
export async function list(ctx: Ctx, kind: CategoryKind) {
  return { items: (await repo.list(ctx.tx, ctx.orgId, kind)).map(present) };
}

const categoryList: NamedList<repo.CategoryRow> = {
  objectType: 'category',
  label: 'Category',
  moveHint: 'Re-file them first.',
  taken,
  find: repo.find,
  clash: (tx, orgId, row, name) => repo.findIdByName(tx, orgId, row.kind, name),
  rename: repo.rename,
  countContracts: repo.countContracts,
  remove: repo.remove,
};

export async function create(ctx: Ctx, input: { name: string; kind: CategoryKind }) {
  requireListAdd(ctx);
  if (await repo.findIdByName(ctx.tx, ctx.orgId, input.kind, input.name)) throw taken(input.name);
  const row = await repo.insert(ctx.tx, { orgId: ctx.orgId, id: randomUUID(), ...input });
  if (!row) throw taken(input.name);
  await record(ctx, {
    action: 'category.created',
    objectType: 'category',
    objectId: row.id,
    changes: { name: { before: null, after: row.name }, kind: { before: null, after: row.kind } },
  });
  return present(row);
}

export async function rename(ctx: Ctx, id: string, name: string) {
  return present(await renameEntry(ctx, categoryList, id, name));
}

export function remove(ctx: Ctx, id: string) {
  return removeEntry(ctx, categoryList, id, (row) => ({ kind: { before: row.kind, after: null } }));
}
