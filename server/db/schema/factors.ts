import { bigint, boolean, foreignKey, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { FACTOR_KINDS, SMS_CODE_PURPOSES, WEBAUTHN_PURPOSES } from '../../../common/schemas/factors.js';
import { bytea, ts } from './columns.js';
import { orgs, sessions } from './orgs.js';
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
    /** Passkeys: the credential id (base64url) the authenticator names, unique across people. */
    credentialId: text('credential_id'),
    /** Passkeys: the COSE public key; public, so not sealed. */
    publicKey: bytea('public_key'),
    /** Passkeys: the last signature counter seen; a non-zero counter must grow (a cloned authenticator does not). */
    signCount: bigint('sign_count', { mode: 'number' }),
    transports: text('transports').array(),
    /** Passkeys: synced to the provider's cloud (backed up) rather than bound to one device. */
    backedUp: boolean('backed_up'),
    /** SMS: the number masked for the list (`+49 ••• ••• 67`); the number itself is sealed in `secret`. */
    phoneHint: text('phone_hint'),
    confirmedAt: ts('confirmed_at'),
    lastUsedAt: ts('last_used_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('user_factors_user_idx').on(t.userId), uniqueIndex('user_factors_credential_idx').on(t.credentialId)],
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

/**
 * A WebAuthn challenge waiting for its answer: single use (deleted when answered), five minutes.
 * Registration and the second step of a sign-in bind it to the session that asked; a passwordless
 * sign-in has no session yet and binds it to the browser by the hash of a short-lived cookie.
 */
export const webauthnChallenges = pgTable(
  'webauthn_challenges',
  {
    id: uuid('id').primaryKey(),
    purpose: text('purpose', { enum: WEBAUTHN_PURPOSES }).notNull(),
    challenge: text('challenge').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').references(() => orgs.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id'),
    tokenHash: text('token_hash'),
    expiresAt: ts('expires_at').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.orgId, t.sessionId], foreignColumns: [sessions.orgId, sessions.id] }).onDelete('cascade'),
    index('webauthn_challenges_session_idx').on(t.sessionId),
    index('webauthn_challenges_token_idx').on(t.tokenHash),
  ],
);

/**
 * A code sent by text message: stored only as an HMAC under the server secret, five minutes, single
 * use, five wrong tries. Rows outlive their factor (factor_id set null) for an hour: they are the
 * person's SMS rate limit.
 */
export const smsCodes = pgTable(
  'sms_codes',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    factorId: uuid('factor_id').references(() => userFactors.id, { onDelete: 'set null' }),
    purpose: text('purpose', { enum: SMS_CODE_PURPOSES }).notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('sms_codes_user_idx').on(t.userId, t.createdAt)],
);
