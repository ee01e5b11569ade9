import { sql } from 'drizzle-orm';
import { boolean, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { CATEGORY_KINDS, CUSTOM_FIELD_ENTITIES, CUSTOM_FIELD_TYPES } from '../../../common/schemas/vocabulary.js';
import { ts } from './columns.js';
import { orgs } from './orgs.js';

/** Admin-managed categories, one list for contracts and one for events. */
export const categories = pgTable(
  'categories',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    kind: text('kind', { enum: CATEGORY_KINDS }).notNull().default('contract'),
    name: text('name').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('categories_id_key').on(t.id),
    uniqueIndex('categories_name_key').on(t.orgId, t.kind, sql`lower(${t.name})`),
  ],
);

/** Organizational units (departments, cost centres): a label, unlike business units which decide visibility. */
export const orgUnits = pgTable(
  'org_units',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('org_units_id_key').on(t.id),
    uniqueIndex('org_units_name_key').on(t.orgId, sql`lower(${t.name})`),
  ],
);

/**
 * A custom field definition. Values live in the `custom` jsonb column of the contract or
 * partner, keyed by `key`, which never changes once created.
 */
export const customFields = pgTable(
  'custom_fields',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    entity: text('entity', { enum: CUSTOM_FIELD_ENTITIES }).notNull(),
    key: text('key').notNull(),
    label: text('label').notNull(),
    type: text('type', { enum: CUSTOM_FIELD_TYPES }).notNull(),
    options: jsonb('options').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    mandatory: boolean('mandatory').notNull().default(false),
    position: integer('position').notNull(),
    section: text('section'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('custom_fields_id_key').on(t.id),
    uniqueIndex('custom_fields_key_key').on(t.orgId, t.entity, t.key),
  ],
);
