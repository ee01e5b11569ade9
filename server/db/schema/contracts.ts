import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { CONTRACT_STATUSES } from '../../../common/schemas/contracts.js';
import { PHASES } from '../../../common/terms/computed.js';
import type { Lifecycle } from '../../../common/terms/lifecycle.js';
import { categories, orgUnits } from './classification.js';
import { day, ts, tsvector } from './columns.js';
import { businessUnits, orgs } from './orgs.js';
import { partners } from './partners.js';

/**
 * What `q` searches in a contract: title, number (also split at - / . _ so "2025" finds
 * "CT-2025-00001") and description. Stored, because row-level security lets an index serve only
 * leakproof operators on a plain column (see migration 0010).
 */
function contractSearchDocument(t: { title: AnyPgColumn; contractNumber: AnyPgColumn; description: AnyPgColumn }): SQL {
  return sql`to_tsvector('simple'::regconfig, ${t.title} || ' ' || coalesce(${t.contractNumber}, '') || ' ' || translate(coalesce(${t.contractNumber}, ''), '-/._', '    ') || ' ' || coalesce(${t.description}, ''))`;
}

/**
 * A contract. The dates the term engine derives are stored beside the lifecycle, so grids can
 * filter and sort on them with an index; they are refreshed on every write.
 */
export const contracts = pgTable(
  'contracts',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    title: text('title').notNull(),
    status: text('status', { enum: CONTRACT_STATUSES }).notNull(),
    contractNumber: text('contract_number'),
    businessUnitId: uuid('business_unit_id').notNull(),
    partnerId: uuid('partner_id'),
    ownerId: uuid('owner_id'),
    backupOwnerId: uuid('backup_owner_id'),
    masterId: uuid('master_id'),
    categoryId: uuid('category_id'),
    orgUnitId: uuid('org_unit_id'),
    description: text('description'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** Custom field values by field key (see custom_fields). */
    custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    lifecycle: jsonb('lifecycle').$type<Lifecycle>().notNull(),
    noticeDeadline: day('notice_deadline'),
    earliestEndDate: day('earliest_end_date'),
    endsOn: day('ends_on'),
    currentTermEnd: day('current_term_end'),
    renewalCount: integer('renewal_count'),
    phase: text('phase', { enum: PHASES }).notNull(),
    computedOn: day('computed_on').notNull(),
    /** Billing values in the company currency (common/billing-values.ts), stored so the grid sorts by index. */
    annualCost: numeric('annual_cost', { precision: 22, scale: 2 }).notNull().default('0'),
    annualRevenue: numeric('annual_revenue', { precision: 22, scale: 2 }).notNull().default('0'),
    annualValue: numeric('annual_value', { precision: 22, scale: 2 }).notNull().default('0'),
    /** Null: open-ended (a recurring line with no last billing on a contract with no end). */
    totalCost: numeric('total_cost', { precision: 22, scale: 2 }).default('0'),
    totalRevenue: numeric('total_revenue', { precision: 22, scale: 2 }).default('0'),
    totalValue: numeric('total_value', { precision: 22, scale: 2 }).default('0'),
    /** The last day the annual values hold; the daily refresh recomputes them after it. */
    billingValidUntil: day('billing_valid_until'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    deletedAt: ts('deleted_at'),
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs((): SQL => contractSearchDocument(contracts)),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('contracts_id_key').on(t.id),
    foreignKey({ columns: [t.orgId, t.businessUnitId], foreignColumns: [businessUnits.orgId, businessUnits.id] }),
    foreignKey({ columns: [t.orgId, t.masterId], foreignColumns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.partnerId], foreignColumns: [partners.orgId, partners.id] }),
    foreignKey({ columns: [t.orgId, t.categoryId], foreignColumns: [categories.orgId, categories.id] }),
    foreignKey({ columns: [t.orgId, t.orgUnitId], foreignColumns: [orgUnits.orgId, orgUnits.id] }),
    index('contracts_partner_idx').on(t.orgId, t.partnerId),
    index('contracts_category_idx').on(t.orgId, t.categoryId),
    index('contracts_org_unit_idx').on(t.orgId, t.orgUnitId),
    index('contracts_custom_idx').using('gin', t.custom.op('jsonb_path_ops')),
    index('contracts_tags_idx').using('gin', t.tags),
    index('contracts_deleted_idx').on(t.orgId, t.deletedAt).where(sql`${t.deletedAt} is not null`),
    uniqueIndex('contracts_number_key')
      .on(t.orgId, sql`lower(${t.contractNumber})`)
      .where(sql`${t.contractNumber} is not null and ${t.deletedAt} is null`),
    index('contracts_notice_deadline_idx').on(t.orgId, t.noticeDeadline, t.id),
    index('contracts_ends_on_idx').on(t.orgId, t.endsOn, t.id),
    index('contracts_annual_value_idx').on(t.orgId, t.annualValue, t.id),
    index('contracts_total_value_idx').on(t.orgId, t.totalValue, t.id),
    // Open-ended totals (null) sort last in both directions; this serves the descending order.
    index('contracts_total_value_desc_idx').on(t.orgId, t.totalValue.desc().nullsLast(), t.id.desc()),
    index('contracts_billing_valid_idx')
      .on(t.orgId, t.billingValidUntil)
      .where(sql`${t.billingValidUntil} is not null`),
    index('contracts_updated_idx').on(t.orgId, t.updatedAt, t.id),
    index('contracts_unit_idx').on(t.orgId, t.businessUnitId),
    index('contracts_master_idx').on(t.orgId, t.masterId),
    index('contracts_search_idx').using('gin', t.search),
  ],
);

/** Every column but the search document, which only PostgreSQL reads: select these, not `*`. */
export const { search: _contractsSearch, ...contractColumns } = getTableColumns(contracts);

/** The next counter value of a contract-number pattern, per org and period ('' when the pattern has no year). */
export const contractNumberCounters = pgTable(
  'contract_number_counters',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    value: integer('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.period] })],
);
