import { z } from 'zod';
import { calendarDate } from '../terms/lifecycle.js';
import { email, LOCALES } from './auth.js';
import { isoDate, isoDateTime } from './common.js';

export const SYSTEM_EVENT_TYPES = ['start', 'end', 'notice_deadline', 'renewal'] as const;
export const EVENT_TYPES = [...SYSTEM_EVENT_TYPES, 'custom'] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export type SystemEventType = (typeof SYSTEM_EVENT_TYPES)[number];

export const REPEATS = ['once', 'daily', 'weekly', 'monthly'] as const;
export type Repeat = (typeof REPEATS)[number];

/** custom: set by a user; default: from the account's defaults on a new contract; expiry: the account's global schedule. */
export const REMINDER_KINDS = ['custom', 'default', 'expiry'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const DELIVERY_KINDS = [
  'reminder',
  'escalation',
  'digest',
  'summary',
  'approval_request',
  'approval_overdue',
  'approval_outcome',
  'signing_request',
  'signing_reminder',
  'signing_code',
  'signing_completed',
  'signing_outcome',
  'webhook_disabled',
] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

/** held: a reminder item waiting in a user's daily digest (see digestId). */
export const DELIVERY_STATUSES = ['queued', 'held', 'sending', 'retrying', 'sent', 'failed', 'bounced'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const MAIL_TEMPLATE_KINDS = ['reminder', 'escalation', 'digest', 'summary'] as const;
export type MailTemplateKind = (typeof MAIL_TEMPLATE_KINDS)[number];
/** The outbox kinds that reminders write (and whose templates an account may edit). */
export const isMailTemplateKind = (kind: string): kind is MailTemplateKind =>
  (MAIL_TEMPLATE_KINDS as readonly string[]).includes(kind);

/** Three years: the longest lead time a reminder may have. */
export const MAX_LEAD_DAYS = 1095;
export const MAX_RECIPIENTS = 50;

export const leadTimes = z
  .array(z.number().int().min(0, 'must not be negative').max(MAX_LEAD_DAYS, 'must be at most 1095 days (3 years)'))
  .min(1, 'needs at least one lead time')
  .max(10, 'at most 10 lead times')
  .refine((a) => new Set(a).size === a.length, 'must not repeat a lead time')
  .transform((a) => [...a].sort((x, y) => y - x));

export const reminderRecipients = z
  .object({
    userIds: z.array(z.uuid()).max(MAX_RECIPIENTS).default([]),
    emails: z.array(email).max(MAX_RECIPIENTS).default([]),
    owner: z.boolean().default(false),
    backupOwner: z.boolean().default(false),
    unitEditors: z.boolean().default(false),
  })
  .superRefine((r, ctx) => {
    if (r.userIds.length + r.emails.length > MAX_RECIPIENTS) {
      ctx.addIssue({ code: 'custom', message: `at most ${MAX_RECIPIENTS} users and addresses together`, path: [] });
    }
    if (!r.owner && !r.backupOwner && !r.unitEditors && r.userIds.length + r.emails.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'needs at least one recipient', path: [] });
    }
  });
export type ReminderRecipients = z.output<typeof reminderRecipients>;

export const reminderInput = z.object({
  leadTimes,
  /** Omitted: the account's default repetition. */
  repeat: z.enum(REPEATS).optional(),
  recipients: reminderRecipients,
});
export type ReminderInput = z.infer<typeof reminderInput>;

export const REMINDER_ACTIONS = ['acknowledge', 'dismiss', 'reopen'] as const;
export const reminderPatch = z
  .object({
    action: z.enum(REMINDER_ACTIONS).optional(),
    leadTimes: leadTimes.optional(),
    repeat: z.enum(REPEATS).optional(),
    recipients: reminderRecipients.optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), 'give an action or a field to change');
export type ReminderPatch = z.infer<typeof reminderPatch>;

export const REMINDER_STATES = ['active', 'acknowledged', 'dismissed', 'inactive'] as const;

/** Recipients as the API answers them (no defaults or checks: response schemas must not transform). */
const recipientsOutput = z.object({
  userIds: z.array(z.uuid()),
  emails: z.array(z.string()),
  owner: z.boolean(),
  backupOwner: z.boolean(),
  unitEditors: z.boolean(),
});

