import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ApiScopes } from '../../../common/schemas/api-scopes.js';
import type { CompanyDetails } from '../../../common/schemas/notice-letters.js';
import { type DefaultReminder, REPEATS } from '../../../common/schemas/reminders.js';
import { bytea, ts } from './columns.js';
import { users } from './users.js';

/** The tenant itself; row-level security keys it by id. */
export const SESSION_STAGES = ['full', 'second_factor', 'enrolment'] as const;

export const orgs = pgTable('orgs', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  timeZone: text('time_zone').notNull().default('Europe/Berlin'),
  /** ISO 4217 code that billing lines convert to. */
  currency: text('currency').notNull().default('EUR'),
  /** Contracts must name an organizational unit when next saved. */
  orgUnitMandatory: boolean('org_unit_mandatory').notNull().default(false),
  /** Contracts saved with a status other than draft must have a live file or link (checked when next saved). */
  requireAttachment: boolean('require_attachment').notNull().default(false),
  /** e.g. `CT-{YYYY}-{SEQ:5}`; empty: contract numbers are free text. */
  contractNumberPattern: text('contract_number_pattern'),
  /** Whether a generated number may be changed by hand. */
  contractNumberEditable: boolean('contract_number_editable').notNull().default(false),
  /** Local hour (in timeZone) at which reminder mails go out. */
  reminderSendHour: smallint('reminder_send_hour').notNull().default(8),
  reminderDefaultRepeat: text('reminder_default_repeat', { enum: REPEATS }).notNull().default('once'),
  /** Reminders pre-ticked for new contracts. */
  reminderDefaults: jsonb('reminder_defaults')
    .$type<DefaultReminder[]>()
    .notNull()
    .default(
      sql`'[{"eventType":"notice_deadline","leadTimes":[90,30],"recipients":{"userIds":[],"emails":[],"owner":true,"backupOwner":false,"unitEditors":false}}]'::jsonb`,
    ),
  /** The global expiry notification: days before end / notice deadline, mailed to the owner. */
  expiryEndDays: integer('expiry_end_days').array().notNull().default(sql`'{90,30}'::integer[]`),
  expiryNoticeDays: integer('expiry_notice_days').array().notNull().default(sql`'{90,30,7}'::integer[]`),
  /** Days without acknowledgement before escalating; null: never. */
  escalationDays: smallint('escalation_days').default(7),
  weeklySummary: boolean('weekly_summary').notNull().default(true),
  /** Members must hold a confirmed second factor: without one, a sign-in reaches only enrolment. */
  requireSecondFactor: boolean('require_second_factor').notNull().default(false),
  /** Set by the operator (`deedbox org hold`): nothing of the org is deleted while it is on. */
  legalHoldReason: text('legal_hold_reason'),
  legalHoldSince: ts('legal_hold_since'),
  /** The sender of notice letters: legal name, postal address, optional signatory; null until entered. */
  company: jsonb('company').$type<CompanyDetails>(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const businessUnits = pgTable(
  'business_units',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('business_units_id_key').on(t.id),
    uniqueIndex('business_units_name_key').on(t.orgId, sql`lower(${t.name})`),
    uniqueIndex('business_units_default_key').on(t.orgId).where(sql`${t.isDefault}`),
  ],
);

/** A user's place in an org: administrator flag, invitation and lock state. */
export const memberships = pgTable(
  'memberships',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    isAdmin: boolean('is_admin').notNull().default(false),
    status: text('status', { enum: ['invited', 'active'] }).notNull(),
    lockedAt: ts('locked_at'),
    invitedBy: uuid('invited_by'),
    lastSignInAt: ts('last_sign_in_at'),
    /** One daily digest instead of single reminder mails. */
    reminderDigest: boolean('reminder_digest').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId] }), index('memberships_user_idx').on(t.userId)],
);

/**
 * People an administrator erased from the org (users.service `erase`): the log's personal rows about
 * them are gone, and the org shows them by this random pseudonym instead. No link to the user row's
 * contents, so the pseudonym tells nothing outside the org.
 */
export const erasedMembers = pgTable(
  'erased_members',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    pseudonym: text('pseudonym').notNull(),
    erasedBy: uuid('erased_by'),
    erasedAt: ts('erased_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId] })],
);

export const unitRoles = pgTable(
  'unit_roles',
  {
    orgId: uuid('org_id').notNull(),
    userId: uuid('user_id').notNull(),
    businessUnitId: uuid('business_unit_id').notNull(),
    role: text('role', { enum: ['editor', 'viewer'] }).notNull(),
    /** 'scim': granted by a mapped SCIM group, and taken away with it; 'manual': set by an administrator. */
    source: text('source', { enum: ['manual', 'scim'] })
      .notNull()
      .default('manual'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId, t.businessUnitId] })],
);

export const invitations = pgTable(
  'invitations',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** The name the administrator typed, shown to the invitee; never the user's name from elsewhere. */
    name: text('name'),
    invitedBy: uuid('invited_by'),
    expiresAt: ts('expires_at').notNull(),
    acceptedAt: ts('accepted_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('invitations_token_key').on(t.tokenHash),
    index('invitations_user_idx').on(t.orgId, t.userId),
  ],
);

export const apiKeys = pgTable(
  'api_keys',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull(),
    role: text('role', { enum: ['administrator', 'editor', 'viewer'] }).notNull(),
    businessUnitIds: uuid('business_unit_ids').array(),
    /** Resource families and levels the key may reach (common/schemas/api-scopes.ts); null: all its role allows. */
    scopes: jsonb('scopes').$type<ApiScopes>(),
    /** Requests a minute this key may make; null: the deployment's default. */
    rateLimitPerMinute: integer('rate_limit_per_minute'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), uniqueIndex('api_keys_token_key').on(t.tokenHash)],
);

export const sessions = pgTable(
  'sessions',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    /**
     * `full`: signed in. `second_factor`: the password was right and a code is due (10 minutes, can
     * only answer or cancel). `enrolment`: the org demands a second factor the person lacks.
     */
    stage: text('stage', { enum: SESSION_STAGES }).notNull().default('full'),
    /** Wrong codes entered in this pending sign-in; too many end it. */
    factorFailures: integer('factor_failures').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('sessions_token_key').on(t.tokenHash),
    index('sessions_user_idx').on(t.orgId, t.userId),
  ],
);

/**
 * The first answer to a POST sent with an `Idempotency-Key`, kept 24 hours: a repeat with the same body gets
 * it again, a repeat with another body is refused. Keyed by the caller (member or API key); the answer is
 * sealed (it can hold a secret shown once, such as a new API key's token).
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    principalId: uuid('principal_id').notNull(),
    key: text('key').notNull(),
    /** SHA-256 of the method, route, parameters and body. */
    fingerprint: text('fingerprint').notNull(),
    /** 0 while the first request runs; 200 once its answer is kept. */
    statusCode: smallint('status_code').notNull(),
    body: bytea('body'),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.principalId, t.key] }),
    index('idempotency_keys_expiry_idx').on(t.expiresAt),
  ],
);
