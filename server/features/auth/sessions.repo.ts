import { and, eq, sql } from 'drizzle-orm';
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

export async function deleteUserSessions(tx: Tx, orgId: string, userId: string): Promise<void> {
  await tx.delete(sessions).where(and(eq(sessions.orgId, orgId), eq(sessions.userId, userId)));
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
