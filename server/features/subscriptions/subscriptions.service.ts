import type { AccountAccess, Subscription } from '../../../common/schemas/subscriptions.js';
import {
  accessEndsAt,
  deletionDate,
  isReadOnly,
  PLAN_NAMES,
  PLANS,
  type Plan,
  type SubscriptionStatus,
  seatLimit,
} from '../../../common/subscriptions.js';
import type { Config } from '../../config.js';
import type { Tx } from '../../db/client.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { requireAdmin } from '../access/access.policy.js';
import { record } from '../audit/audit.service.js';
import { findOrg, findUser } from '../users/users.repo.js';
import { noticeIfReadOnly } from './subscriptions.notice.js';
import * as repo from './subscriptions.repo.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A new organization's trial (claims of the org set): TRIAL_DAYS on the TRIAL_PLAN. */
export async function startTrial(tx: Tx, config: Config, orgId: string, now = new Date()): Promise<void> {
  const { trialDays, trialPlan } = config.subscriptions;
  await repo.insert(tx, {
    orgId,
    plan: trialPlan,
    status: 'trialing',
    trialEndsAt: new Date(now.getTime() + trialDays * 86_400_000),
  });
}

async function getRow(ctx: Ctx, forUpdate = false): Promise<repo.SubscriptionRow> {
  const row = forUpdate ? await repo.lock(ctx.tx, ctx.orgId) : await repo.find(ctx.tx, ctx.orgId);
  if (!row) throw AppError.notFound('Subscription');
  return row;
}

function deletionOf(row: repo.SubscriptionRow, config: Config): Date | null {
  return row.status === 'cancelled' && row.accessUntil
    ? deletionDate(row.accessUntil, config.subscriptions.retentionMonths)
    : null;
}

async function legalHoldOf(ctx: Ctx): Promise<Subscription['legalHold']> {
  const org = await findOrg(ctx.tx, ctx.orgId);
  return org?.legalHoldReason ? { reason: org.legalHoldReason, since: iso(org.legalHoldSince)! } : null;
}

async function present(ctx: Ctx, row: repo.SubscriptionRow, now = new Date()): Promise<Subscription> {
  const { retentionMonths, stripe } = ctx.deps.config.subscriptions;
  const me = ctx.actor.type === 'user' ? ctx.actor.email : null;
  const checkoutLinks = PLAN_NAMES.flatMap((plan) => {
    const link = stripe.paymentLinks[plan];
    if (!link) return [];
    const url = new URL(link);
    url.searchParams.set('client_reference_id', ctx.orgId);
    if (me) url.searchParams.set('prefilled_email', me);
    return [{ plan, url: url.toString() }];
  });
  return {
    plan: row.plan,
    status: row.status,
    seats: { used: await repo.seatsUsed(ctx.tx, ctx.orgId), limit: seatLimit(row.plan) },
    trialEndsAt: iso(row.trialEndsAt),
    currentPeriodEnd: iso(row.currentPeriodEnd),
    cancelledAt: iso(row.cancelledAt),
    accessUntil: iso(row.accessUntil),
    readOnly: isReadOnly(row, now),
    deletionDate: iso(deletionOf(row, ctx.deps.config)),
    retentionMonths,
    plans: PLAN_NAMES.map((name) => ({ name, seats: PLANS[name].seats })),
    checkoutLinks,
    portalUrl: stripe.portalUrl,
    abilities: { cancel: row.status !== 'cancelled', reactivate: row.status === 'cancelled' },
    legalHold: await legalHoldOf(ctx),
    deletionRequest: row.deletionDueAt
      ? {
          requestedAt: iso(row.deletionRequestedAt)!,
          dueAt: iso(row.deletionDueAt)!,
          requestedBy: row.deletionRequestedBy
            ? ((await findUser(ctx.tx, row.deletionRequestedBy))?.name ?? null)
            : null,
        }
      : null,
  };
}

/** Whether the account may still be changed; every member (and key) may ask. */
export async function access(ctx: Ctx): Promise<AccountAccess> {
  const row = await repo.find(ctx.tx, ctx.orgId);
  if (!row || !isReadOnly(row, new Date())) return { readOnly: false, readOnlySince: null, dataKeptUntil: null };
  return {
    readOnly: true,
    readOnlySince: iso(row.accessUntil),
    dataKeptUntil: iso(deletionOf(row, ctx.deps.config)),
  };
}

