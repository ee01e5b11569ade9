import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.js';
import type { Deps } from '../context.js';

/** The PostgreSQL channel on which workers hear of enqueued work. */
export const WAKE_CHANNEL = 'deedbox_jobs';

export interface Wakeup {
  job: string;
  /** The org whose work was enqueued (per-org jobs run just that org); null: all. */
  orgId: string | null;
}

type Listener = (wakeup: Wakeup) => void;
const listeners = new WeakMap<Database, Set<Listener>>();

/** Hears every wake-up for jobs on `database` in this process; returns the way to stop hearing. */
export function onWake(database: Database, fn: Listener): () => void {
  const set = listeners.get(database) ?? new Set<Listener>();
  listeners.set(database, set);
  set.add(fn);
  return () => set.delete(fn);
}

/** Nudges this process's runners at once; nothing happens when no runner here runs the job. */
export function nudge(database: Database, wakeup: Wakeup): void {
  for (const fn of listeners.get(database) ?? []) fn(wakeup);
}

/**
 * Wakes a queue job once the caller's transaction commits (never when it rolls back): this
 * process's runner at once, and on PostgreSQL every other worker too, through NOTIFY. Call it in
 * the transaction that enqueued the work: `await wake(ctx, 'documents.extract-text')`. Without a
 * worker anywhere nothing happens; the work waits for the next one to poll.
 */
export async function wake(
  ctx: { tx: Tx; deps: Deps; orgId?: string | null; afterCommit(fn: () => Promise<unknown>): void },
  job: string,
): Promise<void> {
  const wakeup: Wakeup = { job, orgId: ctx.orgId ?? null };
  ctx.afterCommit(async () => nudge(ctx.deps.database, wakeup));
  // PostgreSQL delivers a notification when its transaction commits, and drops it on rollback.
  if (ctx.deps.database.kind === 'postgres')
    await ctx.tx.execute(sql`select pg_notify(${WAKE_CHANNEL}, ${encodeWakeup(wakeup)})`);
}

export function encodeWakeup(wakeup: Wakeup): string {
  return wakeup.orgId ? `${wakeup.job} ${wakeup.orgId}` : wakeup.job;
}

const PAYLOAD = /^([a-z][a-z0-9.-]{0,99})(?: ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}))?$/;

/** A notification's payload as a wake-up, or null when it is not one (any database user can NOTIFY). */
export function decodeWakeup(payload: string): Wakeup | null {
  const match = PAYLOAD.exec(payload);
  return match ? { job: match[1]!, orgId: match[2] ?? null } : null;
}
