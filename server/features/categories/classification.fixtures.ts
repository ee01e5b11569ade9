import { and, eq } from 'drizzle-orm';
import { contracts } from '../../db/schema/index.js';
import { withClaims } from '../../db/tx.js';
import { type Caller, call } from '../../test/api.js';
import type { Harness } from '../../test/harness.js';

/** Test fixtures shared by the classification tests (categories, units, custom fields, partners). */
export async function newContract(h: Harness, who: Caller, extra: Record<string, unknown> = {}): Promise<string> {
  const lifecycle = { type: 'fixed', startDate: '2090-01-01', endDate: '2090-12-31' };
  const res = await call(h, who, 'POST', '/contracts', { title: 'Fixture contract', lifecycle, ...extra });
  if (res.statusCode !== 201) throw new Error(`contract create failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: string }).id;
}

/** Sets stored contract columns directly, so these tests do not depend on the contract form's rules. */
export async function setContract(
  h: Harness,
  who: Caller,
  id: string,
  patch: Partial<Pick<typeof contracts.$inferInsert, 'categoryId' | 'orgUnitId' | 'custom' | 'deletedAt'>>,
): Promise<void> {
  const orgId = who.me!.org.id;
  await withClaims(h.database.db, { orgId }, (tx) =>
    tx
      .update(contracts)
      .set(patch)
      .where(and(eq(contracts.orgId, orgId), eq(contracts.id, id))),
  );
}

export async function contractRow(h: Harness, who: Caller, id: string) {
  const orgId = who.me!.org.id;
  const [row] = await withClaims(h.database.db, { orgId }, (tx) =>
    tx
      .select({ custom: contracts.custom, partnerId: contracts.partnerId })
      .from(contracts)
      .where(and(eq(contracts.orgId, orgId), eq(contracts.id, id))),
  );
  if (!row) throw new Error(`no contract ${id}`);
  return row;
}
