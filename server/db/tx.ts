import { sql } from 'drizzle-orm';
import type { Db, Tx } from './client.js';

/** Facts that row-level security policies read (see migrations/0001_security.sql). */
export interface Claims {
  orgId?: string | null;
  userId?: string | null;
  /** sha256 of a presented secret (session, API key, invitation, one-time link). */
  tokenHash?: string | null;
  /** An exact, lower-cased e-mail address being looked up (sign-in, invitation). */
  email?: string | null;
  /** The caller's source address: the only sign-in throttle rows it may count on. */
  ip?: string | null;
  /**
   * 'expired': the hourly sweep, which may see and delete only expired sign-up and throttle rows;
   * 'keys': the key store's census, which may read every org's keys (migration 0022).
   */
  sweep?: 'expired' | 'keys' | null;
  /** 'on': the job runner and `deedbox jobs`, the only callers that see the job run records. */
  jobs?: 'on' | null;
  /** 'on': organization deletion and the operator CLI, the only callers that see deletion records. */
  retention?: 'on' | null;
  /** 'stripe': the Stripe webhook, which may find any org's subscription by its Stripe ids (migration 0034). */
  billing?: 'stripe' | null;
}

const CLAIM_NAMES = {
  orgId: 'app.org_id',
  userId: 'app.user_id',
  tokenHash: 'app.token_hash',
  email: 'app.email',
  ip: 'app.ip',
  sweep: 'app.sweep',
  jobs: 'app.jobs',
  retention: 'app.retention',
  billing: 'app.billing',
};

/** Sets claims for the rest of the transaction; claims not named keep their value. */
export async function setClaims(tx: Tx, claims: Claims): Promise<void> {
  const parts = claimParts(claims);
  if (parts.length > 0) await tx.execute(sql`select ${sql.join(parts, sql`, `)}`);
}

function claimParts(claims: Claims) {
  const entries = Object.entries(claims).filter(([, v]) => v !== undefined) as [keyof Claims, string | null][];
  return entries.map(([k, v]) => sql`set_config(${CLAIM_NAMES[k]}, ${v ?? ''}, true)`);
}

/**
 * Runs fn in one transaction as the role deedbox_app, which row-level security binds to the
 * claims given. Every request's database work goes through here.
 */
export function withClaims<T>(db: Db, claims: Claims, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    // set_config('role', …, true) is SET LOCAL ROLE; one round trip sets role and claims.
    const parts = [sql`set_config('role', 'deedbox_app', true)`, ...claimParts(claims)];
    await tx.execute(sql`select ${sql.join(parts, sql`, `)}`);
    return fn(tx);
  });
}
