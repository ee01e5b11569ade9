import { and, desc, eq, gt, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { sessions } from '../../db/schema/index.js';

export type SessionRow = typeof sessions.$inferSelect;

export async function insertSession(tx: Tx, row: typeof sessions.$inferInsert): Promise<void> {
  await tx.insert(sessions).values(row);
}

/**
 * Finds the session by the hash of its token (needs the `tokenHash` claim) and, in the same
 * statement, claims its org and user for the rest of the transaction: one round trip.
 */
export async function claimSessionByHash(tx: Tx, tokenHash: string): Promise<SessionRow | null> {
  const [row] = await tx
    .select({
      session: sessions,
      claimed: sql`set_config('app.org_id', ${sessions.orgId}::text, true) || set_config('app.user_id', ${sessions.userId}::text, true)`,
    })
    .from(sessions)
    .where(eq(sessions.tokenHash, tokenHash));
  return row?.session ?? null;
}

export async function touchSession(tx: Tx, orgId: string, id: string, expiresAt: Date): Promise<void> {
  await tx
    .update(sessions)
    .set({ lastSeenAt: new Date(), expiresAt })
    .where(and(eq(sessions.orgId, orgId), eq(sessions.id, id)));
}

export async function deleteSession(tx: Tx, orgId: string, id: string): Promise<void> {
  await tx.delete(sessions).where(and(eq(sessions.orgId, orgId), eq(sessions.id, id)));
}

/** Ends every session of the person in this org; returns how many there were. */
export async function deleteUserSessions(tx: Tx, orgId: string, userId: string): Promise<number> {
  const rows = await tx
    .delete(sessions)
    .where(and(eq(sessions.orgId, orgId), eq(sessions.userId, userId)))
    .returning({ id: sessions.id });
  return rows.length;
}

/**
 * The person's live sessions in this org, the most recently used first; a sign-in still waiting
 * for its second factor is no session yet.
 */
export function listUserSessions(tx: Tx, orgId: string, userId: string, now: Date): Promise<SessionRow[]> {
  return tx
    .select()
    .from(sessions)
    .where(
      and(
        eq(sessions.orgId, orgId),
        eq(sessions.userId, userId),
        gt(sessions.expiresAt, now),
        ne(sessions.stage, 'second_factor'),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.createdAt));
}

/** Ends one session of the person in this org; false when it is not theirs or already gone. */
export async function deleteUserSession(tx: Tx, orgId: string, userId: string, id: string): Promise<boolean> {
  const rows = await tx
    .delete(sessions)
    .where(and(eq(sessions.orgId, orgId), eq(sessions.userId, userId), eq(sessions.id, id)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

/** Ends every session of the person in this org but one; returns how many ended. */
export async function deleteOtherSessions(tx: Tx, orgId: string, userId: string, keepId: string): Promise<number> {
  const rows = await tx
    .delete(sessions)
    .where(and(eq(sessions.orgId, orgId), eq(sessions.userId, userId), ne(sessions.id, keepId)))
    .returning({ id: sessions.id });
  return rows.length;
}

/** A pending sign-in becomes a full session (enrolment done), with the expiry of one. */
export async function setSessionStage(
  tx: Tx,
  orgId: string,
  id: string,
  stage: SessionRow['stage'],
  expiresAt: Date,
): Promise<void> {
  await tx
    .update(sessions)
    .set({ stage, expiresAt })
    .where(and(eq(sessions.orgId, orgId), eq(sessions.id, id)));
}

/** Counts a wrong code against a pending sign-in; returns how many it has had. */
export async function countFactorFailure(tx: Tx, orgId: string, id: string): Promise<number> {
  const [row] = await tx
    .update(sessions)
    .set({ factorFailures: sql`${sessions.factorFailures} + 1` })
    .where(and(eq(sessions.orgId, orgId), eq(sessions.id, id)))
    .returning({ failures: sessions.factorFailures });
  return row?.failures ?? 0;
}
