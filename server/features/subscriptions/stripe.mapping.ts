import type { Plan, SubscriptionStatus } from '../../../common/subscriptions.js';

/** The parts of a Stripe subscription object this app reads (API versions before and after 2025-03 alike). */
export interface StripeSubscription {
  id: string;
  customer: string | null;
  status: string;
  cancelAtPeriodEnd: boolean;
  canceledAt: Date | null;
  endedAt: Date | null;
  currentPeriodEnd: Date | null;
  priceId: string | null;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v !== null && typeof v === 'object' ? (v as Obj) : {});
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
/** Stripe's ids may come expanded into objects. */
const idOf = (v: unknown): string | null => str(v) ?? str(obj(v).id);
const secs = (v: unknown): Date | null => (typeof v === 'number' && Number.isFinite(v) ? new Date(v * 1000) : null);

export function readSubscription(value: unknown): StripeSubscription | null {
  const o = obj(value);
  const id = str(o.id);
  if (!id) return null;
  const item = obj((obj(o.items).data as unknown[] | undefined)?.[0]);
  return {
    id,
    customer: idOf(o.customer),
    status: str(o.status) ?? 'active',
    cancelAtPeriodEnd: o.cancel_at_period_end === true,
    canceledAt: secs(o.canceled_at),
    endedAt: secs(o.ended_at),
    // Since API version 2025-03-31 the period lives on the subscription's items.
    currentPeriodEnd: secs(o.current_period_end) ?? secs(item.current_period_end),
    priceId: idOf(item.price),
  };
}

export function readCheckout(value: unknown) {
  const o = obj(value);
  return { orgRef: str(o.client_reference_id), customer: idOf(o.customer), subscription: idOf(o.subscription) };
}

export function readInvoice(value: unknown) {
  const o = obj(value);
  const parent = obj(obj(o.parent).subscription_details);
  return { customer: idOf(o.customer), subscription: idOf(o.subscription) ?? idOf(parent.subscription) };
}

const STATUS: Record<string, SubscriptionStatus> = {
  trialing: 'trialing',
  active: 'active',
  past_due: 'past_due',
  unpaid: 'past_due',
  incomplete: 'past_due',
  paused: 'past_due',
  canceled: 'cancelled',
  incomplete_expired: 'cancelled',
};

export interface AppliedState {
  status: SubscriptionStatus;
  currentPeriodEnd: Date | null;
  cancelledAt: Date | null;
  accessUntil: Date | null;
  plan: Plan | null;
}

/**
 * What a Stripe subscription means here. Cancelled at the period's end: cancelled now, writable
 * until that end; ended (deleted, expired): read-only from its end.
 */
export function stateOf(
  sub: StripeSubscription,
  deleted: boolean,
  at: Date,
  prices: Readonly<Record<string, Plan>>,
): AppliedState {
  const plan = sub.priceId ? (prices[sub.priceId] ?? null) : null;
  const mapped = deleted ? 'cancelled' : (STATUS[sub.status] ?? 'active');
  if (mapped === 'cancelled') {
    return {
      status: 'cancelled',
      currentPeriodEnd: sub.currentPeriodEnd,
      cancelledAt: sub.canceledAt ?? at,
      accessUntil: sub.endedAt ?? at,
      plan,
    };
  }
  if (sub.cancelAtPeriodEnd) {
    return {
      status: 'cancelled',
      currentPeriodEnd: sub.currentPeriodEnd,
      cancelledAt: sub.canceledAt ?? at,
      accessUntil: sub.currentPeriodEnd ?? at,
      plan,
    };
  }
  return { status: mapped, currentPeriodEnd: sub.currentPeriodEnd, cancelledAt: null, accessUntil: null, plan };
}
