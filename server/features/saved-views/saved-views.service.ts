import { randomUUID } from 'node:crypto';
import type { SavedViewOutput, ViewDefinition } from '../../../common/schemas/grids.js';
import type { GridEntity } from '../../../common/schemas/vocabulary.js';
import type { Actor, Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { isAdmin } from '../access/access.policy.js';
import { diff, record } from '../audit/audit.service.js';
import * as repo from './saved-views.repo.js';

/** The user or API key that owns personal views; the system actor owns none. */
const ownerOf = (actor: Actor): string | null => (actor.type === 'system' ? null : actor.id);

/**
 * Personal views: only their owner sees, edits and deletes them. Shared views: everyone in the
 * org sees them; only administrators create, edit or delete them (the owner too, while admin),
 * so a shared view cannot be changed under the whole org by one editor.
 */
function canEdit(actor: Actor, row: repo.SavedViewRow): boolean {
  return row.shared ? isAdmin(actor) : row.ownerId === ownerOf(actor);
}

function present(actor: Actor, row: repo.SavedViewRow): SavedViewOutput {
  return {
    id: row.id,
    entity: row.entity,
    name: row.name,
    shared: row.shared,
    ownerId: row.ownerId,
    definition: row.definition as ViewDefinition,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: { edit: canEdit(actor, row), delete: canEdit(actor, row) },
  };
}

/** Another user's personal view is "not found": its existence does not leak. */
async function getVisible(ctx: Ctx, id: string): Promise<repo.SavedViewRow> {
  const row = await repo.find(ctx.tx, ctx.orgId, id);
  if (!row || (!row.shared && row.ownerId !== ownerOf(ctx.actor))) throw AppError.notFound('Saved view');
  return row;
}

function requireShareRight(ctx: Ctx) {
  if (!isAdmin(ctx.actor)) throw AppError.forbidden('Only administrators may create or change shared views.');
}

export async function list(ctx: Ctx, entity: GridEntity) {
  const rows = await repo.listVisible(ctx.tx, ctx.orgId, entity, ownerOf(ctx.actor));
  return rows.map((r) => present(ctx.actor, r));
}

export interface ViewInput {
  entity: GridEntity;
  name: string;
  shared: boolean;
  definition: ViewDefinition;
}

export async function create(ctx: Ctx, input: ViewInput) {
  const ownerId = ownerOf(ctx.actor);
  if (!ownerId) throw AppError.forbidden('Saved views belong to a user or API key.');
  if (input.shared) requireShareRight(ctx);
  const row = await repo.insert(ctx.tx, { orgId: ctx.orgId, id: randomUUID(), ownerId, ...input });
  await record(ctx, {
    action: 'saved_view.created',
    objectType: 'saved_view',
    objectId: row.id,
    changes: diff({}, { entity: input.entity, name: input.name, shared: input.shared, definition: input.definition }),
  });
  return present(ctx.actor, row);
}

export async function update(ctx: Ctx, id: string, patch: Partial<Omit<ViewInput, 'entity'>>) {
  const before = await getVisible(ctx, id);
  if (before.shared || patch.shared) requireShareRight(ctx);
  const changes = diff(before as unknown as Record<string, unknown>, patch);
  if (Object.keys(changes).length === 0) return present(ctx.actor, before);
  const row = await repo.update(ctx.tx, ctx.orgId, id, patch);
  await record(ctx, { action: 'saved_view.updated', objectType: 'saved_view', objectId: id, changes });
  return present(ctx.actor, row);
}

export async function remove(ctx: Ctx, id: string) {
  const row = await getVisible(ctx, id);
  if (row.shared) requireShareRight(ctx);
  await repo.remove(ctx.tx, ctx.orgId, id);
  await record(ctx, {
    action: 'saved_view.deleted',
    objectType: 'saved_view',
    objectId: id,
    changes: {
      name: { before: row.name, after: null },
      entity: { before: row.entity, after: null },
      shared: { before: row.shared, after: null },
    },
  });
}
