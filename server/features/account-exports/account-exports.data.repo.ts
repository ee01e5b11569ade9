import { and, asc, eq, getTableColumns, gt, inArray, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { rowsOf, type Tx } from '../../db/client.js';
import {
  billingLines,
  businessUnits,
  categories,
  contractColumns,
  contracts,
  customFields,
  documents,
  documentVersions,
  events,
  memberships,
  orgUnits,
  partners,
  reminders,
  unitRoles,
  users,
} from '../../db/schema/index.js';

export type Row = Record<string, unknown>;

/** One kind of record in the export: read a page at a time in `id` order, so memory stays flat. */
export interface Dataset {
  /** The file name in `data/` (`contracts` → data/contracts.json and data/contracts.csv). */
  name: string;
  /** The CSV's columns: the records' keys. */
  columns: readonly string[];
  count(tx: Tx, orgId: string): Promise<number>;
  page(tx: Tx, orgId: string, after: string | null, limit: number): Promise<Row[]>;
}

/** Columns an export leaves out: sealed bytes and wrapped keys (their clear values are exported apart) and search documents. */
const HIDDEN_TYPES = new Set(['bytea', 'tsvector']);

function visible(columns: Record<string, PgColumn>): Record<string, PgColumn> {
  return Object.fromEntries(Object.entries(columns).filter(([, c]) => !HIDDEN_TYPES.has(c.getSQLType())));
}

/** A tenant table read whole (but for hidden columns), keyed by its `id`. */
function tableDataset(
  name: string,
  table: PgTable & { orgId: PgColumn; id: PgColumn },
  columns: Record<string, PgColumn> = getTableColumns(table),
): Dataset {
  const selected = visible(columns);
  return {
    name,
    columns: Object.keys(selected),
    count: async (tx, orgId) => {
      const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(table).where(eq(table.orgId, orgId));
      return row?.n ?? 0;
    },
    page: (tx, orgId, after, limit) =>
      tx
        .select(selected)
        .from(table)
        .where(and(eq(table.orgId, orgId), after ? gt(table.id, after) : undefined))
        .orderBy(asc(table.id))
        .limit(limit) as Promise<Row[]>,
  };
}

/** The members with their account's name and e-mail, administrator flag, state and business-unit roles. */
const usersDataset: Dataset = {
  name: 'users',
  columns: ['id', 'email', 'name', 'isAdmin', 'status', 'lockedAt', 'lastSignInAt', 'unitRoles', 'createdAt'],
  count: async (tx, orgId) => {
    const [row] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(memberships)
      .where(eq(memberships.orgId, orgId));
    return row?.n ?? 0;
  },
  page: (tx, orgId, after, limit) =>
    tx
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        isAdmin: memberships.isAdmin,
        status: memberships.status,
        lockedAt: memberships.lockedAt,
        lastSignInAt: memberships.lastSignInAt,
        unitRoles: sql<Record<string, string>>`coalesce((select jsonb_object_agg(r.business_unit_id, r.role)
          from ${unitRoles} r where r.org_id = ${memberships.orgId} and r.user_id = ${memberships.userId}), '{}'::jsonb)`,
        createdAt: memberships.createdAt,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.orgId, orgId), after ? gt(memberships.userId, after) : undefined))
      .orderBy(asc(memberships.userId))
      .limit(limit),
};

