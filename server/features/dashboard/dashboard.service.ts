import { CONTRACT_STATUSES } from '../../../common/schemas/contracts.js';
import { DASHBOARD_HORIZON, type Dashboard } from '../../../common/schemas/dashboard.js';
import { addDays, daysBetween } from '../../../common/terms/dates.js';
import type { Ctx } from '../../platform/context.js';
import { isAdmin, readableUnits } from '../access/access.policy.js';
import { orgToday } from '../contracts/contracts.access.js';
import * as reminders from '../reminders/reminders.repo.js';
import * as repo from './dashboard.repo.js';

const MAX_DEADLINES = 50;
const MAX_REMINDERS = 20;
const MAX_RECENT = 10;
const MAX_FAILED = 20;
const TOP_CATEGORIES = 8;
/** Days a reminder may stay unacknowledged after its first mail before it counts as overdue. */
const OVERDUE_AFTER_DAYS = 3;

function viewerOf(ctx: Ctx): repo.Viewer {
  const { actor } = ctx;
  return {
    orgId: ctx.orgId,
    units: readableUnits(actor),
    userId: actor.type === 'user' ? actor.id : null,
    isAdmin: isAdmin(actor),
  };
}

/** The reminders that reach the user (the query behind GET /reminders/mine), narrowed to the dashboard's horizon. */
async function remindersFor(ctx: Ctx, v: repo.Viewer, today: string, until: string) {
  if (!v.userId) return [];
  const rows = await reminders.mine(ctx.tx, ctx.orgId, { id: v.userId, isAdmin: v.isAdmin }, v.units, today);
  const soon = (r: (typeof rows)[number]) =>
    r.eventDate !== null && (r.eventDate <= until || (r.nextDueOn !== null && r.nextDueOn <= until));
  return rows
    .filter(soon)
    .slice(0, MAX_REMINDERS)
    .map((r) => ({
      reminderId: r.id,
      eventId: r.eventId,
      contractId: r.contractId,
      contractTitle: r.contractTitle,
      eventType: r.eventType,
      eventTitle: r.eventTitle,
      eventDate: r.eventDate!,
      daysLeft: daysBetween(today, r.eventDate!),
      nextDueOn: r.nextDueOn,
      state: r.state === 'acknowledged' ? ('acknowledged' as const) : ('active' as const),
    }));
}

function categoryBars(rows: Awaited<ReturnType<typeof repo.countByCategory>>) {
  const top = rows.slice(0, TOP_CATEGORIES);
  const other = rows.slice(TOP_CATEGORIES).reduce((sum, row) => sum + row.count, 0);
  return { byCategory: top, byCategoryOther: other };
}

/** The start page: what is due, what reaches me, how the contracts stand; read-only, so nothing is logged. */
export async function get(ctx: Ctx): Promise<Dashboard> {
  const v = viewerOf(ctx);
  const today = await orgToday(ctx);
  const until = addDays(today, DASHBOARD_HORIZON);
  const deadlineItems = await repo.deadlines(ctx.tx, v, today, today, until, MAX_DEADLINES);
  const laterItems = await repo.deadlines(ctx.tx, v, today, addDays(until, 1), null, MAX_DEADLINES);
  const c = await repo.deadlineCounts(ctx.tx, v, today);
  const myReminders = await remindersFor(ctx, v, today, until);
  const overdue = await repo.overdueCount(ctx.tx, v, today, OVERDUE_AFTER_DAYS);
  const statusCounts = new Map((await repo.countByStatus(ctx.tx, v)).map((r) => [r.status, r.count]));
  const categories = categoryBars(await repo.countByCategory(ctx.tx, v));
  const recent = await repo.recentlyChanged(ctx.tx, v, MAX_RECENT);
  const failed = await repo.failedDeliveries(ctx.tx, v, MAX_FAILED);
  const failedTotal = failed.length < MAX_FAILED ? failed.length : await repo.failedDeliveryCount(ctx.tx, v);
  return {
    asOf: today,
    deadlines: {
      items: deadlineItems,
      later: laterItems,
      counts: {
        notice_deadline: { within30: c.n30, within60: c.n60, within90: c.n90, later: c.nLater },
        end: { within30: c.e30, within60: c.e60, within90: c.e90, later: c.eLater },
      },
    },
    myReminders,
    overdueReminders: overdue,
    byStatus: CONTRACT_STATUSES.map((status) => ({ status, count: statusCounts.get(status) ?? 0 })),
    ...categories,
    recent: recent.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() })),
    failedDeliveries: {
      total: failedTotal,
      items: failed.map((d) => ({
        ...d,
        status: d.status === 'bounced' ? ('bounced' as const) : ('failed' as const),
        updatedAt: d.updatedAt.toISOString(),
      })),
    },
  };
}
