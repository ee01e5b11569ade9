import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ACCOUNT_EXPORT_STATUSES } from '../../../common/schemas/account-exports.js';
import { LOCALES } from '../../../common/schemas/auth.js';
import { bytea, ts } from './columns.js';
import { orgs } from './orgs.js';

/**
 * A whole-account export: queued by an administrator, built by the `account-exports.build` job into a
 * ZIP sealed under its own data key (like a document version), downloadable until `expires_at`, then
 * its blob is deleted by `account-exports.expire`.
 */
export const accountExports = pgTable(
  'account_exports',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    status: text('status', { enum: ACCOUNT_EXPORT_STATUSES }).notNull().default('queued'),
    requestedBy: uuid('requested_by'),
    /** The CSV files' dialect and headers. */
    locale: text('locale', { enum: LOCALES }).notNull().default('en'),
    /** Items written (rows and files) of the total counted when the build started. */
    done: integer('done').notNull().default(0),
    total: integer('total').notNull().default(0),
    /** Why a build failed, in words an administrator can act on (never a stack). */
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    /** A build holds its row until then; a worker that dies leaves it claimable again. */
    leaseUntil: ts('lease_until'),
    /** Made from ids only (orgs/<org>/exports/<id>); null before the build and after the expiry. */
    blobName: text('blob_name'),
    size: bigint('size', { mode: 'number' }),
    sealedSize: bigint('sealed_size', { mode: 'number' }),
    sha256: text('sha256'),
    /** The ZIP's data key, wrapped under the org key version its first bytes name. */
    dataKey: bytea('data_key'),
    orgKeyVersion: integer('org_key_version'),
    counts: jsonb('counts').$type<Record<string, number>>(),
    createdAt: ts('created_at').notNull().defaultNow(),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
    expiresAt: ts('expires_at'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('account_exports_id_key').on(t.id),
    index('account_exports_created_idx').on(t.orgId, t.createdAt),
    index('account_exports_pending_idx').on(t.orgId, t.createdAt).where(sql`${t.status} in ('queued', 'running')`),
    index('account_exports_org_key_idx').on(t.orgId, t.orgKeyVersion),
  ],
);
