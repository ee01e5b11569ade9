import { pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { PLAN_NAMES, SUBSCRIPTION_STATUSES } from '../../../common/subscriptions.js';
import { ts } from './columns.js';
import { orgs } from './orgs.js';

/** An organization's subscription: plan (seat limit), status and the dates that decide read-only. */
export const subscriptions = pgTable('subscriptions', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => orgs.id, { onDelete: 'cascade' }),
  plan: text('plan', { enum: PLAN_NAMES }).notNull(),
  status: text('status', { enum: SUBSCRIPTION_STATUSES }).notNull(),
  trialEndsAt: ts('trial_ends_at'),
  /** The end of the period paid for (Stripe's current_period_end, or set by the operator). */
  currentPeriodEnd: ts('current_period_end'),
  cancelledAt: ts('cancelled_at'),
  /** Cancelled: the moment the organization turns read-only; its data is deleted a retention period later. */
  accessUntil: ts('access_until'),
  /** When the administrators were told the account turned read-only (once per cancellation). */
  readOnlyNoticeAt: ts('read_only_notice_at'),
  stripeCustomerId: text('stripe_customer_id'),
  stripeSubscriptionId: text('stripe_subscription_id'),
  /** The `created` time of the newest Stripe event applied: an older one arriving later changes nothing. */
  stripeEventAt: ts('stripe_event_at'),
  /** An administrator asked for the account's deletion: it runs at deletionDueAt unless an administrator cancels. */
  deletionRequestedAt: ts('deletion_requested_at'),
  deletionRequestedBy: uuid('deletion_requested_by'),
  deletionDueAt: ts('deletion_due_at'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Stripe events already processed, by id: a replay is answered without acting again. Holds no customer data. */
export const stripeEvents = pgTable('stripe_events', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  receivedAt: ts('received_at').notNull().defaultNow(),
});
