import { and, asc, eq, gt, ilike, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { businessUnits, memberships, orgs, unitRoles, users } from '../../db/schema/index.js';
import type { UnitRole } from '../../platform/context.js';

export type UserRow = typeof users.$inferSelect;
export type MembershipRow = typeof memberships.$inferSelect;

/**
 * A member's name as this account knows it. Until they accept, that is the name on the account's
 * own invitation (or the e-mail's local part, as for someone new), never the name the person
 * uses elsewhere: inviting an address reveals nothing of another account, and renames there do
 * not show here. Null for someone who is not (or no longer) a member. `userId` must be
 * qualified SQL (e.g. sql`contracts.owner_id`): an unqualified column would bind inside.
 */
export function memberName(orgId: string | SQL, userId: SQL): SQL<string | null> {
  return sql<string | null>`(select case when mn_m.status = 'invited'
      then coalesce((select mn_i.name from invitations mn_i where mn_i.org_id = mn_m.org_id
        and mn_i.user_id = mn_m.user_id and mn_i.accepted_at is null order by mn_i.created_at desc limit 1),
        split_part(mn_u.email, '@', 1))
      else mn_u.name end
    from memberships mn_m join users mn_u on mn_u.id = mn_m.user_id
    where mn_m.org_id = ${orgId} and mn_m.user_id = ${userId})`;
}

/** Needs the `email` claim (or the user in the current org). */
export async function findUserByEmail(tx: Tx, email: string): Promise<UserRow | null> {
  const [row] = await tx.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return row ?? null;
}

export async function findUser(tx: Tx, id: string): Promise<UserRow | null> {
  const [row] = await tx.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function insertUser(tx: Tx, row: typeof users.$inferInsert): Promise<UserRow> {
  const [created] = await tx.insert(users).values(row).returning();
  return created!;
}

export async function updateUser(tx: Tx, id: string, patch: Partial<typeof users.$inferInsert>): Promise<UserRow> {
  const [row] = await tx
    .update(users)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  return row!;
}

export async function findOrg(tx: Tx, orgId: string) {
  const [row] = await tx.select().from(orgs).where(eq(orgs.id, orgId));
  return row ?? null;
}

/** Memberships of a user across orgs (needs the `userId` claim). */
export function membershipsOfUser(tx: Tx, userId: string) {
  return tx
    .select()
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .orderBy(sql`${memberships.lastSignInAt} desc nulls last`, asc(memberships.createdAt));
}

/** A member with the name this account knows them by (`memberName`) in place of their own. */
export async function findMember(tx: Tx, orgId: string, userId: string) {
  const [row] = await tx
    .select({ membership: memberships, user: users, name: memberName(orgId, sql`memberships.user_id`) })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return row ? { membership: row.membership, user: { ...row.user, name: row.name ?? row.user.name } } : null;
}

export async function findMembership(tx: Tx, orgId: string, userId: string): Promise<MembershipRow | null> {
  const [row] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return row ?? null;
}

export async function insertMembership(tx: Tx, row: typeof memberships.$inferInsert) {
  await tx.insert(memberships).values(row);
}

export async function updateMembership(tx: Tx, orgId: string, userId: string, patch: Partial<MembershipRow>) {
  const [row] = await tx
    .update(memberships)
    .set(patch)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
    .returning();
  return row!;
}

export async function deleteMembership(tx: Tx, orgId: string, userId: string): Promise<void> {
  await tx.delete(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
}

/** Active, unlocked administrators: the ones who can still run the account. */
export async function countActiveAdmins(tx: Tx, orgId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(
      and(
        eq(memberships.orgId, orgId),
        eq(memberships.isAdmin, true),
        eq(memberships.status, 'active'),
        isNull(memberships.lockedAt),
      ),
    );
  return row?.n ?? 0;
}

/**
 * A member's unit roles as one JSON object, in a query over `memberships`. Outer columns are
 * spelled out: drizzle renders \${column} unqualified, which would bind to r.
 */
export function memberRoles(): SQL<Record<string, UnitRole>> {
  return sql<Record<string, UnitRole>>`coalesce((select json_object_agg(r.business_unit_id, r.role)
    from unit_roles r where r.org_id = memberships.org_id and r.user_id = memberships.user_id), '{}'::json)`;
}

/** Membership, person and unit roles in one query: what a request needs to know of its caller. */
export async function findMemberWithRoles(tx: Tx, orgId: string, userId: string) {
  const [row] = await tx
    .select({
      membership: memberships,
      user: users,
      roles: memberRoles(),
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return row ?? null;
}

/** The org with its business units ordered by name, in one query. */
export async function findOrgWithUnits(tx: Tx, orgId: string) {
  const [row] = await tx
    .select({
      id: orgs.id,
      name: orgs.name,
      units: sql<{ id: string; name: string }[]>`coalesce((select json_agg(json_build_object('id', b.id, 'name', b.name)
        order by lower(b.name)) from business_units b where b.org_id = orgs.id), '[]'::json)`,
    })
    .from(orgs)
    .where(eq(orgs.id, orgId));
  return row ?? null;
}

export async function unitRolesOf(tx: Tx, orgId: string, userId: string): Promise<Record<string, UnitRole>> {
  const rows = await tx
    .select({ businessUnitId: unitRoles.businessUnitId, role: unitRoles.role })
    .from(unitRoles)
    .where(and(eq(unitRoles.orgId, orgId), eq(unitRoles.userId, userId)));
  return Object.fromEntries(rows.map((r) => [r.businessUnitId, r.role]));
}

/**
 * Sets a member's roles by hand. A role a mapped SCIM group granted stays the group's while it is
 * left as it was; one the administrator changes becomes theirs (docs/security.md, SCIM).
 */
export async function replaceUnitRoles(tx: Tx, orgId: string, userId: string, roles: Record<string, UnitRole>) {
  const mine = and(eq(unitRoles.orgId, orgId), eq(unitRoles.userId, userId));
  const granted = await tx
    .select({ businessUnitId: unitRoles.businessUnitId, role: unitRoles.role })
    .from(unitRoles)
    .where(and(mine, eq(unitRoles.source, 'scim')));
  await tx.delete(unitRoles).where(mine);
  const source = (unit: string, role: UnitRole) =>
    granted.some((g) => g.businessUnitId === unit && g.role === role) ? ('scim' as const) : ('manual' as const);
  const rows = Object.entries(roles).map(([businessUnitId, role]) => ({
    orgId,
    userId,
    businessUnitId,
    role,
    source: source(businessUnitId, role),
  }));
  if (rows.length > 0) await tx.insert(unitRoles).values(rows);
}

export interface OrgUserRow {
  user: UserRow;
  membership: MembershipRow;
}

/** Members by the name this account knows them by, then id; the cursor is the last (name, id) seen. */
export async function listMembers(tx: Tx, orgId: string, limit: number, after?: [string, string]) {
  const name = memberName(orgId, sql`memberships.user_id`);
  const order = sql`lower(${name})`;
  const where = after
    ? and(eq(memberships.orgId, orgId), or(gt(order, after[0]), and(eq(order, after[0]), gt(users.id, after[1]))))
    : eq(memberships.orgId, orgId);
  const rows = await tx
    .select({ user: users, membership: memberships, name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(where)
    .orderBy(order, asc(users.id))
    .limit(limit);
  const roles = rows.length
    ? await tx
        .select()
        .from(unitRoles)
        .where(
          and(
            eq(unitRoles.orgId, orgId),
            sql`${unitRoles.userId} in (${sql.join(
              rows.map((r) => sql`${r.user.id}`),
              sql`, `,
            )})`,
          ),
        )
    : [];
  return rows.map((r) => ({
    membership: r.membership,
    user: { ...r.user, name: r.name ?? r.user.name },
    roles: Object.fromEntries(roles.filter((x) => x.userId === r.user.id).map((x) => [x.businessUnitId, x.role])),
  }));
}

export async function businessUnitIds(tx: Tx, orgId: string): Promise<string[]> {
  const rows = await tx.select({ id: businessUnits.id }).from(businessUnits).where(eq(businessUnits.orgId, orgId));
  return rows.map((r) => r.id);
}

/** Active, unlocked members by name; `q` matches part of the name or e-mail. */
export function directory(tx: Tx, orgId: string, q: string | undefined, limit: number) {
  const escaped = q?.replace(/[\\%_]/g, (c) => `\\${c}`);
  return tx
    .select({ id: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.orgId, orgId),
        eq(memberships.status, 'active'),
        isNull(memberships.lockedAt),
        escaped ? or(ilike(users.name, `%${escaped}%`), ilike(users.email, `%${escaped}%`)) : undefined,
      ),
    )
    .orderBy(sql`lower(${users.name})`, asc(users.id))
    .limit(limit);
}
