import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  CalendarEvent,
  CustomEventInput,
  CustomEventPatch,
  eventListQuery,
} from '../../../common/schemas/reminders.js';
import { daysBetween } from '../../../common/terms/dates.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { canReadUnit, readableUnits } from '../access/access.policy.js';
import { diff, record } from '../audit/audit.service.js';
import * as categories from '../categories/categories.repo.js';
import { getVisible, requireWrite } from '../contracts/contracts.access.js';
import { presentEvent } from './events.presenter.js';
import * as repo from './events.repo.js';

export type EventListQuery = z.infer<typeof eventListQuery>;

/** The longest range the calendar list answers at once. */
export const MAX_RANGE_DAYS = 400;

interface EventFields {
  title: string | null;
  description: string | null;
  date: string | null;
  categoryId: string | null;
}

const fieldsOf = (row: repo.EventRow): EventFields => ({
  title: row.title,
  description: row.description,
  date: row.date,
  categoryId: row.categoryId,
});

const asRecord = (f: Partial<EventFields>) => f as Record<string, unknown>;
const cleared: EventFields = { title: null, description: null, date: null, categoryId: null };

/** An event on a contract the actor may see; anything else is "not found". */
export async function getVisibleEvent(ctx: Ctx, id: string): Promise<repo.EventRow> {
  const row = await repo.find(ctx.tx, ctx.orgId, id);
  if (!row || !canReadUnit(ctx.actor, row.businessUnitId)) throw AppError.notFound('Event');
  return row;
}

/** System events follow the contract's dates; only custom ones are edited by hand. */
function requireCustom(row: repo.EventRow): void {
  if (row.type !== 'custom') {
    throw AppError.because(
      'conflict',
      'system_event',
      'System events follow the contract; change the contract instead.',
    );
  }
}

async function checkCategory(ctx: Ctx, categoryId: string | null | undefined): Promise<void> {
  if (categoryId && !(await categories.find(ctx.tx, ctx.orgId, categoryId))) {
    throw AppError.invalid('categoryId', 'unknown_category', 'is not a category of this account');
  }
}

async function reload(ctx: Ctx, id: string): Promise<repo.EventRow> {
  return (await repo.find(ctx.tx, ctx.orgId, id))!;
}

export async function get(ctx: Ctx, id: string): Promise<CalendarEvent> {
  return presentEvent(await getVisibleEvent(ctx, id));
}

export async function listOfContract(ctx: Ctx, contractId: string): Promise<CalendarEvent[]> {
  await getVisible(ctx, contractId);
  return (await repo.listOfContract(ctx.tx, ctx.orgId, contractId)).map(presentEvent);
}

export async function list(ctx: Ctx, q: EventListQuery): Promise<CalendarEvent[]> {
  if (q.to < q.from) throw AppError.invalid('to', 'before_from', 'must not be before from');
  if (daysBetween(q.from, q.to) > MAX_RANGE_DAYS) {
    throw AppError.invalid('to', 'range_too_long', `must be at most ${MAX_RANGE_DAYS} days after from`);
  }
  const filter: repo.RangeFilter = {
    from: q.from,
    to: q.to,
    units: readableUnits(ctx.actor),
    types: q.type,
    categoryId: q.categoryId,
    orgUnitId: q.orgUnitId,
    ownerId: q.ownerId,
    contractId: q.contractId,
  };
  return (await repo.listInRange(ctx.tx, ctx.orgId, filter, q.limit)).map(presentEvent);
}

export async function create(ctx: Ctx, contractId: string, input: CustomEventInput): Promise<CalendarEvent> {
  const contract = await getVisible(ctx, contractId);
  requireWrite(ctx, contract.businessUnitId);
  await checkCategory(ctx, input.categoryId);
  const id = randomUUID();
  const fields: EventFields = {
    title: input.title,
    description: input.description,
    date: input.date,
    categoryId: input.categoryId ?? null,
  };
  await repo.insert(ctx.tx, {
    orgId: ctx.orgId,
    id,
    contractId,
    type: 'custom',
    ...fields,
    createdBy: ctx.actor.type === 'user' ? ctx.actor.id : null,
  });
  await record(ctx, {
    action: 'event.created',
    objectType: 'event',
    objectId: id,
    changes: diff({}, asRecord(fields)),
    extra: { contractId },
  });
  return presentEvent(await reload(ctx, id));
}

export async function update(ctx: Ctx, id: string, patch: CustomEventPatch): Promise<CalendarEvent> {
  const before = await getVisibleEvent(ctx, id);
  requireWrite(ctx, before.businessUnitId);
  requireCustom(before);
  await checkCategory(ctx, patch.categoryId);
  const changes = diff(asRecord(fieldsOf(before)), asRecord(patch));
  if (Object.keys(changes).length === 0) return presentEvent(before);
  const changed = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.after]));
  // A new date moves the event's reminders (trigger events_move_reminders).
  await repo.update(ctx.tx, ctx.orgId, id, changed);
  await record(ctx, {
    action: 'event.updated',
    objectType: 'event',
    objectId: id,
    changes,
    extra: { contractId: before.contractId },
  });
  return presentEvent(await reload(ctx, id));
}

export async function remove(ctx: Ctx, id: string): Promise<void> {
  const row = await getVisibleEvent(ctx, id);
  requireWrite(ctx, row.businessUnitId);
  requireCustom(row);
  await repo.remove(ctx.tx, ctx.orgId, id);
  await record(ctx, {
    action: 'event.deleted',
    objectType: 'event',
    objectId: id,
    changes: diff(asRecord(fieldsOf(row)), asRecord(cleared)),
    extra: { contractId: row.contractId, title: row.title, reminders: row.reminderCount },
  });
}
