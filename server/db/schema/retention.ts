import { jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';

export const DELETION_REASONS = ['retention', 'request', 'operator'] as const;

/**
 * The operator's record of each organization deletion: no foreign key (the org is gone) and no
 * personal data once finished. `notify` holds the administrators' addresses only while the
 * deletion runs (so a rerun after a crash can still mail the receipt); finishing clears it.
 */
export const orgDeletions = pgTable('org_deletions', {
  orgId: uuid('org_id').primaryKey(),
  /** SHA-256 of the organization's name, hex. */
  nameSha256: text('name_sha256').notNull(),
  reason: text('reason', { enum: DELETION_REASONS }).notNull(),
  startedAt: ts('started_at').notNull(),
  finishedAt: ts('finished_at'),
  /** Rows per table, blobs and org keys, counted before anything was deleted. */
  counts: jsonb('counts').$type<Record<string, number>>().notNull(),
  notify: jsonb('notify').$type<{ emails: string[]; locale: string }[]>(),
  /** The signed deletion receipt, once finished. */
  receipt: jsonb('receipt').$type<Record<string, unknown>>(),
});