export async function get(ctx: Ctx): Promise<Subscription> {
  requireAdmin(ctx);
  return present(ctx, await getRow(ctx));
}

/**
 * Cancelling keeps write access to the end of the period paid for; a trial (nothing paid) turns
 * read-only at once, and its administrators are told so now.
 */
export async function cancel(ctx: Ctx): Promise<Subscription> {
  requireAdmin(ctx);
  const row = await getRow(ctx, true);
  if (row.status === 'cancelled') {
    throw AppError.because('conflict', 'subscription_cancelled', 'The subscription is already cancelled.');
  }
  const now = new Date();
  const accessUntil = accessEndsAt(row, now);
  const updated = await repo.update(ctx.tx, ctx.orgId, {
    status: 'cancelled',
    cancelledAt: now,
    accessUntil,
    readOnlyNoticeAt: null,
  });
  await record(ctx, {
    action: 'subscription.cancelled',
    objectType: 'subscription',
    objectId: ctx.orgId,
    changes: { status: { before: row.status, after: 'cancelled' } },
    extra: { accessUntil: accessUntil.toISOString(), deletionDate: iso(deletionOf(updated, ctx.deps.config)) },
  });
  await noticeIfReadOnly(ctx, now);
  return present(ctx, updated, now);
}

/** Before deletion, reactivation restores everything: paid time left makes it active, otherwise a trial again. */
export async function reactivate(ctx: Ctx): Promise<Subscription> {
  requireAdmin(ctx);
  const row = await getRow(ctx, true);
  if (row.status !== 'cancelled') {
    throw AppError.because('conflict', 'subscription_not_cancelled', 'The subscription is not cancelled.');
  }
  const now = new Date();
  const status: SubscriptionStatus =
    row.currentPeriodEnd && row.currentPeriodEnd.getTime() > now.getTime() ? 'active' : 'trialing';
  const updated = await repo.update(ctx.tx, ctx.orgId, {
    status,
    cancelledAt: null,
    accessUntil: null,
    readOnlyNoticeAt: null,
  });
  await record(ctx, {
    action: 'subscription.reactivated',
    objectType: 'subscription',
    objectId: ctx.orgId,
    changes: { status: { before: 'cancelled', after: status } },
    extra: { wasReadOnly: isReadOnly(row, now) },
  });
  return present(ctx, updated, now);
}

export interface PlanChange {
  plan: Plan;
  status?: SubscriptionStatus;
  periodEnd?: Date;
}

/** The operator's `deedbox org plan`: plan, and optionally status and paid period end. */
export async function changePlan(ctx: Ctx, input: PlanChange): Promise<Subscription> {
  const row = await getRow(ctx, true);
  const now = new Date();
  const status = input.status ?? row.status;
  const currentPeriodEnd = input.periodEnd ?? row.currentPeriodEnd;
  const cancellation =
    status === 'cancelled'
      ? row.status === 'cancelled' && !input.periodEnd
        ? {}
        : {
            cancelledAt: row.cancelledAt ?? now,
            accessUntil: accessEndsAt({ status: row.status, currentPeriodEnd }, now),
            readOnlyNoticeAt: null,
          }
      : { cancelledAt: null, accessUntil: null, readOnlyNoticeAt: null };
  const updated = await repo.update(ctx.tx, ctx.orgId, {
    plan: input.plan,
    status,
    currentPeriodEnd,
    ...cancellation,
  });
  await record(ctx, {
    action: 'subscription.plan_changed',
    objectType: 'subscription',
    objectId: ctx.orgId,
    changes: changesOf(row, updated, ['plan', 'status', 'currentPeriodEnd', 'accessUntil']),
  });
  await noticeIfReadOnly(ctx, now);
  return present(ctx, updated, now);
}

type Compared = 'plan' | 'status' | 'currentPeriodEnd' | 'accessUntil' | 'stripeCustomerId' | 'stripeSubscriptionId';

/** Before/after of the fields that changed, dates as ISO text. */
export function changesOf(before: repo.SubscriptionRow, after: repo.SubscriptionRow, fields: Compared[]) {
  const text = (v: unknown) => (v instanceof Date ? v.toISOString() : (v ?? null));
  return Object.fromEntries(
    fields
      .filter((f) => text(before[f]) !== text(after[f]))
      .map((f) => [f, { before: text(before[f]), after: text(after[f]) }]),
  );
}
