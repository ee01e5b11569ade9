import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { scimTokens, users } from '../../db/schema/index.js';

export type ScimTokenRow = typeof scimTokens.$inferSelect;

/** A live token by its hash (needs the `tokenHash` claim); the same statement claims its org. */
export async function claimLiveByHash(tx: Tx, tokenHash: string): Promise<ScimTokenRow | null> {
  const [row] = await tx
    .select({ token: scimTokens, claimed: sql`set_config('app.org_id', ${scimTokens.orgId}::text, true)` })
    .from(scimTokens)
    .where(and(eq(scimTokens.tokenHash, tokenHash), isNull(scimTokens.revokedAt)));
  return row?.token ?? null;
}

export async function markUsed(tx: Tx, orgId: string, id: string, at: Date): Promise<void> {
  await tx
    .update(scimTokens)
    .set({ lastUsedAt: at })
    .where(and(eq(scimTokens.orgId, orgId), eq(scimTokens.id, id)));
}

/** The org's live token with its creator's name, if any. */
export async function findLive(tx: Tx, orgId: string) {
  const [row] = await tx
    .select({ token: scimTokens, creator: users.name })
    .from(scimTokens)
    .leftJoin(users, eq(users.id, scimTokens.createdBy))
    .where(and(eq(scimTokens.orgId, orgId), isNull(scimTokens.revokedAt)));
  return row ?? null;
}

export async function insert(tx: Tx, row: typeof scimTokens.$inferInsert): Promise<ScimTokenRow> {
  const [created] = await tx.insert(scimTokens).values(row).returning();
  return created!;
}

/** Revokes the org's live token; null when there is none. */
export async function revokeLive(tx: Tx, orgId: string): Promise<ScimTokenRow | null> {
  const [row] = await tx
    .update(scimTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(scimTokens.orgId, orgId), isNull(scimTokens.revokedAt)))
    .returning();
  return row ?? null;
}
