import { and, asc, eq, or } from 'drizzle-orm';
import type { GridEntity } from '../../../common/schemas/vocabulary.js';
import type { Tx } from '../../db/client.js';
import { savedViews } from '../../db/schema/index.js';

export type SavedViewRow = typeof savedViews.$inferSelect;

/** The views a user sees for a grid: their own and every shared one, by name. */
export function listVisible(tx: Tx, orgId: string, entity: GridEntity, userId: string | null) {
  const mine = userId ? eq(savedViews.ownerId, userId) : undefined;
  return tx
    .select()
    .from(savedViews)
    .where(and(eq(savedViews.orgId, orgId), eq(savedViews.entity, entity), or(eq(savedViews.shared, true), mine)))
    .orderBy(asc(savedViews.name), asc(savedViews.id));
}

export async function find(tx: Tx, orgId: string, id: string): Promise<SavedViewRow | null> {
  const [row] = await tx
    .select()
    .from(savedViews)
    .where(and(eq(savedViews.orgId, orgId), eq(savedViews.id, id)));
  return row ?? null;
}

export async function insert(tx: Tx, row: typeof savedViews.$inferInsert): Promise<SavedViewRow> {
  const [created] = await tx.insert(savedViews).values(row).returning();
  return created!;
}

export async function update(tx: Tx, orgId: string, id: string, patch: Partial<typeof savedViews.$inferInsert>) {
  const [row] = await tx
    .update(savedViews)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(savedViews.orgId, orgId), eq(savedViews.id, id)))
    .returning();
  return row!;
}

export async function remove(tx: Tx, orgId: string, id: string): Promise<void> {
  await tx.delete(savedViews).where(and(eq(savedViews.orgId, orgId), eq(savedViews.id, id)));
}
