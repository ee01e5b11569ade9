import { randomUUID } from 'node:crypto';
import { COUNT_LIMIT } from '../../../common/schemas/common.js';
import type { PartnerAddress, PartnerContact } from '../../../common/schemas/partners.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { canEditPartners, readableUnits } from '../access/access.policy.js';
import { diff, record } from '../audit/audit.service.js';
import { resolvePartnerCustom } from './partners.custom.js';
import { listPartnerRows, type PartnerCursor, type PartnerQuery } from './partners.list.js';
import * as repo from './partners.repo.js';

export interface PartnerFields {
  name: string;
  type: repo.PartnerRow['type'];
  registrationNumber: string | null;
  vatId: string | null;
  address: PartnerAddress | null;
  contacts: PartnerContact[];
  custom: Record<string, unknown>;
}

export type PartnerPatch = Partial<Omit<PartnerFields, 'custom'>> & { custom?: Record<string, unknown> | undefined };

const presentRow = (row: repo.PartnerWithCount) => ({
  id: row.id,
  name: row.name,
  type: row.type,
  registrationNumber: row.registrationNumber,
  vatId: row.vatId,
  address: row.address,
  contacts: row.contacts,
  custom: row.custom,
  contractCount: row.contractCount,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** The partner as the API shows it, with the count of its contracts the caller can see. */
export async function present(ctx: Ctx, row: repo.PartnerRow) {
  const contractCount = await repo.countVisibleContracts(ctx.tx, ctx.orgId, row.id, readableUnits(ctx.actor));
  return presentRow({ ...row, contractCount });
}

export function requireEdit(ctx: Ctx) {
  if (!canEditPartners(ctx.actor)) throw AppError.forbidden('Only editors and administrators may change partners.');
}

export async function get(ctx: Ctx, id: string): Promise<repo.PartnerRow> {
  const row = await repo.find(ctx.tx, ctx.orgId, id);
  if (!row) throw AppError.notFound('Partner');
  return row;
}

/** A page of the grid; the first page also counts every match (up to COUNT_LIMIT). */
export async function list(ctx: Ctx, query: PartnerQuery, limit: number, after?: PartnerCursor) {
  const { rows, next, count } = await listPartnerRows(ctx, query, limit, after);
  const counted = after ? null : await count();
  return {
    items: rows.map(presentRow),
    next,
    total: counted === null ? null : Math.min(counted, COUNT_LIMIT),
    totalCapped: counted !== null && counted > COUNT_LIMIT,
  };
}

export async function create(ctx: Ctx, input: PartnerFields) {
  requireEdit(ctx);
  const custom = await resolvePartnerCustom(ctx, {}, input.custom);
  const row = await repo.insert(ctx.tx, { orgId: ctx.orgId, id: randomUUID(), ...input, custom });
  await record(ctx, {
    action: 'partner.created',
    objectType: 'partner',
    objectId: row.id,
    changes: diff({}, { name: row.name, type: row.type, ...(Object.keys(custom).length ? { custom } : {}) }),
    // Contact people are personal data: kept where they can be erased.
    personalChanges: input.contacts.length ? { contacts: { before: null, after: input.contacts } } : {},
  });
  return presentRow({ ...row, contractCount: 0 });
}

export async function update(ctx: Ctx, id: string, patch: PartnerPatch) {
  requireEdit(ctx);
  const before = await get(ctx, id);
  const { contacts, custom, ...rest } = patch;
  const fields: Partial<PartnerFields> = { ...rest };
  if (custom !== undefined) fields.custom = await resolvePartnerCustom(ctx, before.custom, custom);
  const changes = diff(before as unknown as Record<string, unknown>, fields);
  const personalChanges =
    contacts === undefined ? {} : diff(before as unknown as Record<string, unknown>, { contacts });
  if (Object.keys(changes).length + Object.keys(personalChanges).length === 0) return present(ctx, before);
  const row = await repo.update(ctx.tx, ctx.orgId, id, { ...fields, ...(contacts ? { contacts } : {}) });
  await record(ctx, { action: 'partner.updated', objectType: 'partner', objectId: id, changes, personalChanges });
  return present(ctx, row);
}

/** Soft delete; a partner that still has contracts stays until they point elsewhere. */
export async function remove(ctx: Ctx, id: string) {
  requireEdit(ctx);
  const row = await get(ctx, id);
  if ((await repo.countContracts(ctx.tx, ctx.orgId, id)) > 0) {
    throw AppError.because(
      'conflict',
      'partner_has_contracts',
      'This partner still has contracts. Assign them to another partner first.',
    );
  }
  await repo.update(ctx.tx, ctx.orgId, id, { deletedAt: new Date() });
  await record(ctx, { action: 'partner.deleted', objectType: 'partner', objectId: id, extra: { name: row.name } });
}
