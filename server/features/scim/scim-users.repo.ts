import { and, asc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { memberships, scimUsers } from '../../db/schema/index.js';

export type ScimUserRow = typeof scimUsers.$inferSelect;
export interface ScimUserWithState {
  row: ScimUserRow;
  active: boolean;
}

const select = (tx: Tx) =>
  tx
    .select({ row: scimUsers, active: sql<boolean>`${isNull(memberships.lockedAt)}` })
    .from(scimUsers)
    .innerJoin(memberships, and(eq(memberships.orgId, scimUsers.orgId), eq(memberships.userId, scimUsers.userId)));

export async function find(tx: Tx, orgId: string, userId: string): Promise<ScimUserWithState | null> {
  const [row] = await select(tx).where(and(eq(scimUsers.orgId, orgId), eq(scimUsers.userId, userId)));
  return row ?? null;
}

export interface UserFilter {
  userName?: string;
  externalId?: string;
}

function where(orgId: string, filter: UserFilter): SQL | undefined {
  return and(
    eq(scimUsers.orgId, orgId),
    filter.userName === undefined ? undefined : sql`lower(${scimUsers.userName}) = ${filter.userName.toLowerCase()}`,
    filter.externalId === undefined ? undefined : eq(scimUsers.externalId, filter.externalId),
  );
}

/** A page in creation order; `offset` is startIndex - 1. */
export function list(tx: Tx, orgId: string, filter: UserFilter, offset: number, limit: number) {
  return select(tx)
    .where(where(orgId, filter))
    .orderBy(asc(scimUsers.createdAt), asc(scimUsers.userId))
    .offset(offset)
    .limit(limit);
}

export async function count(tx: Tx, orgId: string, filter: UserFilter): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(scimUsers).where(where(orgId, filter));
  return row?.n ?? 0;
}

export async function insert(tx: Tx, row: typeof scimUsers.$inferInsert): Promise<ScimUserRow> {
  const [created] = await tx.insert(scimUsers).values(row).returning();
  return created!;
}

/** Writes the attributes and counts the version up (the ETag). */
export async function update(tx: Tx, orgId: string, userId: string, patch: Partial<ScimUserRow>): Promise<ScimUserRow> {
  const [row] = await tx
    .update(scimUsers)
    .set({ ...patch, version: sql`${scimUsers.version} + 1`, updatedAt: new Date() })
    .where(and(eq(scimUsers.orgId, orgId), eq(scimUsers.userId, userId)))
    .returning();
  return row!;
}

/** Whether another SCIM user of the org already has this userName. */
export async function userNameTaken(tx: Tx, orgId: string, userName: string, except?: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: scimUsers.userId })
    .from(scimUsers)
    .where(
      and(
        eq(scimUsers.orgId, orgId),
        sql`lower(${scimUsers.userName}) = ${userName.toLowerCase()}`,
        except ? sql`${scimUsers.userId} <> ${except}` : undefined,
      ),
    );
  return row !== undefined;
}
