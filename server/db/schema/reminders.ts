import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
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
import { LOCALES } from '../../../common/schemas/auth.js';
import {
  DELIVERY_KINDS,
  DELIVERY_STATUSES,
  EVENT_TYPES,
  MAIL_TEMPLATE_KINDS,
  REMINDER_KINDS,
  REPEATS,
  type ReminderRecipients,
} from '../../../common/schemas/reminders.js';
import { categories } from './classification.js';
import { day, ts } from './columns.js';
import { contracts } from './contracts.js';
import { orgs } from './orgs.js';
import { users } from './users.js';

/**
 * A dated thing on a contract. System events (start, end, notice deadline, renewal) are one row
 * per contract and type, kept in step with the contract's stored dates by a trigger (migration
 * 0013): when a renewal moves the deadline, the row's date moves and its reminders follow.
 * `date` is null while the contract has no such date (no end yet, notice already given).
 */
export const events = pgTable(
  'events',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    contractId: uuid('contract_id').notNull(),
    type: text('type', { enum: EVENT_TYPES }).notNull(),
    date: day('date'),
    title: text('title'),
    description: text('description'),
    categoryId: uuid('category_id'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('events_id_key').on(t.id),
    foreignKey({ columns: [t.orgId, t.contractId], foreignColumns: [contracts.orgId, contracts.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.orgId, t.categoryId], foreignColumns: [categories.orgId, categories.id] }),
    uniqueIndex('events_system_key').on(t.orgId, t.contractId, t.type).where(sql`${t.type} <> 'custom'`),
    index('events_date_idx').on(t.orgId, t.date),
    index('events_contract_idx').on(t.orgId, t.contractId),
  ],
);

/**
 * A reminder on an event: lead times in days before it, recipients, repetition. `nextDueOn` is
 * the next day an occurrence is due (kept by SQL function reminder_next_due, the twin of
 * common/reminders/occurrences.ts), so finding what is due is an index range scan.
 * Acknowledgement and dismissal hold for one event date; when the event moves they lapse.
 */
export const reminders = pgTable(
  'reminders',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    eventId: uuid('event_id').notNull(),
    contractId: uuid('contract_id').notNull(),
    kind: text('kind', { enum: REMINDER_KINDS }).notNull().default('custom'),
    leadTimes: integer('lead_times').array().notNull(),
    repeat: text('repeat', { enum: REPEATS }).notNull(),
    recipients: jsonb('recipients').$type<ReminderRecipients>().notNull(),
    createdOn: day('created_on').notNull(),
    nextDueOn: day('next_due_on'),
    acknowledgedFor: day('acknowledged_for'),
    acknowledgedBy: uuid('acknowledged_by'),
    acknowledgedAt: ts('acknowledged_at'),
    dismissedFor: day('dismissed_for'),
    dismissedBy: uuid('dismissed_by'),
    dismissedAt: ts('dismissed_at'),
    /** 0 none, 1 backup owner, 2 administrators; holds for `escalatedFor` only. */
    escalationLevel: smallint('escalation_level').notNull().default(0),
    escalatedFor: day('escalated_for'),
    /**
     * The day of the first mail for the event's current date while nobody has acknowledged it:
     * escalation counts from here. Null once acknowledged, fully escalated or the event moved,
     * so the open ones are an index range and not a scan of every reminder.
     */
    openSince: day('open_since'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('reminders_id_key').on(t.id),
    foreignKey({ columns: [t.orgId, t.eventId], foreignColumns: [events.orgId, events.id] }).onDelete('cascade'),
    uniqueIndex('reminders_expiry_key').on(t.orgId, t.eventId).where(sql`${t.kind} = 'expiry'`),
    index('reminders_due_idx').on(t.orgId, t.nextDueOn).where(sql`${t.nextDueOn} is not null`),
    index('reminders_open_idx').on(t.orgId, t.openSince).where(sql`${t.openSince} is not null`),
    index('reminders_event_idx').on(t.orgId, t.eventId),
    index('reminders_contract_idx').on(t.orgId, t.contractId),
  ],
);

/** One due day of a reminder for one event date: made once, in the transaction that finds it due. */
export const reminderOccurrences = pgTable(
  'reminder_occurrences',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    reminderId: uuid('reminder_id').notNull(),
    eventId: uuid('event_id').notNull(),
    contractId: uuid('contract_id').notNull(),
    eventDate: day('event_date').notNull(),
    dueOn: day('due_on').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.reminderId], foreignColumns: [reminders.orgId, reminders.id] }).onDelete(
      'cascade',
    ),
    uniqueIndex('reminder_occurrences_key').on(t.orgId, t.reminderId, t.eventDate, t.dueOn),
  ],
);

/**
 * The outbox: one row per mail to one recipient (or per reminder item of a daily digest, held
 * until the digest row that carries it is sent). The sender claims rows atomically
 * (status → sending with a lease) before talking SMTP; `dedupeKey` makes each mail exist once.
 */
export const deliveries = pgTable(
  'deliveries',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    kind: text('kind', { enum: DELIVERY_KINDS }).notNull(),
    occurrenceId: uuid('occurrence_id'),
    reminderId: uuid('reminder_id'),
    contractId: uuid('contract_id'),
    /** What a non-reminder mail is about (an approval slot or step, a signing recipient or envelope). */
    subjectId: uuid('subject_id'),
    recipientUserId: uuid('recipient_user_id'),
    recipientEmail: text('recipient_email').notNull(),
    /** External addresses: informed, no acknowledge or dismiss links. */
    infoOnly: boolean('info_only').notNull().default(false),
    locale: text('locale', { enum: LOCALES }).notNull().default('en'),
    /** Escalation level for kind escalation; 0 otherwise. */
    level: smallint('level').notNull().default(0),
    /** The digest delivery that carries this held item. */
    digestId: uuid('digest_id'),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull(),
    leaseUntil: ts('lease_until'),
    firstAttemptAt: ts('first_attempt_at'),
    messageId: text('message_id'),
    lastError: text('last_error'),
    sentAt: ts('sent_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('deliveries_id_key').on(t.id),
    uniqueIndex('deliveries_dedupe_key').on(t.orgId, t.dedupeKey),
    index('deliveries_pending_idx')
      .on(t.orgId, t.nextAttemptAt)
      .where(sql`${t.status} in ('queued', 'retrying', 'sending')`),
    index('deliveries_reminder_idx').on(t.orgId, t.reminderId),
    index('deliveries_subject_idx').on(t.orgId, t.subjectId).where(sql`${t.subjectId} is not null`),
    index('deliveries_held_idx')
      .on(t.orgId, t.recipientUserId)
      .where(sql`${t.status} = 'held' and ${t.digestId} is null`),
    index('deliveries_digest_idx').on(t.orgId, t.digestId).where(sql`${t.digestId} is not null`),
    index('deliveries_problem_idx').on(t.orgId, t.updatedAt).where(sql`${t.status} in ('failed', 'bounced')`),
  ],
);

/** An account's own wording of a mail, per kind and language; built-in texts apply otherwise. */
export const mailTemplates = pgTable(
  'mail_templates',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: MAIL_TEMPLATE_KINDS }).notNull(),
    locale: text('locale', { enum: LOCALES }).notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.kind, t.locale] })],
);

/** A user's private iCalendar feed; the URL's token is derived from the id, only its hash is looked up. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('calendar_feeds_token_key').on(t.tokenHash),
    index('calendar_feeds_user_idx').on(t.orgId, t.userId),
  ],
);
