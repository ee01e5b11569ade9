import { z } from 'zod';
import type { FieldDefinition } from '../../../common/custom-fields.js';
import { COUNT_LIMIT } from '../../../common/schemas/common.js';
import {
  type ContractListItem,
  type ContractListQuery,
  type ContractOutput,
  SIGNED_MONEY,
} from '../../../common/schemas/contracts.js';
import { dateInputProblem, dateProblem } from '../../../common/terms/dates.js';
import { resolveSearch } from '../../db/text-search.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { readableUnits } from '../access/access.policy.js';
import { contractsWithText } from '../documents/documents.text.repo.js';
import { orgToday } from './contracts.access.js';
import { contractFieldDefinitions } from './contracts.custom.js';
import * as listRepo from './contracts.list.repo.js';
import { rowNames } from './contracts.names.js';
import { presentContract } from './contracts.presenter.js';
import type { ContractRow } from './contracts.repo.js';

/** (sort, sort value as text or null, id): a cursor only continues the order it came from. */
export const contractCursor = z.tuple([z.string().max(60), z.string().max(2_000).nullable(), z.uuid()]);
export type ListCursor = z.infer<typeof contractCursor>;
export type ListQuery = Omit<ContractListQuery, 'cursor'>;

/** The `cf.` entries of a query, whatever else it carries. */
function cfEntries(query: object): [string, unknown][] {
  return Object.entries(query).filter(([k]) => k.startsWith('cf.'));
}

const CF_KEY = /^cf\.([a-z][a-z0-9_]{0,39})(?:\.(from|to))?$/;
const NUMBER = /^-?\d{1,15}(\.\d{1,10})?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;
const RANGE_TYPES = ['number', 'money', 'date'] as const;
type RangeType = (typeof RANGE_TYPES)[number];

const bad = (field: string, rule: string, message: string) => AppError.invalid(field, rule, message);

/** One `cf.` equality value, converted to what is stored for the field's type. */
function eqValue(field: string, def: FieldDefinition, raw: string): unknown {
  switch (def.type) {
    case 'money':
      throw bad(field, 'range_only', 'money fields filter by range: use .from and .to');
    case 'checkbox':
      if (raw !== 'true' && raw !== 'false') throw bad(field, 'wrong_type', 'must be true or false');
      return raw === 'true';
    case 'number':
      if (!NUMBER.test(raw)) throw bad(field, 'wrong_type', 'must be a number');
      return Number(raw);
    case 'date': {
      const problem = dateInputProblem(raw);
      if (problem) throw bad(field, problem.rule, problem.message);
      return raw;
    }
    case 'dropdown':
    case 'multi_select':
      if (!def.options.includes(raw)) throw bad(field, 'unknown_option', `"${raw}" is not one of the options`);
      return raw;
    case 'user':
      if (!UUID.test(raw)) throw bad(field, 'wrong_type', 'must be a user id');
      return raw.toLowerCase();
    default:
      return raw.trim();
  }
}

function rangeValue(field: string, type: RangeType, raw: string): string {
  if (type === 'date') {
    const problem = dateInputProblem(raw);
    if (problem) throw bad(field, problem.rule, problem.message);
  } else if (!NUMBER.test(raw)) {
    throw bad(field, 'wrong_type', 'must be a number');
  }
  return raw;
}

function customFilters(entries: [string, unknown][], defs: FieldDefinition[]): listRepo.CustomFilter[] {
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const filters: listRepo.CustomFilter[] = [];
  for (const [field, raw] of entries) {
    if (raw === undefined) continue;
    const match = CF_KEY.exec(field);
    const def = match ? byKey.get(match[1]!) : undefined;
    if (!match || !def) throw bad(field, 'unknown_field', 'is not a custom field of contracts');
    const values = (Array.isArray(raw) ? raw : [raw]).map(String);
    const op = match[2] as 'from' | 'to' | undefined;
    if (!op) {
      filters.push({ key: def.key, type: def.type, op: 'eq', values: values.map((v) => eqValue(field, def, v)) });
      continue;
    }
    if (!(RANGE_TYPES as readonly string[]).includes(def.type))
      throw bad(field, 'not_a_range', 'only number, money and date fields filter by range');
    if (values.length !== 1) throw bad(field, 'single_value', 'takes one value');
    const type = def.type as RangeType;
    filters.push({ key: def.key, type, op, value: rangeValue(field, type, values[0]!) });
  }
  return filters;
}

/** The sort as the repository takes it, and its canonical name (`computed.` dropped). */
function parseSort(raw: string, defs: FieldDefinition[]): { spec: listRepo.SortSpec; name: string } {
  const descending = raw.startsWith('-');
  const field = raw.replace(/^-/, '').replace(/^computed\./, '');
  const name = `${descending ? '-' : ''}${field}`;
  if (!field.startsWith('cf.')) return { spec: { field: field as listRepo.BuiltInSort, descending }, name };
  const def = defs.find((d) => d.key === field.slice(3));
  if (!def) throw bad('sort', 'unknown_field', `${field} is not a custom field of contracts`);
  return { spec: { field: 'custom', key: def.key, type: def.type, descending }, name };
}

