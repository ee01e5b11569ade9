import type { Tx } from '../../db/client.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { requireAdmin } from '../access/access.policy.js';
import { record } from '../audit/audit.service.js';

interface Entry {
  id: string;
  name: string;
}

/** What renaming and deleting need of an admin-managed list of names (categories, organizational units). */
export interface NamedList<Row extends Entry> {
  objectType: 'category' | 'org_unit';
  /** "Category", as in "Category was not found". */
  label: string;
  /** How a contract is moved off an entry before it can go ("Re-file them first."). */
  moveHint: string;
  /** The answer when another entry already has `name`. */
  taken: (name: string) => AppError;
  find(tx: Tx, orgId: string, id: string): Promise<Row | null>;
  /** The entry of that name in the same list as `row`, if any. */
  clash(tx: Tx, orgId: string, row: Row, name: string): Promise<string | null>;
  rename(tx: Tx, orgId: string, id: string, name: string): Promise<Row>;
  countContracts(tx: Tx, orgId: string, id: string): Promise<number>;
  remove(tx: Tx, orgId: string, id: string): Promise<void>;
}

export async function getEntry<Row extends Entry>(ctx: Ctx, list: NamedList<Row>, id: string): Promise<Row> {
  const row = await list.find(ctx.tx, ctx.orgId, id);
  if (!row) throw AppError.notFound(list.label);
  return row;
}

/** Administrators only; names stay unique within their list. */
export async function renameEntry<Row extends Entry>(ctx: Ctx, list: NamedList<Row>, id: string, name: string) {
  requireAdmin(ctx);
  const before = await getEntry(ctx, list, id);
  const clash = await list.clash(ctx.tx, ctx.orgId, before, name);
  if (clash && clash !== id) throw list.taken(name);
  if (before.name === name) return before;
  const row = await list.rename(ctx.tx, ctx.orgId, id, name);
  await record(ctx, {
    action: `${list.objectType}.updated`,
    objectType: list.objectType,
    objectId: id,
    changes: { name: { before: before.name, after: name } },
  });
  return row;
}

/** Administrators only; refused while any contract (recycle bin included) uses the entry. */
export async function removeEntry<Row extends Entry>(
  ctx: Ctx,
  list: NamedList<Row>,
  id: string,
  extraChanges: (row: Row) => Record<string, { before: unknown; after: unknown }> = () => ({}),
) {
  requireAdmin(ctx);
  const row = await getEntry(ctx, list, id);
  const used = await list.countContracts(ctx.tx, ctx.orgId, id);
  if (used > 0) {
    throw AppError.because(
      'conflict',
      `${list.objectType}_in_use`,
      `This ${list.label.toLowerCase()} is used by ${used} contract(s) (some perhaps in the recycle bin). ${list.moveHint}`,
      { count: used },
    );
  }
  await list.remove(ctx.tx, ctx.orgId, id);
  await record(ctx, {
    action: `${list.objectType}.deleted`,
    objectType: list.objectType,
    objectId: id,
    changes: { name: { before: row.name, after: null }, ...extraChanges(row) },
  });
}
