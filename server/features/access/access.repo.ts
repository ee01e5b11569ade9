import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { apiKeys, memberships, users } from '../../db/schema/index.js';
import { memberName, memberRoles } from '../users/users.repo.js';

/** Every member (invited and locked ones too) with the name this account knows and their unit roles. */
export function membersWithRoles(tx: Tx, orgId: string) {
  return tx
    .select({
      membership: memberships,
      user: { id: users.id, email: users.email },
      name: memberName(orgId, sql`memberships.user_id`),
      roles: memberRoles(),
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, orgId))
    .orderBy(asc(users.id));
}

/** Keys that still work; revoked ones can read nothing. */
export function liveApiKeys(tx: Tx, orgId: string) {
  return tx
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.orgId, orgId), isNull(apiKeys.revokedAt)));
}
