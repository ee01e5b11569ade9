import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { record } from '../audit/audit.service.js';
import { requireListAdd } from '../categories/lists.policy.js';
import { type NamedList, removeEntry, renameEntry } from '../categories/named-lists.js';
import * as repo from './org-units.repo.js';

export const present = (row: repo.OrgUnitRow) => ({
  id: row.id,
  name: row.name,
  createdAt: row.createdAt.toISOString(),
});

const taken = (name: string) =>
  AppError.invalid('name', 'unique', 'is already used by another organizational unit', {
    entity: 'org_unit',
    value: name,
  });

/** Every member may list organizational units (forms and filters need them). */
export async function list(ctx: Ctx) {
  return { items: (await repo.list(ctx.tx, ctx.orgId)).map(present) };
}

const orgUnitList: NamedList<repo.OrgUnitRow> = {
  objectType: 'org_unit',
  label: 'Organizational unit',
  moveHint: 'Move them first.',
  taken,
  find: repo.find,
  clash: (tx, orgId, _row, name) => repo.findIdByName(tx, orgId, name),
  rename: repo.rename,
  countContracts: repo.countContracts,
  remove: repo.remove,
};

export async function create(ctx: Ctx, name: string) {
  requireListAdd(ctx);
  if (await repo.findIdByName(ctx.tx, ctx.orgId, name)) throw taken(name);
  const row = await repo.insert(ctx.tx, { orgId: ctx.orgId, id: randomUUID(), name });
  if (!row) throw taken(name);
  await record(ctx, {
    action: 'org_unit.created',
    objectType: 'org_unit',
    objectId: row.id,
    changes: { name: { before: null, after: row.name } },
  });
  return present(row);
}

export async function rename(ctx: Ctx, id: string, name: string) {
  return present(await renameEntry(ctx, orgUnitList, id, name));
}

export function remove(ctx: Ctx, id: string) {
  return removeEntry(ctx, orgUnitList, id);
}
