import { and, asc, eq, sql } from 'drizzle-orm';
import type { CategoryKind } from '../../../common/schemas/vocabulary.js';
import type { Tx } from '../../db/client.js';
import { categories, contracts } from '../../db/schema/index.js';

export type CategoryRow = typeof categories.$inferSelect;

const byName = sql`lower(${categories.name})`;

export function list(tx: Tx, orgId: string, kind: CategoryKind): Promise<CategoryRow[]> {
  return tx
    .select()
    .from(categories)
    .where(and(eq(categories.orgId, orgId), eq(categories.kind, kind)))
    .orderBy(byName, asc(categories.id));
}

export async function find(tx: Tx, orgId: string, id: string): Promise<CategoryRow | null> {
  const [row] = await tx
    .select()
    .from(categories)
    .where(and(eq(categories.orgId, orgId), eq(categories.id, id)));
  return row ?? null;
}

export async function findIdByName(tx: Tx, orgId: string, kind: CategoryKind, name: string): Promise<string | null> {
  const [row] = await tx
    .select({ id: categories.id })
    .from(categories)
    .where(and(eq(categories.orgId, orgId), eq(categories.kind, kind), eq(byName, name.toLowerCase())));
  return row?.id ?? null;
}

/** Null when the name was taken meanwhile (the unique index decides, also under concurrency). */
export async function insert(tx: Tx, row: typeof categories.$inferInsert): Promise<CategoryRow | null> {
  const [created] = await tx.insert(categories).values(row).onConflictDoNothing().returning();
  return created ?? null;
}

export async function rename(tx: Tx, orgId: string, id: string, name: string): Promise<CategoryRow> {
  const [row] = await tx
    .update(categories)
    .set({ name })
    .where(and(eq(categories.orgId, orgId), eq(categories.id, id)))
    .returning();
  return row!;
}

export async function remove(tx: Tx, orgId: string, id: string): Promise<void> {
  await tx.delete(categories).where(and(eq(categories.orgId, orgId), eq(categories.id, id)));
}

/** Contracts filed under the category, those in the recycle bin included (they may come back). */
export async function countContracts(tx: Tx, orgId: string, id: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(contracts)
    .where(and(eq(contracts.orgId, orgId), eq(contracts.categoryId, id)));
  return row?.n ?? 0;
}
