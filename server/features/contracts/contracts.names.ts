import type { ContractListItem } from '../../../common/schemas/contracts.js';
import type { Ctx } from '../../platform/context.js';
import { type NameKind, namesByIds } from '../exports/grid-lookups.repo.js';
import type { ContractRow } from './contracts.repo.js';

const ids = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))];

/**
 * The display names a page of rows refers to, fetched once per kind for the whole page — so the
 * grid needs no request per partner or person.
 */
export async function rowNames(ctx: Ctx, rows: ContractRow[]) {
  const lookup = async (kind: NameKind, values: (string | null)[]) => namesByIds(ctx.tx, ctx.orgId, kind, ids(values));
  // One after another: a transaction's client runs one statement at a time anyway.
  const partner = await lookup(
    'partner',
    rows.map((r) => r.partnerId),
  );
  const user = await lookup(
    'user',
    rows.flatMap((r) => [r.ownerId, r.backupOwnerId]),
  );
  const unit = await lookup(
    'businessUnit',
    rows.map((r) => r.businessUnitId),
  );
  const category = await lookup(
    'category',
    rows.map((r) => r.categoryId),
  );
  const orgUnit = await lookup(
    'orgUnit',
    rows.map((r) => r.orgUnitId),
  );
  const get = (map: Map<string, string>, id: string | null) => (id === null ? null : (map.get(id) ?? null));
  return (r: ContractRow): ContractListItem['names'] => ({
    partner: get(partner, r.partnerId),
    owner: get(user, r.ownerId),
    backupOwner: get(user, r.backupOwnerId),
    businessUnit: get(unit, r.businessUnitId),
    category: get(category, r.categoryId),
    orgUnit: get(orgUnit, r.orgUnitId),
  });
}
