import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { businessUnits, categories, memberships, orgUnits, partners, users } from '../../db/schema/index.js';
import { memberName } from '../users/users.repo.js';

export type NameKind = 'partner' | 'category' | 'orgUnit' | 'businessUnit' | 'user';

/** Display names of a page's referenced objects, in one query per kind. */
export async function namesByIds(tx: Tx, orgId: string, kind: NameKind, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  let rows: { id: string; name: string }[];
  switch (kind) {
    case 'partner':
      rows = await tx
        .select({ id: partners.id, name: partners.name })
        .from(partners)
        .where(and(eq(partners.orgId, orgId), inArray(partners.id, ids)));
      break;
    case 'category':
      rows = await tx
        .select({ id: categories.id, name: categories.name })
        .from(categories)
        .where(and(eq(categories.orgId, orgId), inArray(categories.id, ids)));
      break;
    case 'orgUnit':
      rows = await tx
        .select({ id: orgUnits.id, name: orgUnits.name })
        .from(orgUnits)
        .where(and(eq(orgUnits.orgId, orgId), inArray(orgUnits.id, ids)));
      break;
    case 'businessUnit':
      rows = await tx
        .select({ id: businessUnits.id, name: businessUnits.name })
        .from(businessUnits)
        .where(and(eq(businessUnits.orgId, orgId), inArray(businessUnits.id, ids)));
      break;
    case 'user':
      // An invitee goes by the invitation's name here, as everywhere in the account (users.repo memberName).
      rows = await tx
        .select({ id: memberships.userId, name: sql<string>`${memberName(orgId, sql`memberships.user_id`)}` })
        .from(memberships)
        .where(and(eq(memberships.orgId, orgId), inArray(memberships.userId, ids)));
      break;
  }
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Lower-cased name → id of every live partner, contract category, org unit and business unit (for imports). */
export async function namedIds(tx: Tx, orgId: string) {
  // One after another: a transaction's client runs one statement at a time anyway.
  const p = await tx
    .select({ id: partners.id, name: partners.name })
    .from(partners)
    .where(and(eq(partners.orgId, orgId), isNull(partners.deletedAt)));
  const c = await tx
    .select({ id: categories.id, name: categories.name })
    .from(categories)
    .where(and(eq(categories.orgId, orgId), eq(categories.kind, 'contract')));
  const o = await tx.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.orgId, orgId));
  const b = await tx
    .select({ id: businessUnits.id, name: businessUnits.name })
    .from(businessUnits)
    .where(eq(businessUnits.orgId, orgId));
  const u = await tx
    .select({ id: users.id, name: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, orgId));
  const index = (rows: { id: string; name: string }[]) => new Map(rows.map((r) => [r.name.trim().toLowerCase(), r.id]));
  return { partner: index(p), category: index(c), orgUnit: index(o), businessUnit: index(b), userByEmail: index(u) };
}
