import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { LOCALES } from '../../../common/schemas/auth.js';
import {
  ENVELOPE_STATUSES,
  FIELD_TYPES,
  RECIPIENT_ROLES,
  RECIPIENT_STATUSES,
  SEAL_STATES,
  SIGNATURE_KINDS,
  SIGNING_EVENT_KINDS,
  VERIFICATION_METHODS,
} from '../../../common/schemas/signing.js';
import { bytea, ts } from './columns.js';
import { documents } from './documents.js';
import { orgs } from './orgs.js';

const orgId = () =>
  uuid('org_id')
    .notNull()
    .references(() => orgs.id, { onDelete: 'cascade' });

/** A page as a reader shows it: visible width and height in points, and its rotation. */
export interface EnvelopePage {
  w: number;
  h: number;
  rotate: number;
}

/**
 * A PDF sent out for signature: one document version, its recipients and their fields. Its message,
 * decline reasons, signatures and field values are sealed under the envelope's own data key.
 */
export const signingEnvelopes = pgTable(
  'signing_envelopes',
  {
    orgId: orgId(),
    id: uuid('id').notNull(),
    contractId: uuid('contract_id'),
    documentId: uuid('document_id').notNull(),
    sourceVersionId: uuid('source_version_id').notNull(),
    /** SHA-256 of the version's bytes when the envelope was made; checked again before sealing. */
    sourceSha256: text('source_sha256').notNull(),
    pageCount: integer('page_count').notNull(),
    pages: jsonb('pages').$type<EnvelopePage[]>().notNull(),
    title: text('title').notNull(),
    message: bytea('message'),
    locale: text('locale', { enum: LOCALES }).notNull().default('en'),
    status: text('status', { enum: ENVELOPE_STATUSES }).notNull().default('draft'),
    signingOrder: boolean('signing_order').notNull().default(false),
    expiresInDays: smallint('expires_in_days').notNull(),
    expiresAt: ts('expires_at'),
    reminderEveryDays: smallint('reminder_every_days'),
    senderId: uuid('sender_id'),
    sentAt: ts('sent_at'),
    cancelledAt: ts('cancelled_at'),
    cancelledBy: uuid('cancelled_by'),
    cancelReason: bytea('cancel_reason'),
    declinedAt: ts('declined_at'),
    completedAt: ts('completed_at'),
    sealedVersionId: uuid('sealed_version_id'),
    sealState: text('seal_state', { enum: SEAL_STATES }),
    sealAttempts: integer('seal_attempts').notNull().default(0),
    sealAfter: ts('seal_after'),
    sealLeaseUntil: ts('seal_lease_until'),
    sealError: text('seal_error'),
    /** The envelope's data key, wrapped under the org key version its first bytes name. */
    dataKey: bytea('data_key').notNull(),
    orgKeyVersion: integer('org_key_version').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('signing_envelopes_id_key').on(t.id),
    foreignKey({ columns: [t.orgId, t.documentId], foreignColumns: [documents.orgId, documents.id] }).onDelete(
      'cascade',
    ),
    index('signing_envelopes_contract_idx').on(t.orgId, t.contractId),
    index('signing_envelopes_open_idx').on(t.orgId, t.documentId).where(sql`${t.status} in ('draft', 'in_progress')`),
    index('signing_envelopes_expiry_idx').on(t.orgId, t.expiresAt).where(sql`${t.status} = 'in_progress'`),
    index('signing_envelopes_seal_idx').on(t.orgId, t.sealAfter).where(sql`${t.sealState} in ('pending', 'running')`),
    index('signing_envelopes_org_key_idx').on(t.orgId, t.orgKeyVersion),
  ],
);

