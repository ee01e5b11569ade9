import { randomUUID } from 'node:crypto';
import { todayIn } from '../../../common/terms/dates.js';
import { computeTerms } from '../../../common/terms/engine.js';
import { type Lifecycle, lifecycleSchema } from '../../../common/terms/lifecycle.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { canReadUnit, canWriteUnit, isAdmin, readableUnits } from '../access/access.policy.js';
import { diff, record } from '../audit/audit.service.js';
import * as units from '../business-units/business-units.repo.js';
import * as partners from '../partners/partners.repo.js';
import * as users from '../users/users.repo.js';
import { type ContractFields, fieldsOf, presentContract } from './contracts.presenter.js';
import * as repo from './contracts.repo.js';

export type { ContractFields };
export type ContractInput = Omit<ContractFields, 'businessUnitId'> & { businessUnitId?: string };

/** Today in the org's time zone: the day deadlines are counted from. */
export async function orgToday(ctx: Ctx): Promise<string> {
  const org = await users.findOrg(ctx.tx, ctx.orgId);
  return todayIn(org?.timeZone ?? 'UTC');
}

/** The derived dates stored beside the lifecycle, so grids can filter and sort on them. */
function storedDates(lifecycle: Lifecycle, today: string) {
  const c = computeTerms(lifecycle, today);
  return {
    noticeDeadline: c.noticeDeadline,
    earliestEndDate: c.earliestEndDate,
    endsOn: c.endsOn,
    currentTermEnd: c.currentTermEnd,
    renewalCount: c.renewalCount,
    phase: c.phase,
    computedOn: today,
  };
}

/** A contract the actor may see; another org's, a deleted one or one in a unit they cannot see is "not found". */
async function getVisible(ctx: Ctx, id: string): Promise<repo.ContractRow> {
  const row = await repo.find(ctx.tx, ctx.orgId, id);
  if (!row || !canReadUnit(ctx.actor, row.businessUnitId)) throw AppError.notFound('Contract');
  return row;
}

function requireWrite(ctx: Ctx, unitId: string) {
  if (!canWriteUnit(ctx.actor, unitId))
    throw AppError.forbidden('Your role does not allow changing contracts in this business unit.');
}

async function checkReferences(ctx: Ctx, f: ContractFields, selfId?: string) {
  if (!(await units.find(ctx.tx, ctx.orgId, f.businessUnitId))) {
    throw AppError.invalid('businessUnitId', 'unknown_business_unit', 'is not a business unit of this account');
  }
  if (f.partnerId && !(await partners.find(ctx.tx, ctx.orgId, f.partnerId))) {
    throw AppError.invalid('partnerId', 'unknown_partner', 'is not a business partner of this account');
  }
  for (const field of ['ownerId', 'backupOwnerId'] as const) {
    const userId = f[field];
    if (userId && !(await users.findMembership(ctx.tx, ctx.orgId, userId))) {
      throw AppError.invalid(field, 'unknown_user', 'is not a member of this account');
    }
  }
  if (f.contractNumber && (await repo.numberTaken(ctx.tx, ctx.orgId, f.contractNumber, selfId))) {
    throw AppError.invalid('contractNumber', 'unique', 'is already used by another contract');
  }
  if (f.masterId) {
    const master = await repo.find(ctx.tx, ctx.orgId, f.masterId);
    if (!master || !canReadUnit(ctx.actor, master.businessUnitId)) {
      throw AppError.invalid('masterId', 'unknown_contract', 'is not a contract you can see');
    }
    const chain = [f.masterId, ...(await repo.ancestorIds(ctx.tx, ctx.orgId, f.masterId))];
    if (selfId && chain.includes(selfId)) {
      throw AppError.invalid('masterId', 'cycle', 'would make the contract its own master');
    }
  }
}

