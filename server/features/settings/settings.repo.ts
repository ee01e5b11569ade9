import { and, eq } from 'drizzle-orm';
import type { CompanyDetails } from '../../../common/schemas/notice-letters.js';
import type { Tx } from '../../db/client.js';
import { contractNumberCounters, orgs } from '../../db/schema/index.js';

export type OrgRow = typeof orgs.$inferSelect;
export type RepositorySettingsRow = Pick<
  OrgRow,
  | 'timeZone'
  | 'currency'
  | 'orgUnitMandatory'
  | 'requireAttachment'
  | 'contractNumberPattern'
  | 'contractNumberEditable'
>;

const columns = {
  timeZone: orgs.timeZone,
  currency: orgs.currency,
  orgUnitMandatory: orgs.orgUnitMandatory,
  requireAttachment: orgs.requireAttachment,
  contractNumberPattern: orgs.contractNumberPattern,
  contractNumberEditable: orgs.contractNumberEditable,
};

export async function findSettings(tx: Tx, orgId: string): Promise<RepositorySettingsRow | null> {
  const [row] = await tx.select(columns).from(orgs).where(eq(orgs.id, orgId));
  return row ?? null;
}

export async function updateSettings(
  tx: Tx,
  orgId: string,
  patch: Partial<Omit<RepositorySettingsRow, 'timeZone'>>,
): Promise<RepositorySettingsRow> {
  const [row] = await tx.update(orgs).set(patch).where(eq(orgs.id, orgId)).returning(columns);
  return row!;
}

/** The stored counter of a numbering period, or null before its first number. */
export async function counterValue(tx: Tx, orgId: string, period: string): Promise<number | null> {
  const [row] = await tx
    .select({ value: contractNumberCounters.value })
    .from(contractNumberCounters)
    .where(and(eq(contractNumberCounters.orgId, orgId), eq(contractNumberCounters.period, period)));
  return row?.value ?? null;
}

/** The org's company details as the sender of letters, or null before an administrator entered them. */
export async function findCompany(tx: Tx, orgId: string): Promise<CompanyDetails | null> {
  const [row] = await tx.select({ company: orgs.company }).from(orgs).where(eq(orgs.id, orgId));
  return row?.company ?? null;
}

export async function updateCompany(tx: Tx, orgId: string, company: CompanyDetails): Promise<void> {
  await tx.update(orgs).set({ company }).where(eq(orgs.id, orgId));
}
