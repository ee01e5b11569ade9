import { and, arrayContains, asc, desc, eq, gt, gte, inArray, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { ContractApprovalState } from '../../../common/schemas/approvals.js';
import { type CONTRACT_SORTS, CONTRACT_STATUSES } from '../../../common/schemas/contracts.js';
import type { CustomFieldType } from '../../../common/schemas/vocabulary.js';
import { PHASES } from '../../../common/terms/computed.js';
import type { Tx } from '../../db/client.js';
import { businessUnits, categories, contractColumns, contracts, orgUnits, partners } from '../../db/schema/index.js';
import type { ResolvedSearch } from '../../db/text-search.js';
import { customValueOf } from '../custom-fields/custom-sql.js';
import { hasMatchingText, textIndexLed } from '../documents/documents.text.repo.js';
import { memberName } from '../users/users.repo.js';
import type { ContractRow } from './contracts.repo.js';

/** A custom-field filter, already checked against the field's definition. */
export type CustomFilter =
  | { key: string; type: CustomFieldType; op: 'eq'; values: unknown[] }
  | { key: string; type: 'number' | 'money' | 'date'; op: 'from' | 'to'; value: string };

export interface ListFilter {
  units: string[] | 'all';
  /** The search (q), resolved for contract fields and for document text (resolveSearch). */
  search?: ResolvedSearch;
  /**
   * The contracts whose documents' text matches the search, when they are few (contractsWithText);
   * otherwise the list tests each contract for it.
   */
  textContracts?: string[];
  status?: ContractRow['status'];
  businessUnitId?: string;
  ownerId?: string;
  partnerId?: string;
  categoryId?: string;
  orgUnitId?: string;
  tags?: string[];
  noticeDeadlineFrom?: string;
  noticeDeadlineTo?: string;
  endsFrom?: string;
  endsTo?: string;
  annualValueFrom?: string;
  annualValueTo?: string;
  totalValueFrom?: string;
  totalValueTo?: string;
  approval?: ContractApprovalState;
  custom?: CustomFilter[];
}

/** A built-in sort key (the API's `computed.` prefix already dropped). */
export type BuiltInSort = (typeof CONTRACT_SORTS)[number];
export type SortField = { field: BuiltInSort } | { field: 'custom'; key: string; type: CustomFieldType };
export type SortSpec = SortField & { descending: boolean };
/** The last row seen: its sort value as text (null when it has none) and its id. */
export type Cursor = [string | null, string];

const customValue = (key: string, type: CustomFieldType) => customValueOf(sql`${contracts.custom}`, key, type);

/** A referenced row's name, lower-cased so the order ignores case (looked up per row: sorts by name only). */
const nameOf = (table: SQL, id: SQL) => sql`(select lower(t.name) from ${table} t where t.id = ${id})`;

/** A position in a fixed order, as a number (so the cursor compares it as one). */
const positionIn = (values: readonly string[], column: SQL) =>
  sql`array_position(array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[], ${column}::text)`;

function sortExpression(sort: SortField): SQL {
  switch (sort.field) {
    case 'noticeDeadline':
      return sql`${contracts.noticeDeadline}`;
    case 'endsOn':
      return sql`${contracts.endsOn}`;
    case 'currentTermEnd':
      return sql`${contracts.currentTermEnd}`;
    case 'earliestEndDate':
      return sql`${contracts.earliestEndDate}`;
    case 'title':
      return sql`${contracts.title}`;
    case 'contractNumber':
      return sql`${contracts.contractNumber}`;
    case 'status':
      return positionIn(CONTRACT_STATUSES, sql`${contracts.status}`);
    case 'phase':
      return positionIn(PHASES, sql`${contracts.phase}`);
    case 'partner':
      return nameOf(sql`${partners}`, sql`${contracts.partnerId}`);
    case 'owner':
      return sql`lower(${memberName(sql`contracts.org_id`, sql`contracts.owner_id`)})`;
    case 'backupOwner':
      return sql`lower(${memberName(sql`contracts.org_id`, sql`contracts.backup_owner_id`)})`;
    case 'businessUnit':
      return nameOf(sql`${businessUnits}`, sql`${contracts.businessUnitId}`);
    case 'category':
      return nameOf(sql`${categories}`, sql`${contracts.categoryId}`);
    case 'orgUnit':
      return nameOf(sql`${orgUnits}`, sql`${contracts.orgUnitId}`);
    case 'tags':
      // Contracts without tags have no value, so they sort last like other empty cells.
      return sql`nullif(array_to_string(${contracts.tags}, ', '), '')`;
    case 'createdAt':
      return sql`${contracts.createdAt}`;
    case 'updatedAt':
      return sql`${contracts.updatedAt}`;
    case 'annualValue':
      return sql`${contracts.annualValue}`;
    case 'totalValue':
      // Null is an open-ended total: it sorts last like other empty cells.
      return sql`${contracts.totalValue}`;
    case 'custom':
      return customValue(sort.key, sort.type);
  }
}

/** Can the sort value be null? Then nulls go last in both directions. */
const NOT_NULL = new Set<SortField['field']>(['title', 'status', 'phase', 'createdAt', 'updatedAt', 'annualValue']);
const nullable = (sort: SortField) => !NOT_NULL.has(sort.field);

function customCondition(f: CustomFilter): SQL | undefined {
  if (f.op === 'eq') {
    // Containment is what the GIN index on `custom` serves.
    const contains = (v: unknown) =>
      sql`${contracts.custom} @> ${JSON.stringify({ [f.key]: f.type === 'multi_select' ? [v] : v })}::jsonb`;
    return or(...f.values.map(contains));
  }
  const value = customValue(f.key, f.type);
  return f.op === 'from' ? gte(value, f.value) : lte(value, f.value);
}

/**
 * Contracts whose title, number, description or partner's name match `fields` (resolveSearch's, a
 * tsquery as text: a constant the planner sees, so a rare word is looked up in the indexes).
 */
export function fieldSearchCondition(orgId: string, fields: string): SQL {
  const query = sql`${fields}::tsquery`;
  // An array, not `in (subquery)`: the planner then looks the partners up once, by their index.
  const partnerIds = sql`array(select ${partners.id} from ${partners} where ${partners.orgId} = ${orgId}
    and ${partners.deletedAt} is null and ${partners.search} @@ ${query})`;
  return or(sql`${contracts.search} @@ ${query}`, sql`${contracts.partnerId} = any(${partnerIds})`)!;
}

/** The grid's search: the contract's own fields, or the text of a live document on it. */
function searchCondition(orgId: string, search: ResolvedSearch, textContracts: string[] | undefined): SQL {
  if (!search.query) return fieldSearchCondition(orgId, search.fields);
  // A few known ids let the planner look every part of the condition up in an index (BitmapOr);
  // many are better tested contract by contract along the sort order.
  const text = textContracts
    ? textContracts.length
      ? inArray(contracts.id, textContracts)
      : sql`false`
    : hasMatchingText(orgId, search.query);
  return or(fieldSearchCondition(orgId, search.fields), text)!;
}

/** The contract's current approval is in `state` (`none`: no current one, or a cancelled one). */
function approvalCondition(state: ContractApprovalState): SQL {
  const current = (status: SQL) => sql`exists (select 1 from approval_workflows aw where aw.org_id = contracts.org_id
    and aw.contract_id = contracts.id and aw.is_current and ${status})`;
  if (state === 'none') return sql`not ${current(sql`aw.status in ('in_progress', 'approved', 'rejected')`)}`;
  return current(sql`aw.status = ${state}`);
}

function conditions(orgId: string, f: ListFilter): (SQL | undefined)[] {
  return [
    eq(contracts.orgId, orgId),
    isNull(contracts.deletedAt),
    f.units === 'all' ? undefined : f.units.length ? inArray(contracts.businessUnitId, f.units) : sql`false`,
    f.search ? searchCondition(orgId, f.search, f.textContracts) : undefined,
    f.status ? eq(contracts.status, f.status) : undefined,
    f.businessUnitId ? eq(contracts.businessUnitId, f.businessUnitId) : undefined,
    f.ownerId ? eq(contracts.ownerId, f.ownerId) : undefined,
    f.partnerId ? eq(contracts.partnerId, f.partnerId) : undefined,
    f.categoryId ? eq(contracts.categoryId, f.categoryId) : undefined,
    f.orgUnitId ? eq(contracts.orgUnitId, f.orgUnitId) : undefined,
    f.tags?.length ? arrayContains(contracts.tags, f.tags) : undefined,
    f.noticeDeadlineFrom ? gte(contracts.noticeDeadline, f.noticeDeadlineFrom) : undefined,
    f.noticeDeadlineTo ? lte(contracts.noticeDeadline, f.noticeDeadlineTo) : undefined,
    f.endsFrom ? gte(contracts.endsOn, f.endsFrom) : undefined,
    f.endsTo ? lte(contracts.endsOn, f.endsTo) : undefined,
    f.annualValueFrom ? gte(contracts.annualValue, f.annualValueFrom) : undefined,
    f.annualValueTo ? lte(contracts.annualValue, f.annualValueTo) : undefined,
    f.totalValueFrom ? gte(contracts.totalValue, f.totalValueFrom) : undefined,
    f.totalValueTo ? lte(contracts.totalValue, f.totalValueTo) : undefined,
    f.approval ? approvalCondition(f.approval) : undefined,
    ...(f.custom ?? []).map(customCondition),
  ];
}

/** Rows after the cursor in (sort value, id) order, where rows without a value come after all others. */
function afterCondition(key: SQL, sort: SortSpec, after: Cursor): SQL | undefined {
  const past = (a: SQL, b: unknown) => (sort.descending ? lt(a, b) : gt(a, b));
  const id = sql`${contracts.id}`;
  const [value, lastId] = after;
  if (value === null) return and(sql`${key} is null`, past(id, lastId));
  return or(past(key, value), and(eq(key, sql`${value}`), past(id, lastId)), sql`${key} is null`);
}

/** Keyset pagination: `after` is the (sort value, id) of the last row seen. */
export async function list(tx: Tx, orgId: string, f: ListFilter, sort: SortSpec, limit: number, after?: Cursor) {
  const key = sortExpression(sort);
  const direction = sort.descending ? (nullable(sort) ? sql`${key} desc nulls last` : desc(key)) : asc(key);
  return textIndexLed(tx, f.search, () =>
    tx
      .select({ contract: contractColumns, key: sql<string | null>`(${key})::text` })
      .from(contracts)
      .where(and(...conditions(orgId, f), after ? afterCondition(key, sort, after) : undefined))
      .orderBy(direction, sort.descending ? desc(contracts.id) : asc(contracts.id))
      .limit(limit),
  );
}

/** How many contracts match, counted up to `cap` (a count past it would be a scan of them all). */
export async function count(tx: Tx, orgId: string, f: ListFilter, cap: number): Promise<number> {
  const capped = tx
    .select({ one: sql`1` })
    .from(contracts)
    .where(and(...conditions(orgId, f)))
    .limit(cap)
    .as('capped');
  const [row] = await textIndexLed(tx, f.search, () => tx.select({ n: sql<number>`count(*)::int` }).from(capped));
  return row?.n ?? 0;
}
