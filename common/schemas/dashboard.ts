import { z } from 'zod';
import { isoDate, isoDateTime } from './common.js';
import { CONTRACT_STATUSES } from './contracts.js';
import { DELIVERY_KINDS, EVENT_TYPES } from './reminders.js';

/** How far ahead the dashboard looks, in days. */
export const DASHBOARD_HORIZON = 90;
export const DEADLINE_TYPES = ['notice_deadline', 'end'] as const;
export type DeadlineType = (typeof DEADLINE_TYPES)[number];

export const dashboardDeadline = z.object({
  contractId: z.uuid(),
  title: z.string(),
  contractNumber: z.string().nullable(),
  partnerName: z.string().nullable(),
  type: z.enum(DEADLINE_TYPES),
  date: isoDate,
  /** Days from the org's today (`asOf`); 0 = today. */
  daysLeft: z.number().int(),
});
export type DashboardDeadline = z.infer<typeof dashboardDeadline>;

/** Cumulative: within60 includes within30; `later` counts what lies beyond 90 days (not cumulative). */
const windowCounts = z.object({
  within30: z.number().int(),
  within60: z.number().int(),
  within90: z.number().int(),
  later: z.number().int(),
});
export type DeadlineWindowCounts = z.infer<typeof windowCounts>;

export const dashboardReminder = z.object({
  reminderId: z.uuid(),
  eventId: z.uuid(),
  contractId: z.uuid(),
  contractTitle: z.string(),
  eventType: z.enum(EVENT_TYPES),
  /** A custom event's own title; null for system events. */
  eventTitle: z.string().nullable(),
  eventDate: isoDate,
  daysLeft: z.number().int(),
  nextDueOn: isoDate.nullable(),
  state: z.enum(['active', 'acknowledged']),
});
export type DashboardReminder = z.infer<typeof dashboardReminder>;

export const dashboardFailedDelivery = z.object({
  id: z.uuid(),
  kind: z.enum(DELIVERY_KINDS),
  status: z.enum(['failed', 'bounced']),
  recipientEmail: z.string(),
  lastError: z.string().nullable(),
  updatedAt: isoDateTime,
  /** Null when the delivery has no contract or the contract is deleted or not visible. */
  contractId: z.uuid().nullable(),
  contractTitle: z.string().nullable(),
});
export type DashboardFailedDelivery = z.infer<typeof dashboardFailedDelivery>;

export const dashboard = z.object({
  /** The org's today: every daysLeft counts from it. */
  asOf: isoDate,
  deadlines: z.object({
    /** Notice deadlines and ends from today to today + 90 days, by date, at most 50. */
    items: z.array(dashboardDeadline),
    /** Notice deadlines and ends after today + 90 days, nearest first, at most 50. */
    later: z.array(dashboardDeadline),
    counts: z.object({ notice_deadline: windowCounts, end: windowCounts }),
  }),
  /** Open reminders that reach the caller, by event date, at most 20. */
  myReminders: z.array(dashboardReminder),
  /** Reminders first sent more than 3 days ago and still neither acknowledged nor dismissed. */
  overdueReminders: z.number().int(),
  byStatus: z.array(z.object({ status: z.enum(CONTRACT_STATUSES), count: z.number().int() })),
  /** The 8 largest groups; categoryId null = uncategorized (name null too). */
  byCategory: z.array(
    z.object({ categoryId: z.uuid().nullable(), name: z.string().nullable(), count: z.number().int() }),
  ),
  /** Contracts in the categories beyond the 8 largest. */
  byCategoryOther: z.number().int(),
  recent: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      contractNumber: z.string().nullable(),
      status: z.enum(CONTRACT_STATUSES),
      updatedAt: isoDateTime,
    }),
  ),
  /** Administrators: all of the org's; others: mails addressed to them. */
  failedDeliveries: z.object({ total: z.number().int(), items: z.array(dashboardFailedDelivery) }),
});
export type Dashboard = z.infer<typeof dashboard>;
