import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { invitations } from '../../db/schema/index.js';

export async function removeOpen(tx: Tx, orgId: string, userId: string): Promise<void> {
  await tx
    .delete(invitations)
    .where(and(eq(invitations.orgId, orgId), eq(invitations.userId, userId), isNull(invitations.acceptedAt)));
}

export async function replace(tx: Tx, row: typeof invitations.$inferInsert): Promise<void> {
  await removeOpen(tx, row.orgId, row.userId);
  await tx.insert(invitations).values(row);
}

/** The name typed for the member's open invitation, if any (carried over when it is sent again). */
export async function openName(tx: Tx, orgId: string, userId: string): Promise<string | null> {
  const [row] = await tx
    .select({ name: invitations.name })
    .from(invitations)
    .where(and(eq(invitations.orgId, orgId), eq(invitations.userId, userId), isNull(invitations.acceptedAt)));
  return row?.name ?? null;
}

/**
 * An open invitation by the hash of its token; needs the `tokenHash` claim. `forUpdate` locks it
 * until the transaction ends, so of two accepts at once the second finds it accepted: a link is used once.
 */
export async function findOpen(tx: Tx, tokenHash: string, forUpdate = false) {
  const query = tx
    .select()
    .from(invitations)
    .where(
      and(eq(invitations.tokenHash, tokenHash), isNull(invitations.acceptedAt), gt(invitations.expiresAt, new Date())),
    );
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function markAccepted(tx: Tx, orgId: string, id: string): Promise<void> {
  await tx
    .update(invitations)
    .set({ acceptedAt: new Date() })
    .where(and(eq(invitations.orgId, orgId), eq(invitations.id, id)));
}
