import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { GRID_ENTITIES, IMPORT_FORMATS, IMPORT_STATUSES } from '../../../common/schemas/vocabulary.js';
import { bytea, ts } from './columns.js';
import { orgs } from './orgs.js';

/** A grid's filters, sort and columns under a name: the owner's own, or shared with the whole org. */
export const savedViews = pgTable(
  'saved_views',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    entity: text('entity', { enum: GRID_ENTITIES }).notNull(),
    name: text('name').notNull(),
    ownerId: uuid('owner_id').notNull(),
    shared: boolean('shared').notNull().default(false),
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('saved_views_id_key').on(t.id),
    index('saved_views_owner_idx').on(t.orgId, t.entity, t.ownerId),
  ],
);

/** An uploaded import file through its steps: uploaded → mapped and dry-run → committed. */
export const imports = pgTable(
  'imports',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    entity: text('entity', { enum: GRID_ENTITIES }).notNull(),
    status: text('status', { enum: IMPORT_STATUSES }).notNull(),
    fileName: text('file_name').notNull(),
    format: text('format', { enum: IMPORT_FORMATS }).notNull(),
    /** The file as uploaded; cleared once the import is committed. */
    content: bytea('content'),
    headers: jsonb('headers').$type<string[]>().notNull(),
    rowCount: integer('row_count').notNull(),
    mapping: jsonb('mapping').$type<Record<string, string | null>>(),
    options: jsonb('options').$type<Record<string, unknown>>(),
    errorCount: integer('error_count'),
    errors: jsonb('errors').$type<unknown[]>(),
    result: jsonb('result').$type<Record<string, unknown>>(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), uniqueIndex('imports_id_key').on(t.id)],
);
