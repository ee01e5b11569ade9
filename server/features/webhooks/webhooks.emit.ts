import { randomBytes, randomUUID } from 'node:crypto';
import type { WebhookEventType } from '../../../common/schemas/webhooks.js';
import type { Ctx } from '../../platform/context.js';
import { wake } from '../../platform/jobs/wake.js';
import * as repo from './webhooks.repo.js';

/** Wake it in the transaction that queued a delivery: `await wake(ctx, WEBHOOKS_DELIVER_JOB)`. */
export const WEBHOOKS_DELIVER_JOB = 'webhooks.deliver';

type EmitCtx = Pick<Ctx, 'tx' | 'deps' | 'orgId' | 'afterCommit'>;

/** A Standard Webhooks message id: `msg_` and 22 random URL-safe characters; one per event, kept across retries. */
export const newMessageId = () => `msg_${randomBytes(16).toString('base64url').slice(0, 22)}`;

/** What a receiver gets: `{ type, timestamp, data }`, the exact bytes that are signed. */
export const payloadOf = (type: string, data: Record<string, unknown>, now: Date) =>
  JSON.stringify({ type, timestamp: now.toISOString(), data });

/**
 * Queues `type` for every active endpoint of the org that subscribes to it, in the caller's
 * transaction (rolled back with it), and wakes `webhooks.deliver` once it commits. `data` goes out
 * of the account: ids and the few fields a receiver needs, never secrets or document contents.
 */
export async function emit(
  ctx: EmitCtx,
  type: WebhookEventType,
  data: Record<string, unknown>,
  now = new Date(),
): Promise<number> {
  const endpoints = await repo.subscribers(ctx.tx, ctx.orgId, type);
  if (endpoints.length === 0) return 0;
  const messageId = newMessageId();
  const payload = payloadOf(type, data, now);
  await repo.insertDeliveries(
    ctx.tx,
    endpoints.map((e) => ({
      orgId: ctx.orgId,
      id: randomUUID(),
      messageId,
      endpointId: e.id,
      eventType: type,
      payload,
      nextAttemptAt: now,
    })),
  );
  await wake(ctx, WEBHOOKS_DELIVER_JOB);
  return endpoints.length;
}
