import { z } from 'zod';
import { isoDateTime } from './common.js';

/** The events an endpoint may subscribe to (docs/api.md, "Webhooks"). */
export const WEBHOOK_EVENT_TYPES = [
  'contract.created',
  'contract.updated',
  'contract.deleted',
  'deadline.approaching',
  'reminder.sent',
  'reminder.acknowledged',
  'document.uploaded',
  'signing.completed',
  'approval.completed',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
/** Sent only by "Send test event", to that endpoint, whatever it subscribes to. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

export const WEBHOOK_ENDPOINT_STATUSES = ['active', 'disabled'] as const;
export const WEBHOOK_DELIVERY_STATUSES = ['queued', 'sending', 'retrying', 'succeeded', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];
/** Why an endpoint is disabled: by an administrator, or by us after its deliveries kept failing. */
export const WEBHOOK_DISABLED_REASONS = ['manual', 'failing'] as const;

export const webhookUrl = z.string().trim().min(1).max(2_000);
export const webhookEndpointInput = z.object({
  url: webhookUrl,
  description: z.string().trim().max(500).default(''),
  eventTypes: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1).max(WEBHOOK_EVENT_TYPES.length),
});
export const webhookEndpointPatch = z
  .object({
    url: webhookUrl,
    description: z.string().trim().max(500),
    eventTypes: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1).max(WEBHOOK_EVENT_TYPES.length),
    status: z.enum(WEBHOOK_ENDPOINT_STATUSES),
  })
  .partial();

export const webhookEndpoint = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(z.string()),
  status: z.enum(WEBHOOK_ENDPOINT_STATUSES),
  disabledReason: z.enum(WEBHOOK_DISABLED_REASONS).nullable(),
  disabledAt: isoDateTime.nullable(),
  /** Until when the secret before the last rotation still signs (both signatures are sent). */
  previousSecretUntil: isoDateTime.nullable(),
  createdBy: z.string().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
/** The secret (`whsec_…`) is in this answer only: creating and rotating. */
export const webhookEndpointWithSecret = z.object({ endpoint: webhookEndpoint, secret: z.string() });

export const webhookDelivery = z.object({
  id: z.uuid(),
  /** The `webhook-id` header: the same on every attempt and on a resend. */
  messageId: z.string(),
  eventType: z.string(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  lastDurationMs: z.number().int().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  succeededAt: isoDateTime.nullable(),
});
export const webhookDeliveryParams = z.object({ id: z.uuid(), deliveryId: z.uuid() });
