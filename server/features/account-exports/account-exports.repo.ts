import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { accountExports, users } from '../../db/schema/index.js';
import { claimRows } from '../../platform/jobs/claim.js';

export type ExportRow = typeof accountExports.$inferSelect;

export async function insert(tx: Tx, row: typeof accountExports.$inferInsert): Promise<ExportRow> {
  const [created] = await tx.insert(accountExports).values(row).returning();
  return created!;
}

/** Newest first, with the requester's name. */
export function list(tx: Tx, orgId: string, limit: number) {
  return tx
    .select({ row: accountExports, requester: users.name })
    .from(accountExports)
    .leftJoin(users, eq(users.id, accountExports.requestedBy))
    .where(eq(accountExports.orgId, orgId))
    .orderBy(desc(accountExports.createdAt), desc(accountExports.id))
    .limit(limit);
}

export async function find(tx: Tx, orgId: string, id: string) {
  const [found] = await tx
    .select({ row: accountExports, requester: users.name })
    .from(accountExports)
    .leftJoin(users, eq(users.id, accountExports.requestedBy))
    .where(and(eq(accountExports.orgId, orgId), eq(accountExports.id, id)));
  return found ?? null;
}

/** An export of the org that is waiting or being built. */
export async function findPending(tx: Tx, orgId: string): Promise<ExportRow | null> {
  const [row] = await tx
    .select()
    .from(accountExports)
    .where(and(eq(accountExports.orgId, orgId), inArray(accountExports.status, ['queued', 'running'])))
    .limit(1);
  return row ?? null;
}

/** Builds whose worker stopped (lease over) after their last try: failed for good. */
export async function failAbandoned(tx: Tx, orgId: string, now: Date, maxAttempts: number, error: string) {
  return tx
    .update(accountExports)
    .set({ status: 'failed', error, finishedAt: now, leaseUntil: null })
    .where(
      and(
        eq(accountExports.orgId, orgId),
        eq(accountExports.status, 'running'),
        lte(accountExports.leaseUntil, now),
        sql`${accountExports.attempts} >= ${maxAttempts}`,
      ),
    )
    .returning({ id: accountExports.id });
}

/** Claims the oldest queued export (or one whose worker stopped) for a build, leased until `leaseUntil`. */
export async function claim(tx: Tx, orgId: string, now: Date, leaseUntil: Date): Promise<ExportRow | null> {
  const [row] = await claimRows<{ id: string }>(tx, {
    table: accountExports,
    orgId,
    where: sql`status = 'queued' or (status = 'running' and lease_until <= ${now})`,
    orderBy: sql`created_at`,
    limit: 1,
    set: sql`status = 'running', attempts = attempts + 1, lease_until = ${leaseUntil}, started_at = ${now},
      done = 0, total = 0, error = null`,
    returning: sql`id`,
  });
  if (!row) return null;
  const [claimed] = await tx
    .select()
    .from(accountExports)
    .where(and(eq(accountExports.orgId, orgId), eq(accountExports.id, row.id)));
  return claimed ?? null;
}

/** Progress, which also extends the build's lease: a worker that shows progress keeps its row. */
export async function setProgress(tx: Tx, orgId: string, id: string, done: number, total: number, leaseUntil: Date) {
  await tx
    .update(accountExports)
    .set({ done, total, leaseUntil })
    .where(and(eq(accountExports.orgId, orgId), eq(accountExports.id, id), eq(accountExports.status, 'running')));
}

/** Locks a build's row while it is still this worker's (running, same attempt). */
export async function lockRunning(tx: Tx, orgId: string, id: string, attempts: number): Promise<boolean> {
  const [row] = await tx
    .select({ id: accountExports.id })
    .from(accountExports)
    .where(
      and(
        eq(accountExports.orgId, orgId),
        eq(accountExports.id, id),
        eq(accountExports.status, 'running'),
        eq(accountExports.attempts, attempts),
      ),
    )
    .for('update');
  return row !== undefined;
}

export async function update(tx: Tx, orgId: string, id: string, set: Partial<typeof accountExports.$inferInsert>) {
  await tx
    .update(accountExports)
    .set(set)
    .where(and(eq(accountExports.orgId, orgId), eq(accountExports.id, id)));
}

/** Finished exports whose download time is over, with their blobs still stored. */
export function expired(tx: Tx, orgId: string, now: Date, limit: number) {
  return tx
    .select({ id: accountExports.id, blobName: accountExports.blobName })
    .from(accountExports)
    .where(and(eq(accountExports.orgId, orgId), eq(accountExports.status, 'done'), lte(accountExports.expiresAt, now)))
    .orderBy(accountExports.expiresAt)
    .limit(limit);
}
