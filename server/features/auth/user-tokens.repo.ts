import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { userTokens } from '../../db/schema/index.js';
import { hashToken, newToken } from '../../platform/crypto/tokens.js';

type Kind = (typeof userTokens.$inferSelect)['kind'];

/**
 * Issues a one-time link token (needs the `userId` claim); returns the secret to mail. A link
 * that ends a session names it.
 */
export async function issueUserToken(
  tx: Tx,
  userId: string,
  kind: Kind,
  ttlMs: number,
  session?: { orgId: string; sessionId: string },
): Promise<string> {
  const token = newToken();
  await tx.insert(userTokens).values({
    id: crypto.randomUUID(),
    userId,
    kind,
    tokenHash: hashToken(token),
    expiresAt: new Date(Date.now() + ttlMs),
    orgId: session?.orgId ?? null,
    sessionId: session?.sessionId ?? null,
  });
  return token;
}

/** Marks a valid, unused token used and returns its user; needs the `tokenHash` claim. */
export async function consumeUserToken(tx: Tx, token: string, kind: Kind): Promise<string | null> {
  return (await consumeUserTokenRow(tx, token, kind))?.userId ?? null;
}

/** Like consumeUserToken, with the session a link names. */
export async function consumeUserTokenRow(tx: Tx, token: string, kind: Kind) {
  const [row] = await tx
    .update(userTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(userTokens.tokenHash, hashToken(token)),
        eq(userTokens.kind, kind),
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, new Date()),
      ),
    )
    .returning({ userId: userTokens.userId, orgId: userTokens.orgId, sessionId: userTokens.sessionId });
  return row ?? null;
}

/** Marks every unused token of that kind of the person used (needs the `userId` claim). */
export async function voidUserTokens(tx: Tx, userId: string, kind: Kind): Promise<void> {
  await tx
    .update(userTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(userTokens.userId, userId), eq(userTokens.kind, kind), isNull(userTokens.usedAt)));
}