export const reminder = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  contractId: z.uuid(),
  kind: z.enum(REMINDER_KINDS),
  leadTimes: z.array(z.number().int()),
  repeat: z.enum(REPEATS),
  recipients: recipientsOutput,
  /** For the event's current date: acknowledged stops escalation, dismissed stops the mails. */
  state: z.enum(REMINDER_STATES),
  nextDueOn: isoDate.nullable(),
  acknowledgedAt: isoDateTime.nullable(),
  acknowledgedBy: z.uuid().nullable(),
  dismissedAt: isoDateTime.nullable(),
  dismissedBy: z.uuid().nullable(),
  escalationLevel: z.number().int(),
  createdBy: z.uuid().nullable(),
  createdAt: isoDateTime,
  /** What the caller may do with this reminder: change or delete it; acknowledge, dismiss or reopen it. */
  abilities: z.object({ edit: z.boolean(), respond: z.boolean() }),
});
export type Reminder = z.infer<typeof reminder>;

const eventTitle = z.string().trim().min(1).max(200);
const eventDescription = z.string().trim().max(4000).nullable();

export const customEventInput = z.object({
  title: eventTitle,
  description: eventDescription.default(null),
  date: calendarDate,
  /** Omitted or null: the contract's category. */
  categoryId: z.uuid().nullable().optional(),
});
export type CustomEventInput = z.infer<typeof customEventInput>;
/** Spelled out rather than `.partial()`: zod 4 would apply the description's default to every patch. */
export const customEventPatch = z
  .object({ title: eventTitle, description: eventDescription, date: calendarDate, categoryId: z.uuid().nullable() })
  .partial()
  .refine((p) => Object.values(p).some((v) => v !== undefined), 'give a field to change');
export type CustomEventPatch = z.infer<typeof customEventPatch>;

export const calendarEvent = z.object({
  id: z.uuid(),
  contractId: z.uuid(),
  contractTitle: z.string(),
  contractNumber: z.string().nullable(),
  partnerName: z.string().nullable(),
  type: z.enum(EVENT_TYPES),
  date: isoDate.nullable(),
  title: z.string(),
  description: z.string().nullable(),
  /** The event's own category, else the contract's. */
  categoryId: z.uuid().nullable(),
  orgUnitId: z.uuid().nullable(),
  ownerId: z.uuid().nullable(),
  businessUnitId: z.uuid(),
  reminderCount: z.number().int(),
});
export type CalendarEvent = z.infer<typeof calendarEvent>;

export const eventListQuery = z.object({
  from: calendarDate,
  to: calendarDate,
  type: z
    .union([z.enum(EVENT_TYPES), z.array(z.enum(EVENT_TYPES))])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional(),
  categoryId: z.uuid().optional(),
  orgUnitId: z.uuid().optional(),
  ownerId: z.uuid().optional(),
  contractId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(2000).default(500),
});

/** An open reminder that reaches the caller, with what it is about. */
export const myReminder = reminder.extend({
  eventType: z.enum(EVENT_TYPES),
  eventDate: isoDate.nullable(),
  eventTitle: z.string(),
  contractTitle: z.string(),
  contractNumber: z.string().nullable(),
});
export type MyReminder = z.infer<typeof myReminder>;

