import type { CalendarEvent, EventType, Reminder } from '../../../common/schemas/reminders.js';
import { addDays, todayIn } from '../../../common/terms/dates.js';
import { type Caller, call } from '../../test/api.js';
import type { Harness } from '../../test/harness.js';

/** Today in the caller's account time zone: the day reminders count from. */
export async function accountToday(h: Harness, who: Caller): Promise<string> {
  const res = await call(h, who, 'GET', '/settings/reminders');
  if (res.statusCode !== 200) throw new Error(`reminder settings failed: ${res.statusCode} ${res.body}`);
  return todayIn((res.json() as { timeZone: string }).timeZone);
}

/**
 * An auto-renewing contract whose notice deadline is `days` days from today (30 days' notice
 * before a term ending `days + 30` days from today). `ownerId` defaults to the caller.
 */
export async function contractWithDeadline(h: Harness, who: Caller, days: number, extra: Record<string, unknown> = {}) {
  const today = await accountToday(h, who);
  const termEnd = addDays(today, days + 30);
  const res = await call(h, who, 'POST', '/contracts', {
    title: 'Deadline contract',
    ownerId: who.me?.user?.id ?? null,
    lifecycle: {
      type: 'auto_renewal',
      startDate: addDays(today, -100),
      endDate: termEnd,
      renewalTerm: 'P1Y',
      noticePeriod: 'P30D',
    },
    ...extra,
  });
  if (res.statusCode !== 201) throw new Error(`contract create failed: ${res.statusCode} ${res.body}`);
  return { id: (res.json() as { id: string }).id, today, noticeDeadline: addDays(today, days), termEnd };
}

export async function eventsOf(h: Harness, who: Caller, contractId: string): Promise<CalendarEvent[]> {
  const res = await call(h, who, 'GET', `/contracts/${contractId}/events`);
  if (res.statusCode !== 200) throw new Error(`events failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { items: CalendarEvent[] }).items;
}

/** The contract's system event of a type (every contract has one of each, maybe without a date). */
export async function systemEvent(h: Harness, who: Caller, contractId: string, type: Exclude<EventType, 'custom'>) {
  const event = (await eventsOf(h, who, contractId)).find((e) => e.type === type);
  if (!event) throw new Error(`no ${type} event on contract ${contractId}`);
  return event;
}

export async function addCustomEvent(
  h: Harness,
  who: Caller,
  contractId: string,
  body: { title?: string; date: string; description?: string | null; categoryId?: string | null },
): Promise<CalendarEvent> {
  const res = await call(h, who, 'POST', `/contracts/${contractId}/events`, { title: 'Price review', ...body });
  if (res.statusCode !== 201) throw new Error(`event create failed: ${res.statusCode} ${res.body}`);
  return res.json() as CalendarEvent;
}

/** A reminder on an event; by default 30 and 7 days before, once, to the contract owner. */
export async function addReminder(
  h: Harness,
  who: Caller,
  eventId: string,
  body: Record<string, unknown> = {},
): Promise<Reminder> {
  const res = await call(h, who, 'POST', `/events/${eventId}/reminders`, {
    leadTimes: [30, 7],
    repeat: 'once',
    recipients: { owner: true },
    ...body,
  });
  if (res.statusCode !== 201) throw new Error(`reminder create failed: ${res.statusCode} ${res.body}`);
  return res.json() as Reminder;
}
