import { and, asc, count, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { auditEvents, calendarFeeds } from '../../db/schema/index.js';

export type FeedRow = typeof calendarFeeds.$inferSelect;

/** The user's live feeds, oldest first. */
export function listActive(tx: Tx, orgId: string, userId: string): Promise<FeedRow[]> {
  return tx
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.orgId, orgId), eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)))
    .orderBy(asc(calendarFeeds.createdAt), asc(calendarFeeds.id));
}

export async function countActive(tx: Tx, orgId: string, userId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.orgId, orgId), eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)));
  return row?.n ?? 0;
}

export async function insert(tx: Tx, row: typeof calendarFeeds.$inferInsert): Promise<FeedRow> {
  const [created] = await tx.insert(calendarFeeds).values(row).returning();
  return created!;
}

/** Revokes one of the user's live feeds; null when it is unknown, someone else's or already revoked. */
export async function revoke(tx: Tx, orgId: string, userId: string, id: string): Promise<FeedRow | null> {
  const [row] = await tx
    .update(calendarFeeds)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(calendarFeeds.orgId, orgId),
        eq(calendarFeeds.id, id),
        eq(calendarFeeds.userId, userId),
        isNull(calendarFeeds.revokedAt),
      ),
    )
    .returning();
  return row ?? null;
}

/**
 * A live feed by the hash of its token (needs the `tokenHash` claim); the same statement claims
 * the feed's org and user for the rest of the transaction.
 */
export async function claimLiveByHash(tx: Tx, tokenHash: string): Promise<FeedRow | null> {
  const [row] = await tx
    .select({
      feed: calendarFeeds,
      claimed: sql`set_config('app.org_id', ${calendarFeeds.orgId}::text, true) || set_config('app.user_id', ${calendarFeeds.userId}::text, true)`,
    })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.tokenHash, tokenHash), isNull(calendarFeeds.revokedAt)));
  return row?.feed ?? null;
}

/** Also takes the row's lock, so concurrent fetches of one feed decide about their audit entry in turn. */
export async function markUsed(tx: Tx, orgId: string, id: string, at: Date): Promise<void> {
  await tx
    .update(calendarFeeds)
    .set({ lastUsedAt: at })
    .where(and(eq(calendarFeeds.orgId, orgId), eq(calendarFeeds.id, id)));
}

/** Whether the activity log already holds a fetch of this feed since `since`. */
export async function fetchedSince(tx: Tx, orgId: string, id: string, since: Date): Promise<boolean> {
  const [row] = await tx
    .select({ one: sql<number>`1` })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.orgId, orgId),
        eq(auditEvents.objectType, 'calendar_feed'),
        eq(auditEvents.objectId, id),
        eq(auditEvents.action, 'calendar_feed.fetched'),
        gt(auditEvents.occurredAt, since),
      ),
    )
    .limit(1);
  return row !== undefined;
}