/** Whether a cursor's sort value can be compared with the sort's column (a forged one must not reach SQL). */
function cursorFits(spec: listRepo.SortSpec, value: string | null): boolean {
  if (value === null) return true;
  const kind = spec.field === 'custom' ? spec.type : spec.field;
  switch (kind) {
    case 'noticeDeadline':
    case 'endsOn':
    case 'currentTermEnd':
    case 'earliestEndDate':
      return dateProblem(value) === null;
    case 'createdAt':
    case 'updatedAt':
      return TIMESTAMP.test(value);
    case 'status':
    case 'phase':
      return /^\d{1,2}$/.test(value);
    case 'number':
    case 'money':
      return NUMBER.test(value);
    case 'annualValue':
    case 'totalValue':
      return SIGNED_MONEY.test(value);
    default:
      return true;
  }
}

/** Up to this many contracts matched by document text are looked up by id; more are tested one by one. */
const FEW_TEXT_MATCHES = 1000;

async function prepare(ctx: Ctx, query: ListQuery) {
  const entries = cfEntries(query);
  const sort = query.sort;
  const usesCustom = sort.replace(/^-/, '').startsWith('cf.') || entries.length > 0;
  const defs = usesCustom ? await contractFieldDefinitions(ctx) : [];
  const search = query.q ? await resolveSearch(ctx.tx, query.q) : undefined;
  const filter: listRepo.ListFilter = {
    units: readableUnits(ctx.actor),
    search,
    textContracts: search?.query
      ? ((await contractsWithText(ctx.tx, ctx.orgId, search.query, FEW_TEXT_MATCHES)) ?? undefined)
      : undefined,
    tags: query.tags,
    status: query.status,
    businessUnitId: query.businessUnitId,
    ownerId: query.ownerId,
    partnerId: query.partnerId,
    categoryId: query.categoryId,
    orgUnitId: query.orgUnitId,
    noticeDeadlineFrom: query.noticeDeadlineFrom,
    noticeDeadlineTo: query.noticeDeadlineTo,
    endsFrom: query.endsFrom,
    endsTo: query.endsTo,
    annualValueFrom: query.annualValueFrom,
    annualValueTo: query.annualValueTo,
    totalValueFrom: query.totalValueFrom,
    totalValueTo: query.totalValueTo,
    approval: query.approval,
    custom: customFilters(entries, defs),
  };
  return { filter, ...parseSort(sort, defs) };
}

/** One page of stored rows (for callers that present them their own way, such as exports). */
export async function listRows(ctx: Ctx, query: ListQuery, after?: ListCursor, limit = query.limit) {
  const { filter, spec, name } = await prepare(ctx, query);
  if (after && (after[0] !== name || !cursorFits(spec, after[1]))) {
    throw bad('cursor', 'format', 'belongs to another sort order or was not returned by this API');
  }
  const repoAfter: listRepo.Cursor | undefined = after ? [after[1], after[2]] : undefined;
  const rows = await listRepo.list(ctx.tx, ctx.orgId, filter, spec, limit + 1, repoAfter);
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return {
    rows: rows.slice(0, limit).map((r): ContractRow => r.contract),
    next: last ? ([name, last.key, last.contract.id] as ListCursor) : null,
    filter,
  };
}

/** A page of the grid: rows with the names they refer to, and on the first page the count of all matches. */
export async function list(ctx: Ctx, query: ListQuery, after?: ListCursor) {
  const { rows, next, filter } = await listRows(ctx, query, after);
  const today = await orgToday(ctx);
  const names = await rowNames(ctx, rows);
  const counted = after ? null : await listRepo.count(ctx.tx, ctx.orgId, filter, COUNT_LIMIT + 1);
  return {
    items: rows.map((r): ContractListItem => ({ ...presentContract(ctx.actor, r, today), names: names(r) })),
    next,
    total: counted === null ? null : Math.min(counted, COUNT_LIMIT),
    totalCapped: counted !== null && counted > COUNT_LIMIT,
  };
}

/** Every matching contract, a keyset page at a time, in the caller's transaction. */
export async function* iterate(ctx: Ctx, query: ListQuery, pageSize = 500): AsyncGenerator<ContractOutput> {
  const today = await orgToday(ctx);
  let after: ListCursor | undefined;
  do {
    const page = await listRows(ctx, query, after, pageSize);
    for (const row of page.rows) yield presentContract(ctx.actor, row, today);
    after = page.next ?? undefined;
  } while (after);
}
