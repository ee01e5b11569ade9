import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { memberships, stripeEvents, subscriptions, users } from '../../db/schema/index.js';

export type SubscriptionRow = typeof subscriptions.$inferSelect;
export type SubscriptionPatch = Partial<Omit<typeof subscriptions.$inferInsert, 'orgId'>>;

export async function find(tx: Tx, orgId: string): Promise<SubscriptionRow | null> {
  const [row] = await tx.select().from(subscriptions).where(eq(subscriptions.orgId, orgId));
  return row ?? null;
}

/** The row locked for this transaction: two changes to one subscription run one after the other. */
export async function lock(tx: Tx, orgId: string): Promise<SubscriptionRow | null> {
  const [row] = await tx.select().from(subscriptions).where(eq(subscriptions.orgId, orgId)).for('update');
  return row ?? null;
}

export async function insert(tx: Tx, row: typeof subscriptions.$inferInsert): Promise<void> {
  await tx.insert(subscriptions).values(row);
}

export async function update(tx: Tx, orgId: string, patch: SubscriptionPatch): Promise<SubscriptionRow> {
  const [row] = await tx
    .update(subscriptions)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(subscriptions.orgId, orgId))
    .returning();
  return row!;
}

/** Seats taken: every membership, active (locked or not) or still invited. */
export async function seatsUsed(tx: Tx, orgId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(eq(memberships.orgId, orgId));
  return row?.n ?? 0;
}

/**
 * Marks the read-only notice as sent, once: only a cancelled subscription past its access and not
 * yet told; two workers racing get it for one.
 */
export async function claimReadOnlyNotice(tx: Tx, orgId: string, now: Date): Promise<SubscriptionRow | null> {
  const [row] = await tx
    .update(subscriptions)
    .set({ readOnlyNoticeAt: now })
    .where(
      and(
        eq(subscriptions.orgId, orgId),
        eq(subscriptions.status, 'cancelled'),
        lte(subscriptions.accessUntil, now),
        isNull(subscriptions.readOnlyNoticeAt),
      ),
    )
    .returning();
  return row ?? null;
}

/** Active, unlocked administrators with their address and language. */
export function adminRecipients(tx: Tx, orgId: string) {
  return tx
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.orgId, orgId),
        eq(memberships.isAdmin, true),
        eq(memberships.status, 'active'),
        isNull(memberships.lockedAt),
      ),
    );
}

/** The org a Stripe customer or subscription belongs to (needs the `billing: 'stripe'` claim). */
export async function findOrgByStripe(
  tx: Tx,
  ids: { customerId: string | null; subscriptionId: string | null },
): Promise<string | null> {
  const match = [
    ids.subscriptionId ? eq(subscriptions.stripeSubscriptionId, ids.subscriptionId) : undefined,
    ids.customerId ? eq(subscriptions.stripeCustomerId, ids.customerId) : undefined,
  ].filter((m) => m !== undefined);
  if (match.length === 0) return null;
  const [row] = await tx
    .select({ orgId: subscriptions.orgId })
    .from(subscriptions)
    .where(or(...match))
    .limit(1);
  return row?.orgId ?? null;
}

/** Records a Stripe event id; false when it was processed before (a replay). */
export async function markEventProcessed(tx: Tx, id: string, type: string): Promise<boolean> {
  const rows = await tx
    .insert(stripeEvents)
    .values({ id, type })
    .onConflictDoNothing()
    .returning({ id: stripeEvents.id });
  return rows.length > 0;
}
