import { bigint, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { FACTOR_KINDS } from '../../../common/schemas/factors.js';
import { bytea, ts } from './columns.js';
import { users } from './users.js';

/**
 * A person's second factor, across orgs (a person signs in once, whichever org). A TOTP secret is
 * sealed under a key derived from the master key (`masterVersion`), bound to the user and factor id.
 * Row-level security shows the person their own, and an org's callers those of its members.
 */
export const userFactors = pgTable(
  'user_factors',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: FACTOR_KINDS }).notNull(),
    name: text('name').notNull(),
    secret: bytea('secret'),
    masterVersion: integer('master_version'),
    /** The last TOTP time step accepted: a code of this step or an earlier one is refused (replay). */
    lastStep: bigint('last_step', { mode: 'number' }),
    confirmedAt: ts('confirmed_at'),
    lastUsedAt: ts('last_used_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('user_factors_user_idx').on(t.userId)],
);

/** Ten one-time backup codes per person, stored as SHA-256 of the user id and the code. */
export const backupCodes = pgTable(
  'backup_codes',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: ts('used_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('backup_codes_user_idx').on(t.userId, t.codeHash)],
);
