import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_DISABLED_REASONS,
  WEBHOOK_ENDPOINT_STATUSES,
} from '../../../common/schemas/webhooks.js';
import { bytea, ts } from './columns.js';
import { orgs } from './orgs.js';

const orgId = () =>
  uuid('org_id')
    .notNull()
    .references(() => orgs.id, { onDelete: 'cascade' });

/**
 * Where an org's events are POSTed. The signing secret (and, for 24 hours after a rotation, the one
 * before it) is sealed under the row's data key, itself wrapped under the org key.
 */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    orgId: orgId(),
    id: uuid('id').notNull(),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    eventTypes: text('event_types').array().notNull(),
    secret: bytea('secret').notNull(),
    previousSecret: bytea('previous_secret'),
    previousSecretUntil: ts('previous_secret_until'),
    status: text('status', { enum: WEBHOOK_ENDPOINT_STATUSES }).notNull().default('active'),
    disabledReason: text('disabled_reason', { enum: WEBHOOK_DISABLED_REASONS }),
    disabledAt: ts('disabled_at'),
    lastSuccessAt: ts('last_success_at'),
    createdBy: uuid('created_by'),
    dataKey: bytea('data_key').notNull(),
    orgKeyVersion: integer('org_key_version').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('webhook_endpoints_id_key').on(t.id),
    index('webhook_endpoints_org_key_idx').on(t.orgId, t.orgKeyVersion),
  ],
);

/**
 * One event for one endpoint: the webhook outbox, written in the transaction of the change. Its
 * `message_id` (`msg_…`) is the `webhook-id` of every attempt and of a resend.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    orgId: orgId(),
    id: uuid('id').notNull(),
    messageId: text('message_id').notNull(),
    endpointId: uuid('endpoint_id').notNull(),
    eventType: text('event_type').notNull(),
    /** The exact body sent (signed byte for byte), JSON. */
    payload: text('payload').notNull(),
    status: text('status', { enum: WEBHOOK_DELIVERY_STATUSES }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    firstAttemptAt: ts('first_attempt_at'),
    nextAttemptAt: ts('next_attempt_at'),
    leaseUntil: ts('lease_until'),
    lastStatusCode: integer('last_status_code'),
    lastDurationMs: integer('last_duration_ms'),
    lastError: text('last_error'),
    succeededAt: ts('succeeded_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('webhook_deliveries_id_key').on(t.id),
    uniqueIndex('webhook_deliveries_message_key').on(t.orgId, t.messageId, t.endpointId),
    foreignKey({
      columns: [t.orgId, t.endpointId],
      foreignColumns: [webhookEndpoints.orgId, webhookEndpoints.id],
    }).onDelete('cascade'),
    index('webhook_deliveries_endpoint_idx').on(t.orgId, t.endpointId, t.createdAt),
    index('webhook_deliveries_due_idx')
      .on(t.orgId, t.nextAttemptAt)
      .where(sql`${t.status} in ('queued', 'retrying', 'sending')`),
  ],
);

/** Each attempt at a delivery: when, the answer's status code (null: none came), how long, what went wrong. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    orgId: orgId(),
    id: uuid('id').notNull(),
    deliveryId: uuid('delivery_id').notNull(),
    attemptedAt: ts('attempted_at').notNull(),
    statusCode: integer('status_code'),
    durationMs: integer('duration_ms').notNull(),
    error: text('error'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.deliveryId],
      foreignColumns: [webhookDeliveries.orgId, webhookDeliveries.id],
    }).onDelete('cascade'),
    index('webhook_attempts_delivery_idx').on(t.orgId, t.deliveryId, t.attemptedAt),
  ],
);
