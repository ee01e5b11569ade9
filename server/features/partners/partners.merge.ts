import type { PartnerContact } from '../../../common/schemas/partners.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { canWriteUnit } from '../access/access.policy.js';
import { diff, record } from '../audit/audit.service.js';
import * as repo from './partners.repo.js';
import { get, present, requireEdit } from './partners.service.js';

const contactKey = (c: PartnerContact) =>
  c.email ? `email:${c.email.toLowerCase()}` : `name:${c.name.toLowerCase()}|${c.phone ?? ''}`;

/** The survivor's contacts, then the duplicates' ones it lacks (same e-mail, or same name and phone without one). */
function unionContacts(lists: PartnerContact[][]): PartnerContact[] {
  const seen = new Set<string>();
  const out: PartnerContact[] = [];
  for (const contact of lists.flat()) {
    const key = contactKey(contact);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(contact);
    }
  }
  return out;
}

/** What the survivor gains: each empty field filled from the first duplicate that has it. */
function filled(survivor: repo.PartnerRow, duplicates: repo.PartnerRow[]) {
  const pick = <K extends 'registrationNumber' | 'vatId' | 'address'>(k: K) =>
    survivor[k] ?? duplicates.find((d) => d[k] !== null)?.[k] ?? null;
  const custom = { ...survivor.custom };
  for (const d of duplicates) {
    for (const [key, value] of Object.entries(d.custom)) if (!(key in custom)) custom[key] = value;
  }
  return {
    registrationNumber: pick('registrationNumber'),
    vatId: pick('vatId'),
    address: pick('address'),
    custom,
  };
}

/**
 * Merging moves every contract of the duplicates, so it needs the right to write each one: a
 * contract in a unit the caller cannot edit refuses the whole merge, saying neither how many
 * nor which (they may be invisible to the caller).
 */
async function requireWritableContracts(ctx: Ctx, duplicateIds: string[]) {
  const units = await repo.contractUnits(ctx.tx, ctx.orgId, duplicateIds);
  if (units.every((unitId) => canWriteUnit(ctx.actor, unitId))) return;
  throw AppError.because(
    'conflict',
    'partner_has_hidden_contracts',
    'A partner to be merged has contracts in business units you cannot edit. Ask an administrator to merge them.',
  );
}

/**
 * Folds duplicates into the survivor: their contracts (recycle bin included) move over, empty
 * fields and missing contacts are taken from them, then they are deleted. One log entry.
 */
export async function merge(ctx: Ctx, survivorId: string, duplicateIds: string[]) {
  requireEdit(ctx);
  const survivor = await get(ctx, survivorId);
  const ids = [...new Set(duplicateIds)];
  if (ids.includes(survivorId)) {
    throw AppError.invalid('duplicateIds', 'self', 'must not contain the partner that is kept');
  }
  const found = await repo.findMany(ctx.tx, ctx.orgId, ids);
  if (found.length !== ids.length) throw AppError.notFound('Partner');
  const duplicates = ids.map((id) => found.find((p) => p.id === id)!);
  await requireWritableContracts(ctx, ids);
  const fields = filled(survivor, duplicates);
  const contacts = unionContacts([survivor.contacts, ...duplicates.map((d) => d.contacts)]);
  const moved = await repo.moveContracts(ctx.tx, ctx.orgId, ids, survivorId);
  await repo.softDeleteMany(ctx.tx, ctx.orgId, ids);
  const row = await repo.update(ctx.tx, ctx.orgId, survivorId, { ...fields, contacts });
  const before = survivor as unknown as Record<string, unknown>;
  await record(ctx, {
    action: 'partner.merged',
    objectType: 'partner',
    objectId: survivorId,
    changes: {
      ...diff(before, fields),
      duplicateIds: { before: null, after: ids },
      duplicateNames: { before: null, after: duplicates.map((d) => d.name) },
    },
    personalChanges: diff(before, { contacts }),
    extra: { movedContractIds: moved },
  });
  return present(ctx, row);
}
