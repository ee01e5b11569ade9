import { randomUUID } from 'node:crypto';
import { isCurrencyCode } from '../../../common/iso-codes.js';
import type { BillingLine, BillingLineInput, BillingLinePatch } from '../../../common/schemas/billing.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { diff, record } from '../audit/audit.service.js';
import { getVisible, orgSettings, orgToday, requireWrite } from '../contracts/contracts.access.js';
import { setDerived } from '../contracts/contracts.repo.js';
import * as repo from './billing-lines.repo.js';
import { billingColumns } from './billing-values.js';

interface LineFields {
  kind: BillingLineInput['kind'];
  frequency: BillingLineInput['frequency'];
  amount: string;
  currency: string;
  rate: string;
  firstBillingOn: string;
  lastBillingOn: string | null;
  description: string | null;
}

/** Equal decimal strings by value ("1", "1.0", "1.00000000"). */
const isOne = (rate: string) => /^0*1(\.0*)?$/.test(rate);

function present(row: repo.BillingLineRow, companyCurrency: string): BillingLine {
  return {
    id: row.id,
    contractId: row.contractId,
    kind: row.kind,
    frequency: row.frequency,
    amount: row.amount,
    currency: row.currency,
    rate: row.rateText,
    amountInCompanyCurrency: row.inCompanyCurrency,
    companyCurrency,
    firstBillingOn: row.firstBillingOn,
    lastBillingOn: row.lastBillingOn,
    description: row.description,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * The rate a line stores: 1 for the company currency (and only 1), required for any other.
 * `rate` undefined means "not given".
 */
function resolveRate(currency: string, companyCurrency: string, rate: string | undefined): string {
  if (!isCurrencyCode(currency)) {
    throw AppError.invalid('currency', 'unknown_currency', 'is not an ISO 4217 currency code');
  }
  if (currency === companyCurrency) {
    if (rate !== undefined && !isOne(rate))
      throw AppError.invalid('rate', 'company_currency', `must be 1 for the company currency ${companyCurrency}`);
    return '1';
  }
  if (rate === undefined)
    throw AppError.invalid('rate', 'required', `is required to convert ${currency} to ${companyCurrency}`);
  return rate;
}

function checkDates(f: LineFields) {
  if (f.lastBillingOn && f.lastBillingOn < f.firstBillingOn) {
    throw AppError.invalid('lastBillingOn', 'before_first', 'must not be before firstBillingOn');
  }
}

async function contractFor(ctx: Ctx, contractId: string, write: boolean) {
  const contract = await getVisible(ctx, contractId);
  if (write) requireWrite(ctx, contract.businessUnitId);
  return { contract, companyCurrency: (await orgSettings(ctx)).currency };
}

/** Stores the contract's billing values again, in the transaction that changed its lines. */
async function storeValues(ctx: Ctx, contract: { id: string; endsOn: string | null }) {
  const values = await billingColumns(ctx.tx, ctx.orgId, contract.id, contract.endsOn, await orgToday(ctx));
  await setDerived(ctx.tx, ctx.orgId, contract.id, values);
}

async function getLine(ctx: Ctx, contractId: string, id: string) {
  const line = await repo.find(ctx.tx, ctx.orgId, contractId, id);
  if (!line) throw AppError.notFound('Billing line');
  return line;
}

const fieldsOf = (row: repo.BillingLineRow): LineFields => ({
  kind: row.kind,
  frequency: row.frequency,
  amount: row.amount,
  currency: row.currency,
  rate: row.rateText,
  firstBillingOn: row.firstBillingOn,
  lastBillingOn: row.lastBillingOn,
  description: row.description,
});

export async function list(ctx: Ctx, contractId: string): Promise<BillingLine[]> {
  const { companyCurrency } = await contractFor(ctx, contractId, false);
  return (await repo.listOf(ctx.tx, ctx.orgId, contractId)).map((r) => present(r, companyCurrency));
}

export async function create(ctx: Ctx, contractId: string, input: BillingLineInput): Promise<BillingLine> {
  const { contract, companyCurrency } = await contractFor(ctx, contractId, true);
  const fields: LineFields = { ...input, rate: resolveRate(input.currency, companyCurrency, input.rate) };
  checkDates(fields);
  const row = await repo.insert(ctx.tx, { orgId: ctx.orgId, id: randomUUID(), contractId, ...fields });
  await storeValues(ctx, contract);
  await record(ctx, {
    action: 'billing_line.created',
    objectType: 'billing_line',
    objectId: row.id,
    changes: diff({}, fieldsOf(row) as unknown as Record<string, unknown>),
    extra: { contractId },
  });
  return present(row, companyCurrency);
}

export async function update(ctx: Ctx, contractId: string, id: string, patch: BillingLinePatch) {
  const { contract, companyCurrency } = await contractFor(ctx, contractId, true);
  const before = await getLine(ctx, contractId, id);
  const old = fieldsOf(before);
  const currency = patch.currency ?? old.currency;
  // A new currency needs its own rate; the old one converted something else.
  const givenRate = patch.rate ?? (currency === old.currency ? old.rate : undefined);
  const after: LineFields = { ...old, ...patch, currency, rate: resolveRate(currency, companyCurrency, givenRate) };
  checkDates(after);
  const changes = diff(old as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>);
  if (Object.keys(changes).length === 0) return present(before, companyCurrency);
  const row = await repo.update(ctx.tx, { orgId: ctx.orgId, contractId, id }, after);
  await storeValues(ctx, contract);
  await record(ctx, {
    action: 'billing_line.updated',
    objectType: 'billing_line',
    objectId: id,
    changes: diff(old as unknown as Record<string, unknown>, fieldsOf(row) as unknown as Record<string, unknown>),
    extra: { contractId },
  });
  return present(row, companyCurrency);
}

export async function remove(ctx: Ctx, contractId: string, id: string): Promise<void> {
  const { contract } = await contractFor(ctx, contractId, true);
  const line = await getLine(ctx, contractId, id);
  await repo.remove(ctx.tx, ctx.orgId, id);
  await storeValues(ctx, contract);
  await record(ctx, {
    action: 'billing_line.deleted',
    objectType: 'billing_line',
    objectId: id,
    changes: diff(fieldsOf(line) as unknown as Record<string, unknown>, {}),
    extra: { contractId, amount: line.amount, currency: line.currency },
  });
}
