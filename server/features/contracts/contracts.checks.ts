import type { ContractStatus } from '../../../common/schemas/contracts.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { canReadUnit } from '../access/access.policy.js';
import * as units from '../business-units/business-units.repo.js';
import * as categories from '../categories/categories.repo.js';
import * as documents from '../documents/documents.repo.js';
import * as orgUnits from '../org-units/org-units.repo.js';
import * as partners from '../partners/partners.repo.js';
import * as users from '../users/users.repo.js';
import type { OrgSettings } from './contracts.access.js';
import type { ContractFields } from './contracts.presenter.js';
import * as repo from './contracts.repo.js';

/** Every id a contract names must be this org's (and, for the master, one the actor can see). */
export async function checkReferences(ctx: Ctx, org: OrgSettings, f: ContractFields, selfId?: string) {
  if (!(await units.find(ctx.tx, ctx.orgId, f.businessUnitId))) {
    throw AppError.invalid('businessUnitId', 'unknown_business_unit', 'is not a business unit of this account');
  }
  if (f.partnerId && !(await partners.find(ctx.tx, ctx.orgId, f.partnerId))) {
    throw AppError.invalid('partnerId', 'unknown_partner', 'is not a business partner of this account');
  }
  await checkClassification(ctx, org, f);
  for (const field of ['ownerId', 'backupOwnerId'] as const) {
    const userId = f[field];
    if (userId && !(await users.findMembership(ctx.tx, ctx.orgId, userId))) {
      throw AppError.invalid(field, 'unknown_user', 'is not a member of this account');
    }
  }
  if (f.contractNumber && (await repo.numberTaken(ctx.tx, ctx.orgId, f.contractNumber, selfId))) {
    throw AppError.invalid('contractNumber', 'unique', 'is already used by another contract', {
      entity: 'contract',
      value: f.contractNumber,
    });
  }
  if (f.masterId) await checkMaster(ctx, f.masterId, selfId);
}

/**
 * With the account's rule on, a contract is saved with a status other than draft only when it has a
 * live file or link; `pending` counts documents about to be moved onto it in the same transaction.
 */
export async function checkAttachment(
  ctx: Ctx,
  org: OrgSettings,
  status: ContractStatus,
  contractId: string | null,
  pending = 0,
) {
  if (!org.requireAttachment || status === 'draft' || pending > 0) return;
  if (contractId && (await documents.countLive(ctx.tx, ctx.orgId, contractId)) > 0) return;
  throw AppError.invalid(
    'documents',
    'attachment_required',
    'needs a file or link before the contract is saved with a status other than draft',
  );
}

async function checkClassification(ctx: Ctx, org: OrgSettings, f: ContractFields) {
  if (f.categoryId) {
    const category = await categories.find(ctx.tx, ctx.orgId, f.categoryId);
    if (category?.kind !== 'contract') {
      throw AppError.invalid('categoryId', 'unknown_category', 'is not a contract category of this account');
    }
  }
  if (f.orgUnitId && !(await orgUnits.find(ctx.tx, ctx.orgId, f.orgUnitId))) {
    throw AppError.invalid('orgUnitId', 'unknown_org_unit', 'is not an organizational unit of this account');
  }
  if (!f.orgUnitId && org.orgUnitMandatory) {
    throw AppError.invalid('orgUnitId', 'required', 'is required in this account');
  }
}

async function checkMaster(ctx: Ctx, masterId: string, selfId?: string) {
  const master = await repo.find(ctx.tx, ctx.orgId, masterId);
  if (!master || !canReadUnit(ctx.actor, master.businessUnitId)) {
    throw AppError.invalid('masterId', 'unknown_contract', 'is not a contract you can see');
  }
  const chain = [masterId, ...(await repo.ancestorIds(ctx.tx, ctx.orgId, masterId))];
  if (selfId && chain.includes(selfId)) {
    throw AppError.invalid('masterId', 'cycle', 'would make the contract its own master');
  }
}
