import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { apiKeys, users } from '../../db/schema/index.js';

export type ApiKeyRow = typeof apiKeys.$inferSelect;

/**
 * A live key by the hash of its token (needs the `tokenHash` claim); the same statement
 * claims the key's org for the rest of the transaction.
 */
export async function claimLiveKeyByHash(tx: Tx, tokenHash: string): Promise<ApiKeyRow | null> {
  const [row] = await tx
    .select({ key: apiKeys, claimed: sql`set_config('app.org_id', ${apiKeys.orgId}::text, true)` })
    .from(apiKeys)
    .where(and(eq(apiKeys.tokenHash, tokenHash), isNull(apiKeys.revokedAt)));
  return row?.key ?? null;
}

export async function markUsed(tx: Tx, orgId: string, id: string, at: Date): Promise<void> {
  await tx
    .update(apiKeys)
    .set({ lastUsedAt: at })
    .where(and(eq(apiKeys.orgId, orgId), eq(apiKeys.id, id)));
}

/** Newest first, with the creator's name; `before` is the creation time of the last key seen. */
export function list(tx: Tx, orgId: string, limit: number, before?: string) {
  return tx
    .select({ key: apiKeys, creator: users.name })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdBy))
    .where(and(eq(apiKeys.orgId, orgId), before ? lt(apiKeys.createdAt, new Date(before)) : undefined))
    .orderBy(desc(apiKeys.createdAt))
    .limit(limit);
}

export async function insert(tx: Tx, row: typeof apiKeys.$inferInsert): Promise<ApiKeyRow> {
  const [created] = await tx.insert(apiKeys).values(row).returning();
  return created!;
}

/** Revokes a live key; null when it is unknown or already revoked. */
export async function revoke(tx: Tx, orgId: string, id: string): Promise<ApiKeyRow | null> {
  const [row] = await tx
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.orgId, orgId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning();
  return row ?? null;
}

export async function exists(tx: Tx, orgId: string, id: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: apiKeys.id })
    .from(apiKeys)
    .where(and(eq(apiKeys.orgId, orgId), eq(apiKeys.id, id)));
  return row !== undefined;
}
