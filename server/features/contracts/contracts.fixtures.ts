import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { CustomFieldType } from '../../../common/schemas/vocabulary.js';
import { categories, contractColumns, contracts, customFields, orgs, orgUnits } from '../../db/schema/index.js';
import { withClaims } from '../../db/tx.js';
import { type Caller, call } from '../../test/api.js';
import type { Harness } from '../../test/harness.js';

/** Test set-up written straight to the database (as the app role, in the caller's org), so contract tests do not lean on other features' routes. */
const inOrgOf = <T>(
  h: Harness,
  who: Caller,
  fn: (tx: Parameters<Parameters<typeof withClaims>[2]>[0], orgId: string) => Promise<T>,
) => {
  const orgId = who.me!.org.id;
  return withClaims(h.database.db, { orgId }, (tx) => fn(tx, orgId));
};

export const future = { type: 'fixed', startDate: '2090-01-01', endDate: '2090-12-31' };

/** Yearly auto-renewal from 2025 with three months' notice: its first deadline, 2025-09-30, lies in the past. */
export const yearly = {
  type: 'auto_renewal',
  startDate: '2025-01-01',
  endDate: '2025-12-31',
  renewalTerm: 'P1Y',
  noticePeriod: 'P3M',
};

export async function newContract(h: Harness, who: Caller, extra: Record<string, unknown> = {}) {
  const res = await call(h, who, 'POST', '/contracts', { title: 'Contract', lifecycle: future, ...extra });
  if (res.statusCode !== 201) throw new Error(`contract create failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; contractNumber: string | null; [key: string]: unknown };
}

export function addCategory(h: Harness, who: Caller, name: string, kind: 'contract' | 'event' = 'contract') {
  const id = randomUUID();
  return inOrgOf(h, who, (tx, orgId) => tx.insert(categories).values({ orgId, id, name, kind })).then(() => id);
}

export function addOrgUnit(h: Harness, who: Caller, name: string) {
  const id = randomUUID();
  return inOrgOf(h, who, (tx, orgId) => tx.insert(orgUnits).values({ orgId, id, name })).then(() => id);
}

let position = 0;
export function addField(
  h: Harness,
  who: Caller,
  def: { key: string; type: CustomFieldType; options?: string[]; mandatory?: boolean },
) {
  return inOrgOf(h, who, (tx, orgId) =>
    tx.insert(customFields).values({
      orgId,
      id: randomUUID(),
      entity: 'contract',
      key: def.key,
      label: def.key,
      type: def.type,
      options: def.options ?? [],
      mandatory: def.mandatory ?? false,
      position: position++,
    }),
  );
}

export function setOrg(h: Harness, who: Caller, patch: Partial<typeof orgs.$inferInsert>) {
  return inOrgOf(h, who, (tx, orgId) => tx.update(orgs).set(patch).where(eq(orgs.id, orgId)));
}

export function setContract(h: Harness, who: Caller, id: string, patch: Partial<typeof contracts.$inferInsert>) {
  return inOrgOf(h, who, (tx, orgId) =>
    tx
      .update(contracts)
      .set(patch)
      .where(and(eq(contracts.orgId, orgId), eq(contracts.id, id))),
  );
}

export async function contractRow(h: Harness, who: Caller, id: string) {
  const [row] = await inOrgOf(h, who, (tx, orgId) =>
    tx
      .select(contractColumns)
      .from(contracts)
      .where(and(eq(contracts.orgId, orgId), eq(contracts.id, id))),
  );
  return row ?? null;
}
