import Stripe from 'stripe';
import { setClaims } from '../../db/tx.js';
import { type Actor, type Ctx, type PublicCtx, transact } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { record } from '../audit/audit.service.js';
import { readCheckout, readInvoice, readSubscription, stateOf } from './stripe.mapping.js';
import { noticeIfReadOnly } from './subscriptions.notice.js';
import * as repo from './subscriptions.repo.js';
import { changesOf } from './subscriptions.service.js';

const STRIPE: Actor = { type: 'system', name: 'Stripe' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type WebhookOutcome = 'applied' | 'replayed' | 'ignored' | 'stale';

interface Verified {
  id: string;
  type: string;
  created: Date;
  object: unknown;
}

/** Checks Stripe's signature on the bytes as received: unsigned, wrongly signed or stale events are a 400. */
function verified(secret: string, rawBody: Buffer, signature: string | undefined): Verified {
  let event: { id: string; type: string; created: number; data?: { object?: unknown } };
  try {
    event = Stripe.webhooks.constructEvent(rawBody, signature ?? '', secret) as unknown as typeof event;
  } catch (error) {
    throw new AppError('bad_request', `The Stripe-Signature does not verify: ${(error as Error).message}`);
  }
  if (typeof event.id !== 'string' || typeof event.type !== 'string' || typeof event.created !== 'number') {
    throw new AppError('bad_request', 'The Stripe event lacks its id, type or creation time.');
  }
  return { id: event.id, type: event.type, created: new Date(event.created * 1000), object: event.data?.object };
}

/**
 * One Stripe event, applied at most once (its id is recorded in the same transaction) and never
 * over a newer one: an event created before the last one applied changes nothing.
 */
export async function receiveStripeEvent(
  pub: PublicCtx,
  rawBody: unknown,
  signature: string | undefined,
): Promise<WebhookOutcome> {
  const secret = pub.deps.config.subscriptions.stripe.webhookSecret;
  if (!secret) throw AppError.notFound('Stripe webhook (STRIPE_WEBHOOK_SECRET is not set)');
  if (!Buffer.isBuffer(rawBody)) throw new AppError('bad_request', 'Send the Stripe event as JSON.');
  const event = verified(secret, rawBody, signature);
  return transact(pub.deps, { billing: 'stripe' }, async (tx, afterCommit) => {
    if (!(await repo.markEventProcessed(tx, event.id, event.type))) return 'replayed';
    const orgId = await orgOf(tx, event);
    if (!orgId) return 'ignored';
    await setClaims(tx, { orgId });
    const ctx: Ctx = {
      orgId,
      actor: STRIPE,
      tx,
      request: { ...pub.request, via: 'none' },
      deps: pub.deps,
      afterCommit,
    };
    const row = await repo.lock(tx, orgId);
    if (!row) return 'ignored';
    const outcome = await apply(ctx, row, event);
    if (outcome === 'applied') await noticeIfReadOnly(ctx, new Date());
    return outcome;
  });
}

async function orgOf(tx: Ctx['tx'], event: Verified): Promise<string | null> {
  switch (event.type) {
    case 'checkout.session.completed': {
      const ref = readCheckout(event.object).orgRef;
      return ref && UUID.test(ref) ? ref : null;
    }
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted': {
      const sub = readSubscription(event.object);
      return sub ? repo.findOrgByStripe(tx, { customerId: sub.customer, subscriptionId: sub.id }) : null;
    }
    case 'invoice.payment_failed': {
      const invoice = readInvoice(event.object);
      return repo.findOrgByStripe(tx, { customerId: invoice.customer, subscriptionId: invoice.subscription });
    }
    default:
      return null;
  }
}

async function apply(ctx: Ctx, row: repo.SubscriptionRow, event: Verified): Promise<WebhookOutcome> {
  if (row.stripeEventAt && event.created.getTime() < row.stripeEventAt.getTime()) {
    await log(ctx, event, {}, 'stale');
    return 'stale';
  }
  let patch: repo.SubscriptionPatch;
  switch (event.type) {
    case 'checkout.session.completed': {
      const checkout = readCheckout(event.object);
      patch = {
        stripeCustomerId: checkout.customer ?? row.stripeCustomerId,
        stripeSubscriptionId: checkout.subscription ?? row.stripeSubscriptionId,
      };
      break;
    }
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted': {
      const sub = readSubscription(event.object)!;
      const prices = ctx.deps.config.subscriptions.stripe.prices;
      const state = stateOf(sub, event.type === 'customer.subscription.deleted', event.created, prices);
      const sameEnd = row.status === 'cancelled' && row.accessUntil?.getTime() === state.accessUntil?.getTime();
      patch = {
        status: state.status,
        currentPeriodEnd: state.currentPeriodEnd,
        cancelledAt: state.cancelledAt,
        accessUntil: state.accessUntil,
        readOnlyNoticeAt: sameEnd ? row.readOnlyNoticeAt : null,
        stripeSubscriptionId: sub.id,
        stripeCustomerId: sub.customer ?? row.stripeCustomerId,
        ...(state.plan ? { plan: state.plan } : {}),
      };
      break;
    }
    case 'invoice.payment_failed':
      // A cancelled subscription stays cancelled; anything else waits for payment.
      patch = row.status === 'cancelled' ? {} : { status: 'past_due' };
      break;
    default:
      return 'ignored';
  }
  const updated = await repo.update(ctx.tx, ctx.orgId, { ...patch, stripeEventAt: event.created });
  const fields = ['plan', 'status', 'currentPeriodEnd', 'accessUntil', 'stripeCustomerId', 'stripeSubscriptionId'];
  await log(ctx, event, changesOf(row, updated, fields as Parameters<typeof changesOf>[2]), 'applied');
  return 'applied';
}

function log(ctx: Ctx, event: Verified, changes: Record<string, { before: unknown; after: unknown }>, outcome: string) {
  return record(ctx, {
    action: 'subscription.stripe_event',
    objectType: 'subscription',
    objectId: ctx.orgId,
    changes,
    extra: { eventId: event.id, type: event.type, created: event.created.toISOString(), outcome },
  });
}