export const delivery = z.object({
  id: z.uuid(),
  kind: z.enum(DELIVERY_KINDS),
  reminderId: z.uuid().nullable(),
  contractId: z.uuid().nullable(),
  recipientEmail: z.string(),
  recipientName: z.string().nullable(),
  infoOnly: z.boolean(),
  level: z.number().int(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: isoDateTime.nullable(),
  messageId: z.string().nullable(),
  lastError: z.string().nullable(),
  sentAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  dueOn: isoDate.nullable(),
  eventDate: isoDate.nullable(),
});
export type Delivery = z.infer<typeof delivery>;

const expiryDays = z
  .array(z.number().int().min(0, 'must not be negative').max(MAX_LEAD_DAYS, 'must be at most 1095 days (3 years)'))
  .max(10, 'at most 10 days')
  .refine((a) => new Set(a).size === a.length, 'must not repeat a day')
  .transform((a) => [...a].sort((x, y) => y - x));

export const defaultReminder = z.object({
  eventType: z.enum(SYSTEM_EVENT_TYPES),
  leadTimes,
  repeat: z.enum(REPEATS).optional(),
  recipients: reminderRecipients,
});
export type DefaultReminder = z.infer<typeof defaultReminder>;

export const reminderSettings = z.object({
  /** IANA time zone of the account: send hour and "today" are read in it. */
  timeZone: z.string().min(1).max(64),
  sendHour: z.number().int().min(0).max(23),
  defaultRepeat: z.enum(REPEATS),
  /** Pre-ticked on new contracts. */
  defaultReminders: z.array(defaultReminder).max(10),
  /** The global expiry notification: days before end and before the notice deadline. */
  expiryEndDays: expiryDays,
  expiryNoticeDays: expiryDays,
  /** Days without acknowledgement before the backup owner, then the administrators, are told; null: never. */
  escalationDays: z.number().int().min(1).max(90).nullable(),
  weeklySummary: z.boolean(),
});
export type ReminderSettings = z.infer<typeof reminderSettings>;
export const reminderSettingsPatch = reminderSettings.partial();
/** The settings as GET and PATCH answer them: the same shape without input transforms. */
export const reminderSettingsOutput = reminderSettings.extend({
  defaultReminders: z.array(
    z.object({
      eventType: z.enum(SYSTEM_EVENT_TYPES),
      leadTimes: z.array(z.number().int()),
      repeat: z.enum(REPEATS).optional(),
      recipients: recipientsOutput,
    }),
  ),
  expiryEndDays: z.array(z.number().int()),
  expiryNoticeDays: z.array(z.number().int()),
});

export const mailTemplate = z.object({
  kind: z.enum(MAIL_TEMPLATE_KINDS),
  locale: z.enum(LOCALES),
  subject: z.string(),
  body: z.string(),
  /** True when the built-in text applies (nothing saved for this account). */
  isDefault: z.boolean(),
  placeholders: z.array(z.string()),
  updatedAt: isoDateTime.nullable(),
});
export const mailTemplateInput = z.object({
  subject: z.string().trim().min(1).max(300),
  body: z.string().trim().min(1).max(20_000),
});
export const mailTemplateParams = z.object({ kind: z.enum(MAIL_TEMPLATE_KINDS), locale: z.enum(LOCALES) });

export const reminderPreferences = z.object({ digest: z.boolean() });

export const MAX_CALENDAR_FEEDS = 10;

/** A user's private iCalendar feed; `url` carries the secret, so only its owner sees it. */
export const calendarFeed = z.object({
  id: z.uuid(),
  name: z.string(),
  url: z.string(),
  createdAt: isoDateTime,
  lastUsedAt: isoDateTime.nullable(),
});
export type CalendarFeed = z.infer<typeof calendarFeed>;
export const calendarFeedInput = z.object({ name: z.string().trim().min(1).max(80).default('Deedbox') });

export const mailTemplatePreviewInput = mailTemplateInput.extend({
  kind: z.enum(MAIL_TEMPLATE_KINDS),
  locale: z.enum(LOCALES),
});
export const mailPreview = z.object({ subject: z.string(), text: z.string(), html: z.string() });
export type MailPreview = z.infer<typeof mailPreview>;

export const REMINDER_LINK_ACTIONS = ['acknowledge', 'dismiss'] as const;
export type ReminderLinkAction = (typeof REMINDER_LINK_ACTIONS)[number];
/** A reminder's state as a mail link sees it; moved: the event has a new date since the mail. */
/** `not_yours`: the reminder is no longer for the mail's recipient (see the reminders API's "who may respond"). */
export const REMINDER_LINK_STATES = [...REMINDER_STATES, 'moved', 'not_yours'] as const;
export const reminderLinkInfo = z.object({
  action: z.enum(REMINDER_LINK_ACTIONS),
  contractId: z.uuid(),
  contractTitle: z.string(),
  eventType: z.enum(EVENT_TYPES),
  /** The custom event's title; null for system events. */
  eventTitle: z.string().nullable(),
  /** The date the mail was about. */
  eventDate: isoDate,
  state: z.enum(REMINDER_LINK_STATES),
  recipientEmail: z.string(),
});
export type ReminderLinkInfo = z.infer<typeof reminderLinkInfo>;
