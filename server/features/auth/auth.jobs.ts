import { lt } from 'drizzle-orm';
import { idempotencyKeys, pendingSignUps, sessions, signInThrottles, ssoSignIns } from '../../db/schema/index.js';
import { type Deps, transact } from '../../platform/context.js';
import type { JobDefinition } from '../../platform/jobs/job.js';
import { deleteExpiredChallenges } from '../factors/webauthn-challenges.repo.js';

/**
 * Deletes what sign-up and sign-in leave behind once it has run out: pending sign-ups past their
 * link's expiry (an address and a password hash nobody confirmed), throttle counters that no
 * longer count, sessions past their expiry (sign-ins that never got their second factor
 * included), passkey challenges nobody answered, single sign-ons that came back or ran out, and
 * answers kept for an Idempotency-Key past their 24 hours.
 * Row-level security lets the `sweep` claim reach only such rows (migrations 0019, 0028, 0030, 0031, 0041).
 */
export async function sweepExpiredAuth(deps: Deps): Promise<{
  signUps: number;
  throttles: number;
  sessions: number;
  challenges: number;
  ssoSignIns: number;
  idempotencyKeys: number;
}> {
  return transact(deps, { sweep: 'expired' }, async (tx) => {
    const signUps = await tx
      .delete(pendingSignUps)
      .where(lt(pendingSignUps.expiresAt, new Date()))
      .returning({ id: pendingSignUps.tokenHash });
    // The policy keeps counters of the last hour and running blocks; everything it shows has run out.
    const throttles = await tx.delete(signInThrottles).returning({ ip: signInThrottles.ip });
    const ended = await tx.delete(sessions).where(lt(sessions.expiresAt, new Date())).returning({ id: sessions.id });
    const challenges = await deleteExpiredChallenges(tx);
    // The policy shows only pending single sign-ons that are spent or have run out.
    const sso = await tx.delete(ssoSignIns).returning({ id: ssoSignIns.id });
    // Answers kept for an Idempotency-Key past their 24 hours (the policy shows only those).
    const answers = await tx.delete(idempotencyKeys).returning({ key: idempotencyKeys.key });
    return {
      signUps: signUps.length,
      throttles: throttles.length,
      sessions: ended.length,
      challenges,
      ssoSignIns: sso.length,
      idempotencyKeys: answers.length,
    };
  });
}

export const authJobs: JobDefinition[] = [
  {
    name: 'auth.sweep-expired',
    scope: 'global',
    schedule: { everyMs: 3_600_000 },
    run: async ({ deps }) => ({ ...(await sweepExpiredAuth(deps)) }),
  },
];
