import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { webauthnChallenges } from '../../db/schema/index.js';

type Purpose = (typeof webauthnChallenges.$inferSelect)['purpose'];

/** Stores a challenge for the person's session; an earlier one of the session for the same purpose dies. */
export async function storeSessionChallenge(
  tx: Tx,
  row: { userId: string; orgId: string; sessionId: string; purpose: Purpose; challenge: string; expiresAt: Date },
): Promise<void> {
  await tx
    .delete(webauthnChallenges)
    .where(
      and(
        eq(webauthnChallenges.userId, row.userId),
        eq(webauthnChallenges.sessionId, row.sessionId),
        eq(webauthnChallenges.purpose, row.purpose),
      ),
    );
  await tx.insert(webauthnChallenges).values({ id: crypto.randomUUID(), ...row });
}

/** Takes the session's challenge for this purpose (it is gone afterwards); null when there is none or it ran out. */
export async function takeSessionChallenge(
  tx: Tx,
  userId: string,
  sessionId: string,
  purpose: Purpose,
  now: Date,
): Promise<string | null> {
  const rows = await tx
    .delete(webauthnChallenges)
    .where(
      and(
        eq(webauthnChallenges.userId, userId),
        eq(webauthnChallenges.sessionId, sessionId),
        eq(webauthnChallenges.purpose, purpose),
      ),
    )
    .returning();
  const live = rows.find((r) => r.expiresAt > now);
  return live?.challenge ?? null;
}

/** A passwordless sign-in's challenge, bound to the browser by the hash of its cookie (needs the `tokenHash` claim). */
export async function storeBrowserChallenge(
  tx: Tx,
  tokenHash: string,
  challenge: string,
  expiresAt: Date,
): Promise<void> {
  await tx.insert(webauthnChallenges).values({
    id: crypto.randomUUID(),
    purpose: 'passwordless',
    challenge,
    tokenHash,
    expiresAt,
  });
}

export async function takeBrowserChallenge(tx: Tx, tokenHash: string, now: Date): Promise<string | null> {
  const [row] = await tx
    .delete(webauthnChallenges)
    .where(
      and(
        isNull(webauthnChallenges.userId),
        eq(webauthnChallenges.tokenHash, tokenHash),
        eq(webauthnChallenges.purpose, 'passwordless'),
        gt(webauthnChallenges.expiresAt, now),
      ),
    )
    .returning();
  return row?.challenge ?? null;
}

/** Challenges nobody answered in time (the hourly sweep; the policy shows it only those). */
export async function deleteExpiredChallenges(tx: Tx): Promise<number> {
  const rows = await tx.delete(webauthnChallenges).returning({ id: webauthnChallenges.id });
  return rows.length;
}