/** Every custom field value of contracts and partners, one row each, with the field's key. */
const customValuesDataset: Dataset = {
  name: 'custom-field-values',
  columns: ['id', 'entity', 'recordId', 'fieldKey', 'value'],
  count: async (tx, orgId) => {
    const [row] = rowsOf<{ n: number }>(
      await tx.execute(sql`select
        (select count(*) from ${contracts} c, jsonb_each(c.custom) where c.org_id = ${orgId})::int
      + (select count(*) from ${partners} p, jsonb_each(p.custom) where p.org_id = ${orgId})::int as n`),
    );
    return Number(row?.n ?? 0);
  },
  page: async (tx, orgId, after, limit) => {
    // The cursor is "<record id>/<field key>", the last row's id. Each side walks its table's primary key
    // from the cursor on (a page costs the page, not the table), and the two merge in (record id, key) order.
    const slash = after?.indexOf('/') ?? -1;
    const [record, key] = after && slash > 0 ? [after.slice(0, slash), after.slice(slash + 1)] : [null, ''];
    const side = (table: typeof contracts | typeof partners, entity: string) => sql`(
        select ${entity}::text as entity, t.id as record_id, f.key as field_key, f.value
        from ${table} t, jsonb_each(t.custom) f
        where t.org_id = ${orgId}
          ${record === null ? sql`` : sql`and t.id >= ${record}::uuid and (t.id, f.key) > (${record}::uuid, ${key}::text)`}
        order by t.id, f.key limit ${limit})`;
    const result = await tx.execute(sql`select entity, record_id::text as record_id, field_key, value from (
        ${side(contracts, 'contract')} union all ${side(partners, 'partner')}
      ) v order by v.record_id, v.field_key limit ${limit}`);
    return rowsOf<Row>(result).map((r) => ({
      id: `${r.record_id}/${r.field_key}`,
      entity: r.entity,
      recordId: r.record_id,
      fieldKey: r.field_key,
      value: r.value,
    }));
  },
};

/** The record kinds exported as JSON and CSV, in the order they are written. */
export const DATASETS: readonly Dataset[] = [
  tableDataset('contracts', contracts, contractColumns),
  tableDataset('partners', partners),
  tableDataset('events', events),
  tableDataset('reminders', reminders),
  tableDataset('billing-lines', billingLines),
  tableDataset('custom-fields', customFields),
  customValuesDataset,
  tableDataset('business-units', businessUnits),
  tableDataset('org-units', orgUnits),
  tableDataset('categories', categories),
  usersDataset,
];

export interface DocumentRow {
  id: string;
  kind: 'file' | 'link';
  contractId: string | null;
  contractTitle: string | null;
  contractNumber: string | null;
  inInbox: boolean;
  dataKey: Buffer;
  orgKeyVersion: number;
  name: Buffer;
  url: Buffer | null;
  provider: string | null;
  currentVersion: number | null;
  createdAt: Date;
  deletedAt: Date | null;
}

export async function countDocuments(tx: Tx, orgId: string): Promise<{ documents: number; versions: number }> {
  const [d] = await tx.select({ n: sql<number>`count(*)::int` }).from(documents).where(eq(documents.orgId, orgId));
  const [v] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(documentVersions)
    .where(eq(documentVersions.orgId, orgId));
  return { documents: d?.n ?? 0, versions: v?.n ?? 0 };
}

/** Documents with their contract's title and number (for the folder name), in id order. */
export function documentPage(tx: Tx, orgId: string, after: string | null, limit: number): Promise<DocumentRow[]> {
  return tx
    .select({
      id: documents.id,
      kind: documents.kind,
      contractId: documents.contractId,
      contractTitle: contracts.title,
      contractNumber: contracts.contractNumber,
      inInbox: documents.inInbox,
      dataKey: documents.dataKey,
      orgKeyVersion: documents.orgKeyVersion,
      name: documents.name,
      url: documents.url,
      provider: documents.provider,
      currentVersion: documents.currentVersion,
      createdAt: documents.createdAt,
      deletedAt: documents.deletedAt,
    })
    .from(documents)
    .leftJoin(contracts, and(eq(contracts.orgId, documents.orgId), eq(contracts.id, documents.contractId)))
    .where(and(eq(documents.orgId, orgId), after ? gt(documents.id, after) : undefined))
    .orderBy(asc(documents.id))
    .limit(limit);
}

export type VersionRow = typeof documentVersions.$inferSelect;

export function versionsOf(tx: Tx, orgId: string, documentIds: string[]): Promise<VersionRow[]> {
  if (documentIds.length === 0) return Promise.resolve([]);
  return tx
    .select()
    .from(documentVersions)
    .where(and(eq(documentVersions.orgId, orgId), inArray(documentVersions.documentId, documentIds)))
    .orderBy(asc(documentVersions.documentId), asc(documentVersions.number));
}
