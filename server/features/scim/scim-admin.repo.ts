import { and, asc, eq, gt, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { scimGroups } from '../../db/schema/index.js';

export { memberIds as memberIdsOf } from './scim-groups.repo.js';

const memberCount = sql<number>`(select count(*)::int from scim_group_members gm
  where gm.org_id = scim_groups.org_id and gm.group_id = scim_groups.id)`;
/** A mapping to a unit since deleted reads as no mapping. */
const unitExists = sql`exists (select 1 from business_units b where b.org_id = scim_groups.org_id and b.id = scim_groups.business_unit_id)`;

const columns = {
  id: scimGroups.id,
  displayName: scimGroups.displayName,
  memberCount,
  businessUnitId: sql<string | null>`case when ${unitExists} then ${scimGroups.businessUnitId} end`,
  role: sql<'editor' | 'viewer' | null>`case when ${unitExists} then ${scimGroups.role} end`,
};

/** Groups by name, then id; the cursor is the last (lower-cased name, id) seen. */
export function listWithCounts(tx: Tx, orgId: string, limit: number, after?: [string, string]) {
  const order = sql`lower(${scimGroups.displayName})`;
  return tx
    .select(columns)
    .from(scimGroups)
    .where(
      and(
        eq(scimGroups.orgId, orgId),
        after ? or(gt(order, after[0]), and(eq(order, after[0]), gt(scimGroups.id, after[1]))) : undefined,
      ),
    )
    .orderBy(order, asc(scimGroups.id))
    .limit(limit);
}

export async function findWithCount(tx: Tx, orgId: string, id: string) {
  const [row] = await tx
    .select(columns)
    .from(scimGroups)
    .where(and(eq(scimGroups.orgId, orgId), eq(scimGroups.id, id)));
  return row ?? null;
}

export async function setMapping(
  tx: Tx,
  orgId: string,
  id: string,
  businessUnitId: string | null,
  role: 'editor' | 'viewer' | null,
) {
  await tx
    .update(scimGroups)
    .set({ businessUnitId, role, updatedAt: new Date() })
    .where(and(eq(scimGroups.orgId, orgId), eq(scimGroups.id, id)));
}