/** A signer, approver or copy recipient of an envelope; `position` orders them when signing in order. */
export const signingRecipients = pgTable(
  'signing_recipients',
  {
    orgId: orgId(),
    id: uuid('id').notNull(),
    envelopeId: uuid('envelope_id').notNull(),
    role: text('role', { enum: RECIPIENT_ROLES }).notNull(),
    position: smallint('position').notNull().default(1),
    name: text('name').notNull(),
    email: text('email').notNull(),
    locale: text('locale', { enum: LOCALES }).notNull().default('en'),
    requireCode: boolean('require_code').notNull().default(false),
    status: text('status', { enum: RECIPIENT_STATUSES }).notNull().default('pending'),
    /** Raised when the address changes: links of earlier generations stop working. */
    linkGeneration: smallint('link_generation').notNull().default(1),
    sentAt: ts('sent_at'),
    viewedAt: ts('viewed_at'),
    viewIp: text('view_ip'),
    viewUserAgent: text('view_user_agent'),
    signedAt: ts('signed_at'),
    signIp: text('sign_ip'),
    signUserAgent: text('sign_user_agent'),
    verification: text('verification', { enum: VERIFICATION_METHODS }),
    declinedAt: ts('declined_at'),
    declineReason: bytea('decline_reason'),
    signatureKind: text('signature_kind', { enum: SIGNATURE_KINDS }),
    signature: bytea('signature'),
    codeSerial: integer('code_serial').notNull().default(0),
    codeExpiresAt: ts('code_expires_at'),
    codeAttempts: integer('code_attempts').notNull().default(0),
    codeSends: integer('code_sends').notNull().default(0),
    codeLockedUntil: ts('code_locked_until'),
    /** SHA-256 of the signing-page cookie a verified code gave; the cookie itself is never stored. */
    sessionHash: text('session_hash'),
    sessionExpiresAt: ts('session_expires_at'),
    remindersSent: integer('reminders_sent').notNull().default(0),
    nextReminderAt: ts('next_reminder_at'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('signing_recipients_email_key').on(t.orgId, t.envelopeId, sql`lower(${t.email})`),
    index('signing_recipients_envelope_idx').on(t.orgId, t.envelopeId, t.position),
    index('signing_recipients_reminder_idx')
      .on(t.orgId, t.nextReminderAt)
      .where(sql`${t.status} in ('sent', 'viewed')`),
    foreignKey({
      columns: [t.orgId, t.envelopeId],
      foreignColumns: [signingEnvelopes.orgId, signingEnvelopes.id],
    }).onDelete('cascade'),
  ],
);

/** A field placed on a page for one recipient: a rectangle in fractions of the visible page, origin top left. */
export const signingFields = pgTable(
  'signing_fields',
  {
    orgId: orgId(),
    id: uuid('id').notNull(),
    envelopeId: uuid('envelope_id').notNull(),
    recipientId: uuid('recipient_id').notNull(),
    type: text('type', { enum: FIELD_TYPES }).notNull(),
    page: integer('page').notNull(),
    x: real('x').notNull(),
    y: real('y').notNull(),
    w: real('w').notNull(),
    h: real('h').notNull(),
    required: boolean('required').notNull().default(true),
    label: text('label'),
    value: bytea('value'),
    filledAt: ts('filled_at'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('signing_fields_envelope_idx').on(t.orgId, t.envelopeId),
    foreignKey({
      columns: [t.orgId, t.recipientId],
      foreignColumns: [signingRecipients.orgId, signingRecipients.id],
    }).onDelete('cascade'),
    check(
      'signing_fields_on_page',
      sql`${t.page} >= 1 and ${t.x} >= 0 and ${t.y} >= 0 and ${t.w} >= 0.005 and ${t.h} >= 0.005 and ${t.x} + ${t.w} <= 1.0001 and ${t.y} + ${t.h} <= 1.0001`,
    ),
  ],
);

/** The evidence of an envelope, append-only: what the certificate of completion and the envelope page show. */
export const signingEvents = pgTable(
  'signing_events',
  {
    orgId: orgId(),
    id: uuid('id').notNull(),
    envelopeId: uuid('envelope_id').notNull(),
    recipientId: uuid('recipient_id'),
    kind: text('kind', { enum: SIGNING_EVENT_KINDS }).notNull(),
    at: ts('at').notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('signing_events_envelope_idx').on(t.orgId, t.envelopeId, t.at),
    foreignKey({
      columns: [t.orgId, t.envelopeId],
      foreignColumns: [signingEnvelopes.orgId, signingEnvelopes.id],
    }).onDelete('cascade'),
  ],
);
