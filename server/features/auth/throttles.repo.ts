import { and, eq, gt, inArray, max, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { signInThrottles } from '../../db/schema/index.js';

/** The later end of any block on these counters of the caller's address (needs the `ip` claim). */
export async function blockedUntil(tx: Tx, ip: string, accountKeys: string[], now: Date): Promise<Date | null> {
  const [row] = await tx
    .select({ until: max(signInThrottles.blockedUntil) })
    .from(signInThrottles)
    .where(
      and(
        eq(signInThrottles.ip, ip),
        inArray(signInThrottles.accountKey, accountKeys),
        gt(signInThrottles.blockedUntil, now),
      ),
    );
  return row?.until ? new Date(row.until) : null;
}

/** Counts one failure, starting afresh when the last one is older than `forgetBefore`; returns the count. */
export async function countFailure(tx: Tx, ip: string, accountKey: string, now: Date, forgetBefore: Date) {
  const stale = sql`${signInThrottles.lastFailedAt} < ${forgetBefore.toISOString()}::timestamptz`;
  const [row] = await tx
    .insert(signInThrottles)
    .values({ ip, accountKey, failures: 1, lastFailedAt: now })
    .onConflictDoUpdate({
      target: [signInThrottles.ip, signInThrottles.accountKey],
      set: {
        failures: sql`case when ${stale} then 1 else ${signInThrottles.failures} + 1 end`,
        blockedUntil: sql`case when ${stale} then null else ${signInThrottles.blockedUntil} end`,
        lastFailedAt: now,
      },
    })
    .returning({ failures: signInThrottles.failures });
  return row!.failures;
}

export async function block(tx: Tx, ip: string, accountKey: string, until: Date): Promise<void> {
  await tx
    .update(signInThrottles)
    .set({ blockedUntil: until })
    .where(and(eq(signInThrottles.ip, ip), eq(signInThrottles.accountKey, accountKey)));
}

export async function forget(tx: Tx, ip: string, accountKey: string): Promise<void> {
  await tx.delete(signInThrottles).where(and(eq(signInThrottles.ip, ip), eq(signInThrottles.accountKey, accountKey)));
}
