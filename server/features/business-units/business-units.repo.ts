import { and, asc, eq, gt, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { businessUnits, unitRoles } from '../../db/schema/index.js';

export type BusinessUnitRow = typeof businessUnits.$inferSelect;

const byName = sql`lower(${businessUnits.name})`;

/** Ordered by name then id; `after` is the last (lower-cased name, id) seen. */
export function list(tx: Tx, orgId: string, limit: number, after?: [string, string]) {
  return tx
    .select()
    .from(businessUnits)
    .where(
      and(
        eq(businessUnits.orgId, orgId),
        after ? or(gt(byName, after[0]), and(eq(byName, after[0]), gt(businessUnits.id, after[1]))) : undefined,
      ),
    )
    .orderBy(byName, asc(businessUnits.id))
    .limit(limit);
}

export async function find(tx: Tx, orgId: string, id: string): Promise<BusinessUnitRow | null> {
  const [row] = await tx
    .select()
    .from(businessUnits)
    .where(and(eq(businessUnits.orgId, orgId), eq(businessUnits.id, id)));
  return row ?? null;
}

export async function findIdByName(tx: Tx, orgId: string, name: string): Promise<string | null> {
  const [row] = await tx
    .select({ id: businessUnits.id })
    .from(businessUnits)
    .where(and(eq(businessUnits.orgId, orgId), eq(byName, name.toLowerCase())));
  return row?.id ?? null;
}

export async function insert(tx: Tx, row: typeof businessUnits.$inferInsert): Promise<BusinessUnitRow> {
  const [created] = await tx.insert(businessUnits).values(row).returning();
  return created!;
}

export async function rename(tx: Tx, orgId: string, id: string, name: string): Promise<BusinessUnitRow> {
  const [row] = await tx
    .update(businessUnits)
    .set({ name })
    .where(and(eq(businessUnits.orgId, orgId), eq(businessUnits.id, id)))
    .returning();
  return row!;
}

/** Deletes the unit and every role held in it. */
export async function remove(tx: Tx, orgId: string, id: string): Promise<void> {
  await tx.delete(unitRoles).where(and(eq(unitRoles.orgId, orgId), eq(unitRoles.businessUnitId, id)));
  await tx.delete(businessUnits).where(and(eq(businessUnits.orgId, orgId), eq(businessUnits.id, id)));
}
