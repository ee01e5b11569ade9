import { randomUUID } from 'node:crypto';
import type { PartnerAddress, PartnerContact } from '../../../common/schemas/partners.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { canEditPartners } from '../access/access.policy.js';
import { diff, record } from '../audit/audit.service.js';
import * as repo from './partners.repo.js';

export interface PartnerFields {
  name: string;
  type: repo.PartnerRow['type'];
  registrationNumber: string | null;
  vatId: string | null;
  address: PartnerAddress | null;
  contacts: PartnerContact[];
}

export const present = (row: repo.PartnerRow) => ({
  id: row.id,
  name: row.name,
  type: row.type,
  registrationNumber: row.registrationNumber,
  vatId: row.vatId,
  address: row.address,
  contacts: row.contacts,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

function requireEdit(ctx: Ctx) {
  if (!canEditPartners(ctx.actor)) throw AppError.forbidden('Only editors and administrators may change partners.');
}

export async function get(ctx: Ctx, id: string): Promise<repo.PartnerRow> {
  const row = await repo.find(ctx.tx, ctx.orgId, id);
  if (!row) throw AppError.notFound('Partner');
  return row;
}

export async function list(
  ctx: Ctx,
  query: { q?: string; type?: repo.PartnerRow['type']; limit: number },
  after?: [string, string],
) {
  const rows = await repo.list(ctx.tx, ctx.orgId, query, query.limit + 1, after);
  const last = rows.length > query.limit ? rows[query.limit - 1] : undefined;
  return {
    items: rows.slice(0, query.limit).map(present),
    next: last ? ([last.name.toLowerCase(), last.id] as [string, string]) : null,
  };
}

export async function create(ctx: Ctx, input: PartnerFields) {
  requireEdit(ctx);
  const row = await repo.insert(ctx.tx, { orgId: ctx.orgId, id: randomUUID(), ...input });
  await record(ctx, {
    action: 'partner.created',
    objectType: 'partner',
    objectId: row.id,
    changes: { name: { before: null, after: row.name }, type: { before: null, after: row.type } },
    // Contact people are personal data: kept where they can be erased.
    personalChanges: input.contacts.length ? { contacts: { before: null, after: input.contacts } } : {},
  });
  return present(row);
}

export async function update(ctx: Ctx, id: string, patch: Partial<PartnerFields>) {
  requireEdit(ctx);
  const before = await get(ctx, id);
  const { contacts, ...rest } = patch;
  const changes = diff(before as unknown as Record<string, unknown>, rest);
  const personalChanges =
    contacts === undefined ? {} : diff(before as unknown as Record<string, unknown>, { contacts });
  if (Object.keys(changes).length + Object.keys(personalChanges).length === 0) return present(before);
  const row = await repo.update(ctx.tx, ctx.orgId, id, patch);
  await record(ctx, { action: 'partner.updated', objectType: 'partner', objectId: id, changes, personalChanges });
  return present(row);
}

/** Soft delete; a partner that still has contracts stays until they point elsewhere. */
export async function remove(ctx: Ctx, id: string) {
  requireEdit(ctx);
  const row = await get(ctx, id);
  if ((await repo.countContracts(ctx.tx, ctx.orgId, id)) > 0) {
    throw new AppError('conflict', 'This partner still has contracts. Assign them to another partner first.');
  }
  await repo.update(ctx.tx, ctx.orgId, id, { deletedAt: new Date() });
  await record(ctx, { action: 'partner.deleted', objectType: 'partner', objectId: id, extra: { name: row.name } });
}
