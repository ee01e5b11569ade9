import { and, asc, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { businessUnits, scimGroupMembers, scimGroups, scimUsers, unitRoles } from '../../db/schema/index.js';
import type { UnitRole } from '../../platform/context.js';

export type ScimGroupRow = typeof scimGroups.$inferSelect;

export async function find(tx: Tx, orgId: string, id: string): Promise<ScimGroupRow | null> {
  const [row] = await tx
    .select()
    .from(scimGroups)
    .where(and(eq(scimGroups.orgId, orgId), eq(scimGroups.id, id)));
  return row ?? null;
}

export interface GroupFilter {
  displayName?: string;
  externalId?: string;
  id?: string;
  member?: string;
}

function where(orgId: string, filter: GroupFilter): SQL | undefined {
  return and(
    eq(scimGroups.orgId, orgId),
    filter.displayName === undefined
      ? undefined
      : sql`lower(${scimGroups.displayName}) = ${filter.displayName.toLowerCase()}`,
    filter.externalId === undefined ? undefined : eq(scimGroups.externalId, filter.externalId),
    filter.id === undefined ? undefined : sql`${scimGroups.id}::text = ${filter.id}`,
    filter.member === undefined
      ? undefined
      : sql`exists (select 1 from scim_group_members gm where gm.org_id = scim_groups.org_id
          and gm.group_id = scim_groups.id and gm.user_id::text = ${filter.member})`,
  );
}

export function list(tx: Tx, orgId: string, filter: GroupFilter, offset: number, limit: number) {
  return tx
    .select()
    .from(scimGroups)
    .where(where(orgId, filter))
    .orderBy(asc(scimGroups.createdAt), asc(scimGroups.id))
    .offset(offset)
    .limit(limit);
}

export async function count(tx: Tx, orgId: string, filter: GroupFilter): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(scimGroups).where(where(orgId, filter));
  return row?.n ?? 0;
}

/** Members of the groups, with the name the provider gave them, for `members[].display`. */
export async function membersOf(tx: Tx, orgId: string, groupIds: string[]) {
  if (groupIds.length === 0) return [];
  return tx
    .select({
      groupId: scimGroupMembers.groupId,
      userId: scimGroupMembers.userId,
      display: sql<string>`coalesce(${scimUsers.displayName}, ${scimUsers.userName})`,
    })
    .from(scimGroupMembers)
    .innerJoin(
      scimUsers,
      and(eq(scimUsers.orgId, scimGroupMembers.orgId), eq(scimUsers.userId, scimGroupMembers.userId)),
    )
    .where(and(eq(scimGroupMembers.orgId, orgId), inArray(scimGroupMembers.groupId, groupIds)))
    .orderBy(asc(scimUsers.userName));
}

export async function insert(tx: Tx, row: typeof scimGroups.$inferInsert): Promise<ScimGroupRow> {
  const [created] = await tx.insert(scimGroups).values(row).returning();
  return created!;
}

export async function update(tx: Tx, orgId: string, id: string, patch: Partial<ScimGroupRow>): Promise<ScimGroupRow> {
  const [row] = await tx
    .update(scimGroups)
    .set({ ...patch, version: sql`${scimGroups.version} + 1`, updatedAt: new Date() })
    .where(and(eq(scimGroups.orgId, orgId), eq(scimGroups.id, id)))
    .returning();
  return row!;
}

export async function remove(tx: Tx, orgId: string, id: string): Promise<void> {
  await tx.delete(scimGroups).where(and(eq(scimGroups.orgId, orgId), eq(scimGroups.id, id)));
}

export async function displayNameTaken(tx: Tx, orgId: string, name: string, except?: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: scimGroups.id })
    .from(scimGroups)
    .where(
      and(
        eq(scimGroups.orgId, orgId),
        sql`lower(${scimGroups.displayName}) = ${name.toLowerCase()}`,
        except ? sql`${scimGroups.id} <> ${except}` : undefined,
      ),
    );
  return row !== undefined;
}

export async function memberIds(tx: Tx, orgId: string, groupId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: scimGroupMembers.userId })
    .from(scimGroupMembers)
    .where(and(eq(scimGroupMembers.orgId, orgId), eq(scimGroupMembers.groupId, groupId)));
  return rows.map((r) => r.userId);
}

export async function setMembers(tx: Tx, orgId: string, groupId: string, userIds: string[]): Promise<void> {
  await tx
    .delete(scimGroupMembers)
    .where(and(eq(scimGroupMembers.orgId, orgId), eq(scimGroupMembers.groupId, groupId)));
  if (userIds.length > 0) {
    await tx.insert(scimGroupMembers).values(userIds.map((userId) => ({ orgId, groupId, userId })));
  }
}

/** Which of these ids are SCIM users of the org. */
export async function knownUsers(tx: Tx, orgId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx
    .select({ id: scimUsers.userId })
    .from(scimUsers)
    .where(
      and(
        eq(scimUsers.orgId, orgId),
        sql`${scimUsers.userId}::text in (${sql.join(
          ids.map((i) => sql`${i}`),
          sql`, `,
        )})`,
      ),
    );
  return new Set(rows.map((r) => r.id));
}

/** The roles a person's mapped groups grant, in units that still exist: the stronger role wins. */
export async function grantedRoles(tx: Tx, orgId: string, userId: string): Promise<Record<string, UnitRole>> {
  const rows = await tx
    .select({ unit: scimGroups.businessUnitId, role: scimGroups.role })
    .from(scimGroupMembers)
    .innerJoin(
      scimGroups,
      and(eq(scimGroups.orgId, scimGroupMembers.orgId), eq(scimGroups.id, scimGroupMembers.groupId)),
    )
    .innerJoin(
      businessUnits,
      and(eq(businessUnits.orgId, scimGroups.orgId), eq(businessUnits.id, scimGroups.businessUnitId)),
    )
    .where(and(eq(scimGroupMembers.orgId, orgId), eq(scimGroupMembers.userId, userId), isNotNull(scimGroups.role)));
  const roles: Record<string, UnitRole> = {};
  for (const { unit, role } of rows) {
    if (unit && role && roles[unit] !== 'editor') roles[unit] = role;
  }
  return roles;
}

export function rolesWithSource(tx: Tx, orgId: string, userId: string) {
  return tx
    .select({ unit: unitRoles.businessUnitId, role: unitRoles.role, source: unitRoles.source })
    .from(unitRoles)
    .where(and(eq(unitRoles.orgId, orgId), eq(unitRoles.userId, userId)));
}

export async function putRole(tx: Tx, orgId: string, userId: string, unit: string, role: UnitRole | null) {
  const key = and(eq(unitRoles.orgId, orgId), eq(unitRoles.userId, userId), eq(unitRoles.businessUnitId, unit));
  if (role === null) await tx.delete(unitRoles).where(key);
  else
    await tx
      .insert(unitRoles)
      .values({ orgId, userId, businessUnitId: unit, role, source: 'scim' })
      .onConflictDoUpdate({ target: [unitRoles.orgId, unitRoles.userId, unitRoles.businessUnitId], set: { role } });
}
