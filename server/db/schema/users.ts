import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { DATE_FORMATS, LOCALES } from '../../../common/schemas/auth.js';
import { ts } from './columns.js';

/**
 * A person, across orgs. Not tenant-owned, but row-level security still hides every user
 * who is not the caller, not in the caller's org, and not looked up by exact e-mail.
 */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    emailVerifiedAt: ts('email_verified_at'),
    locale: text('locale', { enum: LOCALES }).notNull().default('en'),
    dateFormat: text('date_format', { enum: DATE_FORMATS }).notNull().default('YYYY-MM-DD'),
    timeZone: text('time_zone').notNull().default('Europe/Berlin'),
    passwordChangedAt: ts('password_changed_at'),
    /** When the person was last told that sign-ins to their account are being throttled. */
    signInAlertAt: ts('sign_in_alert_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`)],
);

/**
 * One-time links for e-mail verification, password reset and ending a session from the
 * new-device mail (which names the session by org and id), stored hashed.
 */
export const userTokens = pgTable(
  'user_tokens',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['verify_email', 'reset_password', 'end_session'] }).notNull(),
    tokenHash: text('token_hash').notNull(),
    orgId: uuid('org_id'),
    sessionId: uuid('session_id'),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('user_tokens_token_key').on(t.tokenHash), index('user_tokens_user_idx').on(t.userId)],
);

/**
 * Failed sign-ins counted per source address (`accountKey` '') and per (account, address), where
 * the account is the SHA-256 of the lower-cased e-mail whether or not anyone owns it. Row-level
 * security shows a caller only the rows of its own address.
 */
export const signInThrottles = pgTable(
  'sign_in_throttles',
  {
    ip: text('ip').notNull(),
    accountKey: text('account_key').notNull(),
    failures: integer('failures').notNull().default(0),
    lastFailedAt: ts('last_failed_at').notNull(),
    blockedUntil: ts('blocked_until'),
  },
  (t) => [primaryKey({ columns: [t.ip, t.accountKey] })],
);

/**
 * A sign-up waiting for its address to be confirmed: no org or user exists until the mailed link
 * is followed, so signing up answers alike whether or not the address is already registered.
 */
export const pendingSignUps = pgTable(
  'pending_sign_ups',
  {
    tokenHash: text('token_hash').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    companyName: text('company_name').notNull(),
    locale: text('locale', { enum: LOCALES }).notNull(),
    expiresAt: ts('expires_at').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('pending_sign_ups_email_idx').on(sql`lower(${t.email})`)],
);

/**
 * Devices a person has signed in from, as a hash of browser, system and network (never the raw
 * values): a sign-in from a combination not in here is mailed to them. Not tenant-owned; row-level
 * security shows a caller only their own rows.
 */
export const knownDevices = pgTable(
  'known_devices',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    deviceKey: text('device_key').notNull(),
    firstSeenAt: ts('first_seen_at').notNull().defaultNow(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.deviceKey] })],
);
