import { randomUUID } from 'node:crypto';
import { type Ctx, type Deps, runInOrg } from '../../platform/context.js';
import { wake } from '../../platform/jobs/wake.js';
import { MAIL_SEND_JOB } from '../../platform/mail/mail.jobs.js';
import { enqueueMail } from '../../platform/mail/outbox.repo.js';
import { record } from '../audit/audit.service.js';
import { rowKeyOpener } from '../documents/documents.keys.js';
import { adminRecipients } from '../subscriptions/subscriptions.repo.js';
import { signingSecrets } from './webhooks.keys.js';
import * as repo from './webhooks.repo.js';
import { postWebhook, webhookHeaders } from './webhooks.send.js';

const SENDER = { type: 'system' as const, name: 'deedbox webhooks' };
/** Longer than the longest request (timeout at most 60 s) with room to settle. */
const LEASE_MS = 5 * 60_000;
const CLAIM_BATCH = 25;
const CONCURRENCY = 5;
/** The wait after the nth failed attempt; the last step repeats until RETRY_FOR_MS after the first attempt. */
export const BACKOFF_MS = [5_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 5 * 3_600_000, 10 * 3_600_000];
export const RETRY_FOR_MS = 3 * 24 * 3_600_000;

export interface DeliverCounts {
  succeeded: number;
  retrying: number;
  failed: number;
  disabled: number;
}

const inOrg = <T>(deps: Deps, orgId: string, fn: (ctx: Ctx) => Promise<T>) =>
  runInOrg(
    deps,
    { orgId, actor: SENDER },
    { id: randomUUID(), ip: null, userAgent: 'deedbox-webhooks', via: 'cli' },
    fn,
  );

/** After a failed attempt: when to try again, or null when three days since the first attempt have passed. */
export function retryAt(d: Pick<repo.ClaimedDelivery, 'attempts' | 'firstAttemptAt'>, now: Date): Date | null {
  const giveUpAt = d.firstAttemptAt.getTime() + RETRY_FOR_MS;
  if (now.getTime() >= giveUpAt) return null;
  const wait = BACKOFF_MS[Math.min(d.attempts, BACKOFF_MS.length) - 1] ?? BACKOFF_MS[0]!;
  return new Date(Math.min(now.getTime() + wait, giveUpAt));
}

/**
 * Sends the org's due webhooks until none is due at `now`: claims (committed before any request),
 * POSTs each signed delivery, settles each in its own transaction. At least once: a crash between
 * a receiver's 2xx and the settling commit sends the same `webhook-id` again when the lease runs out.
 */
export async function deliverDue(deps: Deps, orgId: string, now: Date): Promise<DeliverCounts> {
  const total: DeliverCounts = { succeeded: 0, retrying: 0, failed: 0, disabled: 0 };
  for (;;) {
    const claimed = await inOrg(deps, orgId, (ctx) => repo.claim(ctx.tx, orgId, now, CLAIM_BATCH, LEASE_MS));
    if (claimed.length === 0) return total;
    const targets = await inOrg(deps, orgId, async (ctx) => {
      const open = rowKeyOpener(ctx);
      const out = new Map<string, { url: string; secrets: string[] }>();
      for (const endpointId of new Set(claimed.map((d) => d.endpointId))) {
        const row = await repo.findEndpoint(ctx.tx, orgId, endpointId);
        if (row) out.set(endpointId, { url: row.url, secrets: await signingSecrets(open, row, now) });
      }
      return out;
    });
    const lanes = Array.from({ length: Math.min(CONCURRENCY, claimed.length) }, async (_, lane) => {
      for (let i = lane; i < claimed.length; i += CONCURRENCY) {
        const d = claimed[i]!;
        const target = targets.get(d.endpointId);
        if (target) await deliverOne(deps, orgId, now, d, target, total);
      }
    });
    await Promise.all(lanes);
  }
}

async function deliverOne(
  deps: Deps,
  orgId: string,
  now: Date,
  d: repo.ClaimedDelivery,
  target: { url: string; secrets: string[] },
  total: DeliverCounts,
): Promise<void> {
  const result = await postWebhook(deps.config, {
    url: target.url,
    headers: webhookHeaders(target.secrets, d.messageId, now, d.payload),
    body: d.payload,
  });
  const next = result.ok ? null : retryAt(d, now);
  const status = result.ok ? 'succeeded' : next ? 'retrying' : 'failed';
  await inOrg(deps, orgId, async (ctx) => {
    await repo.settle(ctx.tx, orgId, d, { ...result, status, nextAttemptAt: next }, now);
    if (status === 'failed' && (await disableIfFailing(ctx, d, now))) total.disabled++;
  });
  total[status]++;
  if (!result.ok)
    deps.log.warn({ deliveryId: d.id, attempt: d.attempts, status, err: result.error }, 'webhook not delivered');
}

/**
 * The disabling rule (docs/api.md): a delivery failed for good (three days of attempts) and nothing
 * reached the endpoint since that delivery's first attempt, so every attempt for three days failed.
 * The endpoint is disabled and each administrator is mailed once; its other deliveries wait.
 */
async function disableIfFailing(ctx: Ctx, d: repo.ClaimedDelivery, now: Date): Promise<boolean> {
  const endpoint = await repo.findEndpoint(ctx.tx, ctx.orgId, d.endpointId, { lock: true });
  if (endpoint?.status !== 'active') return false;
  if (endpoint.lastSuccessAt && endpoint.lastSuccessAt >= d.firstAttemptAt) return false;
  await repo.updateEndpoint(ctx.tx, ctx.orgId, endpoint.id, {
    status: 'disabled',
    disabledReason: 'failing',
    disabledAt: now,
  });
  await record(ctx, {
    action: 'webhook.disabled',
    objectType: 'webhook_endpoint',
    objectId: endpoint.id,
    changes: { status: { before: 'active', after: 'disabled' } },
    extra: { reason: 'failing', url: endpoint.url },
  });
  for (const admin of await adminRecipients(ctx.tx, ctx.orgId)) {
    await enqueueMail(ctx.tx, {
      orgId: ctx.orgId,
      kind: 'webhook_disabled',
      subjectId: endpoint.id,
      recipientUserId: admin.id,
      recipientEmail: admin.email,
      locale: admin.locale,
      dedupeKey: `webhook_disabled:${endpoint.id}:${now.toISOString()}:${admin.id}`,
      now,
    });
  }
  await wake(ctx, MAIL_SEND_JOB);
  return true;
}
