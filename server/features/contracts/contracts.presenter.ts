import type { ContractOutput, ContractStatus } from '../../../common/schemas/contracts.js';
import { computeTerms } from '../../../common/terms/engine.js';
import type { Lifecycle } from '../../../common/terms/lifecycle.js';
import type { Actor } from '../../platform/context.js';
import { canWriteUnit, isAdmin } from '../access/access.policy.js';
import type { ContractRow } from './contracts.repo.js';

export interface ContractFields {
  title: string;
  status: ContractStatus;
  contractNumber: string | null;
  businessUnitId: string;
  partnerId: string | null;
  ownerId: string | null;
  backupOwnerId: string | null;
  masterId: string | null;
  categoryId: string | null;
  orgUnitId: string | null;
  description: string | null;
  tags: string[];
  custom: Record<string, unknown>;
  lifecycle: Lifecycle;
}

/** Keys in one order, so values read back from jsonb (which reorders keys) compare equal. */
export function sortKeys(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The editable fields of a stored contract. */
export function fieldsOf(row: ContractRow): ContractFields {
  return {
    title: row.title,
    status: row.status,
    contractNumber: row.contractNumber,
    businessUnitId: row.businessUnitId,
    partnerId: row.partnerId,
    ownerId: row.ownerId,
    backupOwnerId: row.backupOwnerId,
    masterId: row.masterId,
    categoryId: row.categoryId,
    orgUnitId: row.orgUnitId,
    description: row.description,
    tags: row.tags,
    custom: sortKeys(row.custom),
    lifecycle: row.lifecycle,
  };
}

/** The contract as the API shows it, with its dates computed as of `asOf`. */
export function presentContract(actor: Actor, row: ContractRow, asOf: string): ContractOutput {
  return {
    id: row.id,
    ...fieldsOf(row),
    lifecycle: row.lifecycle as unknown as Record<string, unknown>,
    computed: computeTerms(row.lifecycle, asOf),
    asOf,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    billing: {
      annualCost: row.annualCost,
      annualRevenue: row.annualRevenue,
      annualValue: row.annualValue,
      totalCost: row.totalCost,
      totalRevenue: row.totalRevenue,
      totalValue: row.totalValue,
      totalOpenEnded: row.totalCost === null || row.totalRevenue === null,
    },
    abilities: { edit: canWriteUnit(actor, row.businessUnitId), delete: isAdmin(actor) },
  };
}
