import { z } from 'zod';
import { PLAN_NAMES, SUBSCRIPTION_STATUSES } from '../subscriptions.js';
import { isoDateTime } from './common.js';

/** Whether the account may still change anything: every member may ask (the read-only banner). */
export const accountAccess = z.object({
  readOnly: z.boolean(),
  /** Since when the account is read-only (null while it is not). */
  readOnlySince: isoDateTime.nullable(),
  /** Until when a read-only account's data is kept before it is deleted. */
  dataKeptUntil: isoDateTime.nullable(),
});
export type AccountAccess = z.infer<typeof accountAccess>;

/** Cancelling is confirmed in so many words: the administrator was shown what happens and when. */
export const cancelInput = z.object({ confirm: z.literal(true) });

/** Deleting the whole account: the administrator's password and the account's exact name, as a check. */
export const deletionRequestInput = z.object({
  password: z.string().min(1).max(1000),
  confirmName: z.string().min(1).max(300),
});
export type DeletionRequestInput = z.infer<typeof deletionRequestInput>;

/** Settings → Subscription, for administrators. */
export const subscription = z.object({
  plan: z.enum(PLAN_NAMES),
  status: z.enum(SUBSCRIPTION_STATUSES),
  seats: z.object({ used: z.number().int(), limit: z.number().int().nullable() }),
  trialEndsAt: isoDateTime.nullable(),
  currentPeriodEnd: isoDateTime.nullable(),
  cancelledAt: isoDateTime.nullable(),
  /** Cancelled: when write access ends (or ended). */
  accessUntil: isoDateTime.nullable(),
  readOnly: z.boolean(),
  /** Cancelled: when the account's data is deleted (access end plus the retention period). */
  deletionDate: isoDateTime.nullable(),
  retentionMonths: z.number().int(),
  plans: z.array(z.object({ name: z.enum(PLAN_NAMES), seats: z.number().int().nullable() })),
  /** Stripe Payment Links (per plan) and the customer portal, when this installation configures them. */
  checkoutLinks: z.array(z.object({ plan: z.enum(PLAN_NAMES), url: z.url() })),
  portalUrl: z.url().nullable(),
  abilities: z.object({ cancel: z.boolean(), reactivate: z.boolean() }),
  /** Placed by the operator: nothing of the account is deleted while it is on, whatever the dates say. */
  legalHold: z.object({ reason: z.string(), since: isoDateTime }).nullable(),
  /** An administrator asked for the account's deletion: it runs at dueAt unless an administrator cancels. */
  deletionRequest: z
    .object({ requestedAt: isoDateTime, dueAt: isoDateTime, requestedBy: z.string().nullable() })
    .nullable(),
});
export type Subscription = z.infer<typeof subscription>;
