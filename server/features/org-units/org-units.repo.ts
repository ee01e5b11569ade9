import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { contracts, orgUnits } from '../../db/schema/index.js';

export type OrgUnitRow = typeof orgUnits.$inferSelect;

const byName = sql`lower(${orgUnits.name})`;

export function list(tx: Tx, orgId: string): Promise<OrgUnitRow[]> {
  return tx.select().from(orgUnits).where(eq(orgUnits.orgId, orgId)).orderBy(byName, asc(orgUnits.id));
}

export async function find(tx: Tx, orgId: string, id: string): Promise<OrgUnitRow | null> {
  const [row] = await tx
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.orgId, orgId), eq(orgUnits.id, id)));
  return row ?? null;
}

export async function findIdByName(tx: Tx, orgId: string, name: string): Promise<string | null> {
  const [row] = await tx
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.orgId, orgId), eq(byName, name.toLowerCase())));
  return row?.id ?? null;
}

/** Null when the name was taken meanwhile (the unique index decides, also under concurrency). */
export async function insert(tx: Tx, row: typeof orgUnits.$inferInsert): Promise<OrgUnitRow | null> {
  const [created] = await tx.insert(orgUnits).values(row).onConflictDoNothing().returning();
  return created ?? null;
}

export async function rename(tx: Tx, orgId: string, id: string, name: string): Promise<OrgUnitRow> {
  const [row] = await tx
    .update(orgUnits)
    .set({ name })
    .where(and(eq(orgUnits.orgId, orgId), eq(orgUnits.id, id)))
    .returning();
  return row!;
}

export async function remove(tx: Tx, orgId: string, id: string): Promise<void> {
  await tx.delete(orgUnits).where(and(eq(orgUnits.orgId, orgId), eq(orgUnits.id, id)));
}

/** Contracts of the unit, those in the recycle bin included (they may come back). */
export async function countContracts(tx: Tx, orgId: string, id: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(contracts)
    .where(and(eq(contracts.orgId, orgId), eq(contracts.orgUnitId, id)));
  return row?.n ?? 0;
}
