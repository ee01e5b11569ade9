import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { businessUnits, categories, memberships, unitRoles, users } from '../../db/schema/index.js';
import type { UnitRole } from '../../platform/context.js';
import { memberRoles } from '../users/users.repo.js';

/** An active (accepted, not locked) member, with what the approval rules and the mails need. */
export interface Person {
  id: string;
  name: string;
  email: string;
  locale: 'en' | 'de';
  isAdmin: boolean;
  roles: Record<string, UnitRole>;
}

const personColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  locale: users.locale,
  isAdmin: memberships.isAdmin,
  roles: memberRoles(),
};

const active = (orgId: string) =>
  and(eq(memberships.orgId, orgId), eq(memberships.status, 'active'), isNull(memberships.lockedAt));

export async function activeMembers(tx: Tx, orgId: string, ids: string[]): Promise<Person[]> {
  if (ids.length === 0) return [];
  return tx
    .select(personColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(active(orgId), inArray(memberships.userId, ids)));
}

/** The unit's current Editors (an explicit Editor role; administrators answer only where they hold one). */
export async function unitEditors(tx: Tx, orgId: string, unitId: string): Promise<Person[]> {
  return tx
    .select(personColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        active(orgId),
        sql`exists (select 1 from ${unitRoles} r where r.org_id = ${orgId} and r.user_id = ${memberships.userId}
          and r.business_unit_id = ${unitId} and r.role = 'editor')`,
      ),
    )
    .orderBy(users.name);
}

export async function existingUnits(tx: Tx, orgId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx
    .select({ id: businessUnits.id })
    .from(businessUnits)
    .where(and(eq(businessUnits.orgId, orgId), inArray(businessUnits.id, ids)));
  return new Set(rows.map((r) => r.id));
}

export async function contractCategoryExists(tx: Tx, orgId: string, id: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: categories.id })
    .from(categories)
    .where(and(eq(categories.orgId, orgId), eq(categories.id, id), eq(categories.kind, 'contract')));
  return Boolean(row);
}
