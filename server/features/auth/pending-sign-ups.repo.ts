import { and, eq, lte, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { pendingSignUps } from '../../db/schema/index.js';

export type PendingSignUp = typeof pendingSignUps.$inferSelect;

const sameAddress = (email: string) => sql`lower(${pendingSignUps.email}) = ${email.toLowerCase()}`;

/** Needs the `email` claim. */
export async function insertPendingSignUp(tx: Tx, row: typeof pendingSignUps.$inferInsert): Promise<void> {
  await tx.insert(pendingSignUps).values(row);
}

/** Removes and returns the sign-up the token names (needs the `tokenHash` claim). */
export async function takePendingSignUp(tx: Tx, tokenHash: string): Promise<PendingSignUp | null> {
  const [row] = await tx.delete(pendingSignUps).where(eq(pendingSignUps.tokenHash, tokenHash)).returning();
  return row ?? null;
}

/** Needs the `email` claim; `before` limits it to the expired ones. */
export async function deletePendingSignUps(tx: Tx, email: string, before?: Date): Promise<void> {
  const expired = before ? lte(pendingSignUps.expiresAt, before) : undefined;
  await tx.delete(pendingSignUps).where(and(sameAddress(email), expired));
}
