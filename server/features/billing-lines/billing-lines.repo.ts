import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { billingLines } from '../../db/schema/index.js';

export type BillingLineInsert = typeof billingLines.$inferInsert;

/** The stored line plus its amount in the company currency, computed by PostgreSQL in exact numeric. */
const columns = {
  line: billingLines,
  // round(numeric, 2) rounds half away from zero; trim_scale drops the rate's padding zeros.
  inCompanyCurrency: sql<string>`round(${billingLines.amount} * ${billingLines.rate}, 2)::text`,
  rateText: sql<string>`trim_scale(${billingLines.rate})::text`,
};
export type BillingLineRow = typeof billingLines.$inferSelect & { inCompanyCurrency: string; rateText: string };

const flatten = (r: { line: typeof billingLines.$inferSelect; inCompanyCurrency: string; rateText: string }) => ({
  ...r.line,
  inCompanyCurrency: r.inCompanyCurrency,
  rateText: r.rateText,
});

const ofContract = (orgId: string, contractId: string) =>
  and(eq(billingLines.orgId, orgId), eq(billingLines.contractId, contractId));

/** A contract's lines, oldest billing first; a contract has a handful, so no pagination. */
export async function listOf(tx: Tx, orgId: string, contractId: string): Promise<BillingLineRow[]> {
  const rows = await tx
    .select(columns)
    .from(billingLines)
    .where(ofContract(orgId, contractId))
    .orderBy(asc(billingLines.firstBillingOn), asc(billingLines.createdAt), asc(billingLines.id));
  return rows.map(flatten);
}

export async function find(tx: Tx, orgId: string, contractId: string, id: string): Promise<BillingLineRow | null> {
  const [row] = await tx
    .select(columns)
    .from(billingLines)
    .where(and(ofContract(orgId, contractId), eq(billingLines.id, id)));
  return row ? flatten(row) : null;
}

export async function insert(tx: Tx, row: BillingLineInsert): Promise<BillingLineRow> {
  await tx.insert(billingLines).values(row);
  return (await find(tx, row.orgId, row.contractId, row.id))!;
}

export async function update(
  tx: Tx,
  key: { orgId: string; contractId: string; id: string },
  patch: Partial<BillingLineInsert>,
): Promise<BillingLineRow> {
  await tx
    .update(billingLines)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(ofContract(key.orgId, key.contractId), eq(billingLines.id, key.id)));
  return (await find(tx, key.orgId, key.contractId, key.id))!;
}

export async function remove(tx: Tx, orgId: string, id: string): Promise<void> {
  await tx.delete(billingLines).where(and(eq(billingLines.orgId, orgId), eq(billingLines.id, id)));
}
