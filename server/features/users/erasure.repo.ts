import { and, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../db/client.js';
import { calendarFeeds, deliveries, erasedMembers, invitations, ssoConnections, users } from '../../db/schema/index.js';

/** Records the erasure; a person erased here before (and invited again since) keeps their first pseudonym. */
export async function insertErased(
  tx: Tx,
  row: { orgId: string; userId: string; pseudonym: string; erasedBy: string | null },
): Promise<string> {
  await tx.insert(erasedMembers).values(row).onConflictDoNothing();
  return (await pseudonymsOf(tx, row.orgId, [row.userId])).get(row.userId)!;
}

/** The pseudonyms of those of `ids` the org erased. */
export async function pseudonymsOf(tx: Tx, orgId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: erasedMembers.userId, pseudonym: erasedMembers.pseudonym })
    .from(erasedMembers)
    .where(and(eq(erasedMembers.orgId, orgId), inArray(erasedMembers.userId, ids)));
  return new Map(rows.map((r) => [r.id, r.pseudonym]));
}

/**
 * Reminder mails to the person keep their history under the pseudonymous address; those not yet
 * sent will not be (they fail with the reason). Returns how many rows changed.
 */
export async function pseudonymiseDeliveries(tx: Tx, orgId: string, userId: string, address: string) {
  const rows = await tx
    .update(deliveries)
    .set({
      recipientEmail: address,
      status: sql`case when ${deliveries.status} in ('queued', 'held', 'retrying') then 'failed' else ${deliveries.status} end`,
      lastError: sql`case when ${deliveries.status} in ('queued', 'held', 'retrying') then 'The recipient was erased.' else ${deliveries.lastError} end`,
    })
    .where(and(eq(deliveries.orgId, orgId), eq(deliveries.recipientUserId, userId)))
    .returning({ id: deliveries.id });
  return rows.length;
}

/** Every invitation (accepted ones keep the name the administrator typed) and calendar feed of the person here. */
export async function deleteTraces(tx: Tx, orgId: string, userId: string): Promise<void> {
  await tx.delete(invitations).where(and(eq(invitations.orgId, orgId), eq(invitations.userId, userId)));
  await tx.delete(calendarFeeds).where(and(eq(calendarFeeds.orgId, orgId), eq(calendarFeeds.userId, userId)));
  await tx
    .update(ssoConnections)
    .set({ breakGlassUserIds: sql`array_remove(${ssoConnections.breakGlassUserIds}, ${userId}::uuid)` })
    .where(and(eq(ssoConnections.orgId, orgId), sql`${userId}::uuid = any(${ssoConnections.breakGlassUserIds})`));
}

/** Needs the person's own `userId` claim, under which all their memberships are visible. */
export async function otherMemberships(tx: Tx, orgId: string, userId: string): Promise<number> {
  const result = await tx.execute(
    sql`select count(*)::int as n from memberships where user_id = ${userId} and org_id <> ${orgId}`,
  );
  return rowsOf<{ n: number }>(result)[0]?.n ?? 0;
}

/** Needs the person's own `userId` claim; their factors, sessions, tokens and devices go with the row. */
export async function deleteUser(tx: Tx, userId: string): Promise<void> {
  await tx.delete(users).where(eq(users.id, userId));
}
