import { randomUUID } from 'node:crypto';
import type { DefaultReminder } from '../../../common/schemas/reminders.js';
import { type Lifecycle, lifecycleSchema } from '../../../common/terms/lifecycle.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { isAdmin } from '../access/access.policy.js';
import { onContractChanged } from '../approvals/approvals.reset.js';
import { diff, record } from '../audit/audit.service.js';
import { billingColumns } from '../billing-lines/billing-values.js';
import { applyDefaultReminders } from '../reminders/reminders.service.js';
import { assertNotInSigning } from '../signing/in-signing.js';
import { contractCreated, contractDeleted, contractUpdated } from '../webhooks/webhooks.events.js';
import { getVisible, orgSettings, orgToday, requireWrite } from './contracts.access.js';
import { checkAttachment, checkReferences } from './contracts.checks.js';
import { resolveContractCustom } from './contracts.custom.js';
import { storedDates } from './contracts.dates.js';
import { checkedOutcome, refuseFutureNotice, statusWithNotice } from './contracts.notice.js';
import { numberForCreate, numberForUpdate } from './contracts.numbers.js';
import { type ContractFields, fieldsOf, presentContract } from './contracts.presenter.js';
import * as repo from './contracts.repo.js';

export { getVisible, orgToday, requireWrite } from './contracts.access.js';
export { storedDates } from './contracts.dates.js';
export { iterate, type ListQuery, list } from './contracts.list.js';
export type { ContractFields };
export type ContractInput = Omit<
  ContractFields,
  'businessUnitId' | 'categoryId' | 'orgUnitId' | 'custom' | 'ownerId'
> & {
  businessUnitId?: string;
  /** Omitted: the creator when a person creates it; null: no owner. */
  ownerId?: string | null;
  categoryId?: string | null;
  orgUnitId?: string | null;
  custom?: Record<string, unknown>;
  /** Reminders on the system events; omitted: the account's defaults. */
  reminders?: DefaultReminder[];
};
export type ContractPatch = Partial<ContractFields>;

/** The stored dates and, since open-ended lines run to the end they name, the billing values. */
async function derived(ctx: Ctx, id: string, lifecycle: Lifecycle, today: string) {
  const dates = storedDates(lifecycle, today);
  return { ...dates, ...(await billingColumns(ctx.tx, ctx.orgId, id, dates.endsOn, today)) };
}

/** `attachments`: documents the caller moves onto the new contract in the same transaction (the inbox). */
export async function create(ctx: Ctx, { reminders, ...input }: ContractInput, opts: { attachments?: number } = {}) {
  const businessUnitId = input.businessUnitId ?? (await repo.defaultUnitId(ctx.tx, ctx.orgId));
  requireWrite(ctx, businessUnitId);
  const org = await orgSettings(ctx);
  const today = await orgToday(ctx);
  refuseFutureNotice('lifecycle.noticeGivenOn', input.lifecycle.noticeGivenOn, today);
  const fields: ContractFields = {
    ...input,
    status: statusWithNotice(input.status, input.lifecycle),
    // Someone has to watch the deadlines: by default the person who records the contract.
    ownerId: input.ownerId === undefined ? (ctx.actor.type === 'user' ? ctx.actor.id : null) : input.ownerId,
    businessUnitId,
    categoryId: input.categoryId ?? null,
    orgUnitId: input.orgUnitId ?? null,
    custom: {},
  };
  await checkReferences(ctx, org, fields);
  await checkAttachment(ctx, org, fields.status, null, opts.attachments);
  fields.custom = await resolveContractCustom(ctx, {}, input.custom ?? {});
  fields.contractNumber = await numberForCreate(ctx, org, fields.contractNumber, today);
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
  await contractCreated(ctx, row);
  // The insert's trigger has made the system events; the reminders go on them.
  await applyDefaultReminders(ctx, row.id, reminders ?? org.reminderDefaults, reminders ? 'reminders' : undefined);
  return presentContract(ctx.actor, row, today);
}