export async function create(ctx: Ctx, input: ContractInput) {
  const fields = { ...input, businessUnitId: input.businessUnitId ?? (await repo.defaultUnitId(ctx.tx, ctx.orgId)) };
  requireWrite(ctx, fields.businessUnitId);
  await checkReferences(ctx, fields);
  const today = await orgToday(ctx);
  const row = await repo.insert(ctx.tx, {
    orgId: ctx.orgId,
    id: randomUUID(),
    ...fields,
    ...storedDates(fields.lifecycle, today),
    createdBy: ctx.actor.type === 'user' ? ctx.actor.id : null,
  });
  await record(ctx, {
    action: 'contract.created',
    objectType: 'contract',
    objectId: row.id,
    changes: diff({}, fields as unknown as Record<string, unknown>),
  });
  return presentContract(ctx.actor, row, today);
}

export async function get(ctx: Ctx, id: string, asOf?: string) {
  const row = await getVisible(ctx, id);
  return presentContract(ctx.actor, row, asOf ?? (await orgToday(ctx)));
}

export async function update(ctx: Ctx, id: string, patch: Partial<ContractFields>) {
  const before = await getVisible(ctx, id);
  requireWrite(ctx, before.businessUnitId);
  const after: ContractFields = { ...fieldsOf(before), ...patch };
  if (after.businessUnitId !== before.businessUnitId) requireWrite(ctx, after.businessUnitId);
  await checkReferences(ctx, after, id);
  const changes = diff(fieldsOf(before) as unknown as Record<string, unknown>, patch);
  if (Object.keys(changes).length === 0) return presentContract(ctx.actor, before, await orgToday(ctx));
  const today = await orgToday(ctx);
  const row = await repo.update(ctx.tx, ctx.orgId, id, { ...patch, ...storedDates(after.lifecycle, today) });
  await record(ctx, { action: 'contract.updated', objectType: 'contract', objectId: id, changes });
  return presentContract(ctx.actor, row, today);
}

/** Records notice given on `givenOn`: the contract is terminated and ends as terms.md says. */
export async function recordNotice(ctx: Ctx, id: string, givenOn: string) {
  const before = await getVisible(ctx, id);
  requireWrite(ctx, before.businessUnitId);
  const parsed = lifecycleSchema.safeParse({ ...before.lifecycle, noticeGivenOn: givenOn });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const rule = (issue as { params?: { rule?: string } }).params?.rule ?? issue.code;
    throw AppError.invalid(
      issue.path[0] === 'noticeGivenOn' ? 'givenOn' : `lifecycle.${issue.path.join('.')}`,
      rule,
      issue.message,
    );
  }
  const today = await orgToday(ctx);
  const row = await repo.update(ctx.tx, ctx.orgId, id, {
    lifecycle: parsed.data,
    status: 'terminated',
    ...storedDates(parsed.data, today),
  });
  await record(ctx, {
    action: 'contract.notice_recorded',
    objectType: 'contract',
    objectId: id,
    changes: {
      noticeGivenOn: { before: before.lifecycle.noticeGivenOn ?? null, after: givenOn },
      status: { before: before.status, after: 'terminated' },
    },
  });
  return presentContract(ctx.actor, row, today);
}

/** Administrators only; the row stays (soft delete) until the recycle bin is purged. */
export async function remove(ctx: Ctx, id: string) {
  const row = await getVisible(ctx, id);
  if (!isAdmin(ctx.actor)) throw AppError.forbidden('Only administrators may delete contracts.');
  await repo.update(ctx.tx, ctx.orgId, id, { deletedAt: new Date() });
  await record(ctx, { action: 'contract.deleted', objectType: 'contract', objectId: id, extra: { title: row.title } });
}

export interface ListQuery extends Omit<repo.ListFilter, 'units'> {
  sort: repo.Sort;
  limit: number;
}

export async function list(ctx: Ctx, query: ListQuery, after?: repo.Cursor) {
  const { sort, limit, ...filter } = query;
  const rows = await repo.list(
    ctx.tx,
    ctx.orgId,
    { ...filter, units: readableUnits(ctx.actor) },
    sort,
    limit + 1,
    after,
  );
  const today = await orgToday(ctx);
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return {
    items: rows.slice(0, limit).map((r) => presentContract(ctx.actor, r.contract, today)),
    next: last ? ([last.key, last.contract.id] as repo.Cursor) : null,
  };
}
