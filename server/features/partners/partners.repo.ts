import { and, asc, eq, gt, ilike, isNull, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { contracts, partners } from '../../db/schema/index.js';

export type PartnerRow = typeof partners.$inferSelect;

const live = (orgId: string) => and(eq(partners.orgId, orgId), isNull(partners.deletedAt));
const byName = sql`lower(${partners.name})`;

export async function find(tx: Tx, orgId: string, id: string): Promise<PartnerRow | null> {
  const [row] = await tx
    .select()
    .from(partners)
    .where(and(live(orgId), eq(partners.id, id)));
  return row ?? null;
}

export async function insert(tx: Tx, row: typeof partners.$inferInsert): Promise<PartnerRow> {
  const [created] = await tx.insert(partners).values(row).returning();
  return created!;
}

export async function update(tx: Tx, orgId: string, id: string, patch: Partial<typeof partners.$inferInsert>) {
  const [row] = await tx
    .update(partners)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(partners.orgId, orgId), eq(partners.id, id)))
    .returning();
  return row!;
}

export async function countContracts(tx: Tx, orgId: string, partnerId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(contracts)
    .where(and(eq(contracts.orgId, orgId), eq(contracts.partnerId, partnerId), isNull(contracts.deletedAt)));
  return row?.n ?? 0;
}

/** By name, then id; `after` is the last (lower-cased name, id) seen. */
export function list(
  tx: Tx,
  orgId: string,
  f: { q?: string; type?: PartnerRow['type'] },
  limit: number,
  after?: [string, string],
) {
  const escaped = f.q?.replace(/[\\%_]/g, (c) => `\\${c}`);
  return tx
    .select()
    .from(partners)
    .where(
      and(
        live(orgId),
        escaped
          ? or(
              ilike(partners.name, `%${escaped}%`),
              ilike(partners.vatId, `%${escaped}%`),
              ilike(partners.registrationNumber, `%${escaped}%`),
            )
          : undefined,
        f.type ? eq(partners.type, f.type) : undefined,
        after ? or(gt(byName, after[0]), and(eq(byName, after[0]), gt(partners.id, after[1]))) : undefined,
      ),
    )
    .orderBy(byName, asc(partners.id))
    .limit(limit);
}
