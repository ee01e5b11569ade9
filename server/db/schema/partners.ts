import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import { index, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { PARTNER_TYPES, type PartnerAddress, type PartnerContact } from '../../../common/schemas/partners.js';
import { ts, tsvector } from './columns.js';
import { orgs } from './orgs.js';

/** Suppliers and customers: one repository per org, shared by all business units. */
export const partners = pgTable(
  'partners',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    type: text('type', { enum: PARTNER_TYPES }).notNull(),
    registrationNumber: text('registration_number'),
    vatId: text('vat_id'),
    address: jsonb('address').$type<PartnerAddress>(),
    /** Custom field values by field key (see custom_fields). */
    custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    contacts: jsonb('contacts').$type<PartnerContact[]>().notNull().default(sql`'[]'::jsonb`),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    deletedAt: ts('deleted_at'),
    /** What a contract search matches in its partner (stored: see contracts.search). */
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs((): SQL => sql`to_tsvector('simple'::regconfig, ${partners.name})`),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('partners_id_key').on(t.id),
    index('partners_custom_idx').using('gin', t.custom.op('jsonb_path_ops')),
    index('partners_name_idx').on(t.orgId, sql`lower(${t.name})`, t.id),
    index('partners_search_idx').using('gin', t.search),
  ],
);

/** Every column but the search document, which only PostgreSQL reads: select these, not `*`. */
export const { search: _partnersSearch, ...partnerColumns } = getTableColumns(partners);
