/** The plans an organization can be on, and what each allows: the one place seat limits live. */
export const PLANS = {
  starter: { seats: 5 },
  team: { seats: 25 },
  business: { seats: 100 },
  /** No seat limit. */
  enterprise: { seats: null },
} as const satisfies Record<string, { seats: number | null }>;

export type Plan = keyof typeof PLANS;
export const PLAN_NAMES = Object.keys(PLANS) as [Plan, ...Plan[]];

export const SUBSCRIPTION_STATUSES = ['trialing', 'active', 'past_due', 'cancelled'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

export function seatLimit(plan: Plan): number | null {
  return PLANS[plan].seats;
}

export interface SubscriptionState {
  status: SubscriptionStatus;
  /** For a cancelled subscription: the moment it turns read-only (the end of the paid period, or the cancellation of a trial). */
  accessUntil: Date | null;
}

/** Whether the organization may only read (and export): cancelled, and its paid period is over. */
export function isReadOnly(sub: SubscriptionState | null, now: Date): boolean {
  return sub?.status === 'cancelled' && sub.accessUntil !== null && sub.accessUntil.getTime() <= now.getTime();
}

/** When a cancelled organization's data is deleted: the end of its access plus the retention period. */
export function deletionDate(accessUntil: Date, retentionMonths: number): Date {
  const d = new Date(accessUntil);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + retentionMonths);
  // The 31st of a month without one is its last day, never the 1st of the next.
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/**
 * When cancelling now takes away write access: the end of the period already paid for; a trial
 * (nothing paid) and a subscription whose period has passed at once.
 */
export function accessEndsAt(sub: { status: SubscriptionStatus; currentPeriodEnd: Date | null }, now: Date): Date {
  if (sub.status === 'trialing' || !sub.currentPeriodEnd || sub.currentPeriodEnd.getTime() <= now.getTime()) {
    return now;
  }
  return sub.currentPeriodEnd;
}
