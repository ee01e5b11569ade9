import { and, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { smsCodes } from '../../db/schema/index.js';

export type SmsCodeRow = typeof smsCodes.$inferSelect;

/**
 * When the person's texts of the last hour were sent, newest first (older rows are dropped here).
 * Holds the person's SMS lock to the end of the transaction: two requests at once cannot both pass the limit.
 */
export async function recentSends(tx: Tx, userId: string, now: Date): Promise<Date[]> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('sms-codes'), hashtext(${userId}))`);
  const hourAgo = new Date(now.getTime() - 3_600_000);
  await tx.delete(smsCodes).where(and(eq(smsCodes.userId, userId), lt(smsCodes.createdAt, hourAgo)));
  const rows = await tx
    .select({ createdAt: smsCodes.createdAt })
    .from(smsCodes)
    .where(eq(smsCodes.userId, userId))
    .orderBy(desc(smsCodes.createdAt));
  return rows.map((r) => r.createdAt);
}

/** A new code replaces the live ones of the same purpose: only the latest text counts. */
export async function insertCode(tx: Tx, row: typeof smsCodes.$inferInsert & { createdAt: Date }): Promise<void> {
  await tx
    .update(smsCodes)
    .set({ expiresAt: row.createdAt })
    .where(
      and(
        eq(smsCodes.userId, row.userId),
        eq(smsCodes.purpose, row.purpose),
        isNull(smsCodes.usedAt),
        gt(smsCodes.expiresAt, row.createdAt),
      ),
    );
  await tx.insert(smsCodes).values(row);
}

/** The live code of this purpose (for this factor, when given): not used, not expired, tries left. */
export async function findLiveCode(
  tx: Tx,
  userId: string,
  purpose: SmsCodeRow['purpose'],
  factorId: string | null,
  now: Date,
  tries: number,
): Promise<SmsCodeRow | null> {
  const [row] = await tx
    .select()
    .from(smsCodes)
    .where(
      and(
        eq(smsCodes.userId, userId),
        eq(smsCodes.purpose, purpose),
        factorId ? eq(smsCodes.factorId, factorId) : undefined,
        isNull(smsCodes.usedAt),
        gt(smsCodes.expiresAt, now),
        lt(smsCodes.attempts, tries),
      ),
    )
    .orderBy(desc(smsCodes.createdAt))
    .limit(1);
  return row ?? null;
}

export async function countWrongTry(tx: Tx, id: string): Promise<void> {
  await tx
    .update(smsCodes)
    .set({ attempts: sql`${smsCodes.attempts} + 1` })
    .where(eq(smsCodes.id, id));
}

/** Spends the code; false when a racing request spent it first. */
export async function spendCode(tx: Tx, id: string, now: Date): Promise<boolean> {
  const rows = await tx
    .update(smsCodes)
    .set({ usedAt: now })
    .where(and(eq(smsCodes.id, id), isNull(smsCodes.usedAt)))
    .returning({ id: smsCodes.id });
  return rows.length === 1;
}
