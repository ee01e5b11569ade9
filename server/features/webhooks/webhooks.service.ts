import { randomUUID } from 'node:crypto';
import { WEBHOOK_TEST_EVENT } from '../../../common/schemas/webhooks.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { wake } from '../../platform/jobs/wake.js';
import { requireAdmin } from '../access/access.policy.js';
import { diff, record } from '../audit/audit.service.js';
import { newRowKeys, openField, rowKey } from '../documents/documents.keys.js';
import { newMessageId, payloadOf, WEBHOOKS_DELIVER_JOB } from './webhooks.emit.js';
import { endpointContext, sealSecret } from './webhooks.keys.js';
import * as repo from './webhooks.repo.js';
import { newSecret } from './webhooks.send.js';
import { checkWebhookUrl } from './webhooks.url.js';

/** How long the secret before a rotation still signs (both signatures are sent meanwhile). */
export const ROTATION_OVERLAP_MS = 24 * 3_600_000;

const iso = (d: Date | null) => d?.toISOString() ?? null;

const present = (row: repo.EndpointRow, createdBy: string | null, now = new Date()) => ({
  id: row.id,
  url: row.url,
  description: row.description,
  eventTypes: row.eventTypes,
  status: row.status,
  disabledReason: row.disabledReason,
  disabledAt: iso(row.disabledAt),
  previousSecretUntil: row.previousSecretUntil && row.previousSecretUntil > now ? iso(row.previousSecretUntil) : null,
  createdBy,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

const presentDelivery = (row: repo.DeliveryRow) => ({
  id: row.id,
  messageId: row.messageId,
  eventType: row.eventType,
  status: row.status,
  attempts: row.attempts,
  lastStatusCode: row.lastStatusCode,
  lastDurationMs: row.lastDurationMs,
  lastError: row.lastError,
  nextAttemptAt: row.status === 'queued' || row.status === 'retrying' ? iso(row.nextAttemptAt) : null,
  createdAt: row.createdAt.toISOString(),
  succeededAt: iso(row.succeededAt),
});

async function endpointOf(ctx: Ctx, id: string, lock = false): Promise<repo.EndpointRow> {
  requireAdmin(ctx);
  const row = await repo.findEndpoint(ctx.tx, ctx.orgId, id, { lock });
  if (!row) throw AppError.notFound('Webhook endpoint');
  return row;
}

const changedBy = (ctx: Ctx) => (ctx.actor.type === 'user' ? ctx.actor.id : null);

export async function list(ctx: Ctx, limit: number, before?: [string, string]) {
  requireAdmin(ctx);
  const rows = await repo.listEndpoints(ctx.tx, ctx.orgId, limit + 1, before);
  const last = rows.length > limit ? rows[limit - 1]!.endpoint : undefined;
  return {
    items: rows.slice(0, limit).map((r) => present(r.endpoint, r.creator)),
    next: last ? ([last.createdAt.toISOString(), last.id] as [string, string]) : null,
  };
}

export async function get(ctx: Ctx, id: string) {
  const row = await endpointOf(ctx, id);
  return present(row, await repo.creatorName(ctx.tx, row.createdBy));
}

export interface EndpointInput {
  url: string;
  description: string;
  eventTypes: string[];
}

/** The secret is in this answer only; it is kept sealed under the org key. */
export async function create(ctx: Ctx, input: EndpointInput) {
  requireAdmin(ctx);
  const url = checkWebhookUrl(ctx.deps.config.webhooks, input.url);
  const id = randomUUID();
  const keys = await newRowKeys(ctx, endpointContext(ctx.orgId, id));
  const secret = newSecret();
  const eventTypes = [...new Set(input.eventTypes)];
  const row = await repo.insertEndpoint(ctx.tx, {
    orgId: ctx.orgId,
    id,
    url,
    description: input.description,
    eventTypes,
    secret: sealSecret(keys.key, ctx.orgId, id, 'secret', secret),
    createdBy: changedBy(ctx),
    dataKey: keys.wrapped,
    orgKeyVersion: keys.orgKeyVersion,
  });
  await record(ctx, {
    action: 'webhook.created',
    objectType: 'webhook_endpoint',
    objectId: id,
    changes: {
      url: { before: null, after: url },
      description: { before: null, after: input.description },
      eventTypes: { before: null, after: eventTypes },
    },
  });
  return { endpoint: present(row, ctx.actor.type === 'user' ? ctx.actor.name : null), secret };
}

export async function update(ctx: Ctx, id: string, patch: Partial<EndpointInput>) {
  const row = await endpointOf(ctx, id, true);
  const next = {
    ...(patch.url !== undefined && { url: checkWebhookUrl(ctx.deps.config.webhooks, patch.url) }),
    ...(patch.description !== undefined && { description: patch.description }),
    ...(patch.eventTypes !== undefined && { eventTypes: [...new Set(patch.eventTypes)] }),
  };
  const changes = diff({ url: row.url, description: row.description, eventTypes: row.eventTypes }, next);
  const updated = Object.keys(changes).length > 0 ? await repo.updateEndpoint(ctx.tx, ctx.orgId, id, next) : row;
  if (Object.keys(changes).length > 0)
    await record(ctx, { action: 'webhook.updated', objectType: 'webhook_endpoint', objectId: id, changes });
  return present(updated, await repo.creatorName(ctx.tx, row.createdBy));
}

export async function remove(ctx: Ctx, id: string) {
  const row = await endpointOf(ctx, id, true);
  await repo.deleteEndpoint(ctx.tx, ctx.orgId, id);
  await record(ctx, {
    action: 'webhook.deleted',
    objectType: 'webhook_endpoint',
    objectId: id,
    extra: { url: row.url },
  });
}

/** A new secret, shown once; the one before still signs for 24 hours beside it. */
export async function rotate(ctx: Ctx, id: string, now = new Date()) {
  const row = await endpointOf(ctx, id, true);
  const context = endpointContext(ctx.orgId, id);
  const key = await rowKey(ctx, row, context);
  const secret = newSecret();
  const updated = await repo.updateEndpoint(ctx.tx, ctx.orgId, id, {
    secret: sealSecret(key, ctx.orgId, id, 'secret', secret),
    previousSecret: sealSecret(key, ctx.orgId, id, 'previous-secret', openField(key, context, 'secret', row.secret)),
    previousSecretUntil: new Date(now.getTime() + ROTATION_OVERLAP_MS),
  });
  await record(ctx, { action: 'webhook.secret_rotated', objectType: 'webhook_endpoint', objectId: id });
  return { endpoint: present(updated, await repo.creatorName(ctx.tx, row.createdBy), now), secret };
}

/** Enabling sends what waited meanwhile; disabling holds new and pending deliveries until enabled. */
export async function setEnabled(ctx: Ctx, id: string, enabled: boolean, now = new Date()) {
  const row = await endpointOf(ctx, id, true);
  const status = enabled ? 'active' : 'disabled';
  if (row.status === status) return present(row, await repo.creatorName(ctx.tx, row.createdBy));
  const updated = await repo.updateEndpoint(ctx.tx, ctx.orgId, id, {
    status,
    disabledReason: enabled ? null : 'manual',
    disabledAt: enabled ? null : now,
  });
  await record(ctx, {
    action: enabled ? 'webhook.enabled' : 'webhook.disabled',
    objectType: 'webhook_endpoint',
    objectId: id,
    changes: { status: { before: row.status, after: status } },
    ...(!enabled && { extra: { reason: 'manual' } }),
  });
  if (enabled) await wake(ctx, WEBHOOKS_DELIVER_JOB);
  return present(updated, await repo.creatorName(ctx.tx, row.createdBy));
}

/** Queues a `webhook.test` event to this endpoint alone, whatever it subscribes to. */
export async function sendTest(ctx: Ctx, id: string, now = new Date()) {
  const row = await endpointOf(ctx, id);
  const [delivery] = await repo.insertDeliveries(ctx.tx, [
    {
      orgId: ctx.orgId,
      id: randomUUID(),
      messageId: newMessageId(),
      endpointId: row.id,
      eventType: WEBHOOK_TEST_EVENT,
      payload: payloadOf(WEBHOOK_TEST_EVENT, { endpointId: row.id }, now),
      nextAttemptAt: now,
    },
  ]);
  await record(ctx, {
    action: 'webhook.test_sent',
    objectType: 'webhook_endpoint',
    objectId: id,
    extra: { deliveryId: delivery!.id },
  });
  await wake(ctx, WEBHOOKS_DELIVER_JOB);
  return presentDelivery(delivery!);
}

export async function deliveries(ctx: Ctx, id: string, limit: number, before?: [string, string]) {
  await endpointOf(ctx, id);
  const rows = await repo.listDeliveries(ctx.tx, ctx.orgId, id, limit + 1, before);
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return {
    items: rows.slice(0, limit).map(presentDelivery),
    next: last ? ([last.createdAt.toISOString(), last.id] as [string, string]) : null,
  };
}

/** Sends a delivery again with the same `webhook-id` (receivers that saw it already can drop it). */
export async function resend(ctx: Ctx, id: string, deliveryId: string, now = new Date()) {
  await endpointOf(ctx, id);
  const row = await repo.findDelivery(ctx.tx, ctx.orgId, id, deliveryId);
  if (!row) throw AppError.notFound('Webhook delivery');
  if (row.status === 'sending')
    throw AppError.because('conflict', 'webhook_delivery_sending', 'This delivery is being sent right now.');
  const updated = await repo.requeue(ctx.tx, ctx.orgId, deliveryId, now);
  await record(ctx, {
    action: 'webhook.delivery_resent',
    objectType: 'webhook_endpoint',
    objectId: id,
    extra: { deliveryId, messageId: row.messageId },
  });
  await wake(ctx, WEBHOOKS_DELIVER_JOB);
  return presentDelivery(updated);
}