export async function get(ctx: Ctx, id: string, asOf?: string) {
  const row = await getVisible(ctx, id);
  return presentContract(ctx.actor, row, asOf ?? (await orgToday(ctx)));
}

export async function update(ctx: Ctx, id: string, patch: ContractPatch) {
  const before = await getVisible(ctx, id);
  requireWrite(ctx, before.businessUnitId);
  const org = await orgSettings(ctx);
  const today = await orgToday(ctx);
  const { custom, contractNumber, ...rest } = patch;
  const after: ContractFields = { ...fieldsOf(before), ...rest };
  if (rest.lifecycle) refuseFutureNotice('lifecycle.noticeGivenOn', rest.lifecycle.noticeGivenOn, today);
  if (rest.status || rest.lifecycle) after.status = statusWithNotice(after.status, after.lifecycle);
  if (after.businessUnitId !== before.businessUnitId) requireWrite(ctx, after.businessUnitId);
  // A generated number is checked and allocated before the references, so its uniqueness is checked too.
  after.contractNumber = await numberForUpdate(ctx, org, before.contractNumber, contractNumber, today);
  await checkReferences(ctx, org, after, id);
  await checkAttachment(ctx, org, after.status, id);
  after.custom = await resolveContractCustom(ctx, before.custom, custom);
  const beforeFields = fieldsOf(before) as unknown as Record<string, unknown>;
  const changes = diff(beforeFields, after as unknown as Record<string, unknown>);
  if (Object.keys(changes).length === 0) return presentContract(ctx.actor, before, today);
  const changed = Object.fromEntries(Object.keys(changes).map((k) => [k, after[k as keyof ContractFields]]));
  const row = await repo.update(ctx.tx, ctx.orgId, id, {
    ...changed,
    ...(await derived(ctx, id, after.lifecycle, today)),
  });
  await record(ctx, { action: 'contract.updated', objectType: 'contract', objectId: id, changes });
  await contractUpdated(ctx, row, Object.keys(changes));
  await onContractChanged(ctx, id, Object.keys(changes));
  return presentContract(ctx.actor, row, today);
}

export type NoticeRecord = { givenOn: string; confirmLaterEnd?: boolean | undefined };

/**
 * Records notice given on `givenOn` (today or earlier): the contract is terminated and ends as
 * terms.md says; notice that misses the running term's deadline needs `confirmLaterEnd`.
 */
export async function recordNotice(ctx: Ctx, id: string, { givenOn, confirmLaterEnd = false }: NoticeRecord) {
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
  refuseFutureNotice('givenOn', givenOn, today);
  const outcome = checkedOutcome(parsed.data, givenOn, confirmLaterEnd);
  const status = statusWithNotice(before.status, parsed.data);
  const row = await repo.update(ctx.tx, ctx.orgId, id, {
    lifecycle: parsed.data,
    status,
    ...(await derived(ctx, id, parsed.data, today)),
  });
  await record(ctx, {
    action: 'contract.notice_recorded',
    objectType: 'contract',
    objectId: id,
    changes: {
      noticeGivenOn: { before: before.lifecycle.noticeGivenOn ?? null, after: givenOn },
      status: { before: before.status, after: status },
    },
    extra: { endsOn: outcome.endsOn, termsLater: outcome.termsLater },
  });
  await contractUpdated(ctx, row, ['lifecycle', 'status']);
  return presentContract(ctx.actor, row, today);
}

/** Administrators only; the row stays in the recycle bin for 30 days, then the purge job removes it. */
export async function remove(ctx: Ctx, id: string) {
  const row = await getVisible(ctx, id);
  if (!isAdmin(ctx.actor)) throw AppError.forbidden('Only administrators may delete contracts.');
  await assertNotInSigning(ctx.tx, ctx.orgId, { contractId: id });
  await repo.update(ctx.tx, ctx.orgId, id, { deletedAt: new Date() });
  await record(ctx, { action: 'contract.deleted', objectType: 'contract', objectId: id, extra: { title: row.title } });
  await contractDeleted(ctx, row);
}
