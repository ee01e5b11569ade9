import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarEvent } from '../../../common/schemas/reminders.js';
import { addDays } from '../../../common/terms/dates.js';
import { addMember, auditEvents, call, defaultUnit, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { addCategory, addOrgUnit } from '../contracts/contracts.fixtures.js';
import {
  addCustomEvent,
  addReminder,
  contractWithDeadline,
  eventsOf,
  systemEvent,
} from '../reminders/reminders.fixtures.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const field = (res: Awaited<ReturnType<typeof call>>) => expectProblem(res, 422, 'validation_failed').errors?.[0];
const titles = (items: CalendarEvent[]) => items.map((e) => `${e.type}:${e.date ?? '-'}`);

describe('events of a contract', () => {
  it('lists the system events (undated last) and adds, edits and deletes custom ones, logging each', async () => {
    const admin = await signUpOrg(h);
    const category = await addCategory(h, admin, 'Leases');
    const reviews = await addCategory(h, admin, 'Reviews', 'event');
    const c = await contractWithDeadline(h, admin, 60, { categoryId: category });
    const system = await eventsOf(h, admin, c.id);
    expect(titles(system)).toEqual([
      `start:${addDays(c.today, -100)}`,
      `notice_deadline:${c.noticeDeadline}`,
      `renewal:${addDays(c.termEnd, 1)}`,
      'end:-',
    ]);
    expect(system.map((e) => e.title)).toEqual(['Start', 'Notice deadline', 'Renewal', 'End']);
    expect(system[1]).toMatchObject({ contractId: c.id, contractTitle: 'Deadline contract', categoryId: category });
    // The notice deadline carries the account's expiry reminder and the default reminder.
    expect(system[1]!.reminderCount).toBe(2);

    const created = await call(h, admin, 'POST', `/contracts/${c.id}/events`, {
      title: ' Price review ',
      description: 'Index clause',
      date: addDays(c.today, 20),
      categoryId: reviews,
    });
    expect(created.statusCode).toBe(201);
    const event = created.json() as CalendarEvent;
    expect(event).toMatchObject({
      type: 'custom',
      title: 'Price review',
      description: 'Index clause',
      categoryId: reviews,
      reminderCount: 0,
      businessUnitId: defaultUnit(admin),
    });
    const plain = await addCustomEvent(h, admin, c.id, { date: addDays(c.today, 5) });
    expect(plain).toMatchObject({ categoryId: category, description: null });
    expect((await call(h, admin, 'GET', `/events/${event.id}`)).json()).toEqual(event);
    expect(titles(await eventsOf(h, admin, c.id))).toContain(`custom:${addDays(c.today, 20)}`);

    const patched = await call(h, admin, 'PATCH', `/events/${event.id}`, { title: 'Rent review' });
    expect(patched.json()).toMatchObject({ title: 'Rent review', description: 'Index clause', categoryId: reviews });
    const updated = (await auditEvents(h, admin, '&action=event.updated'))[0]!;
    expect(updated).toMatchObject({ objectType: 'event', objectId: event.id });
    expect(updated.changes).toEqual({ title: { before: 'Price review', after: 'Rent review' } });
    expect((await auditEvents(h, admin, '&action=event.created'))[1]).toMatchObject({
      objectId: event.id,
      changes: { title: { before: null, after: 'Price review' } },
    });

    const reminder = await addReminder(h, admin, event.id);
    expect((await call(h, admin, 'DELETE', `/events/${event.id}`)).statusCode).toBe(204);
    expectProblem(await call(h, admin, 'GET', `/events/${event.id}`), 404, 'not_found');
    expectProblem(await call(h, admin, 'GET', `/reminders/${reminder.id}`), 404, 'not_found');
    expect((await auditEvents(h, admin, '&action=event.deleted'))[0]).toMatchObject({
      objectId: event.id,
      changes: { title: { before: 'Rent review', after: null } },
    });
  });

  it('keeps system events in step with the contract: they cannot be edited or deleted by hand', async () => {
    const admin = await signUpOrg(h);
    const c = await contractWithDeadline(h, admin, 100);
    const notice = await systemEvent(h, admin, c.id, 'notice_deadline');
    expectProblem(await call(h, admin, 'PATCH', `/events/${notice.id}`, { title: 'Mine' }), 409, 'conflict');
    expectProblem(await call(h, admin, 'DELETE', `/events/${notice.id}`), 409, 'conflict');

    const reminder = await addReminder(h, admin, notice.id, { leadTimes: [10] });
    expect(reminder.nextDueOn).toBe(addDays(c.today, 90));
    const later = addDays(c.today, 150);
    const res = await call(h, admin, 'PATCH', `/contracts/${c.id}`, {
      lifecycle: {
        type: 'auto_renewal',
        startDate: addDays(c.today, -100),
        endDate: later,
        renewalTerm: 'P1Y',
        noticePeriod: 'P30D',
      },
    });
    expect(res.statusCode).toBe(200);
    const moved = await systemEvent(h, admin, c.id, 'notice_deadline');
    expect(moved).toMatchObject({ id: notice.id, date: addDays(c.today, 120) });
    expect((await call(h, admin, 'GET', `/reminders/${reminder.id}`)).json().nextDueOn).toBe(addDays(c.today, 110));
    const expiry = (await call(h, admin, 'GET', `/events/${notice.id}/reminders`)).json().items[0];
    // The expiry schedule (90, 30, 7 days) moved too: 120 − 90 days.
    expect(expiry).toMatchObject({ kind: 'expiry', leadTimes: [90, 30, 7], nextDueOn: addDays(c.today, 30) });
  });

  it("moves a custom event's reminders when its date is changed", async () => {
    const admin = await signUpOrg(h);
    const c = await contractWithDeadline(h, admin, 100);
    const event = await addCustomEvent(h, admin, c.id, { date: addDays(c.today, 50) });
    const reminder = await addReminder(h, admin, event.id, { leadTimes: [7] });
    expect(reminder.nextDueOn).toBe(addDays(c.today, 43));
    await call(h, admin, 'PATCH', `/events/${event.id}`, { date: addDays(c.today, 60) });
    expect((await call(h, admin, 'GET', `/reminders/${reminder.id}`)).json().nextDueOn).toBe(addDays(c.today, 53));
    expect((await auditEvents(h, admin, '&action=event.updated'))[0]!.changes).toEqual({
      date: { before: addDays(c.today, 50), after: addDays(c.today, 60) },
    });
  });

  it('refuses bad input with a 422 naming the field and the rule', async () => {
    const admin = await signUpOrg(h);
    const c = await contractWithDeadline(h, admin, 30);
    const post = (body: object) =>
      call(h, admin, 'POST', `/contracts/${c.id}/events`, { title: 'T', date: '2090-01-01', ...body });
    expect(await field(await post({ title: ' ' }))).toMatchObject({ field: 'title' });
    expect(await field(await post({ date: '2090-02-30' }))).toMatchObject({ field: 'date' });
    expect(await field(await post({ description: 'x'.repeat(4001) }))).toMatchObject({ field: 'description' });
    expect(await field(await post({ categoryId: randomUUID() }))).toMatchObject({
      field: 'categoryId',
      rule: 'unknown_category',
    });
    const event = await addCustomEvent(h, admin, c.id, { date: '2090-01-01' });
    expectProblem(await call(h, admin, 'PATCH', `/events/${event.id}`, {}), 422, 'validation_failed');
    expect(await field(await call(h, admin, 'PATCH', `/events/${event.id}`, { date: 'soon' }))).toMatchObject({
      field: 'date',
    });
    expect(await field(await call(h, admin, 'GET', '/events?to=2090-01-01'))).toMatchObject({ field: 'from' });
    expect(await field(await call(h, admin, 'GET', '/events?from=2090-01-01&to=2091-02-06'))).toMatchObject({
      field: 'to',
      rule: 'range_too_long',
    });
    expect(await field(await call(h, admin, 'GET', '/events?from=2090-01-02&to=2090-01-01'))).toMatchObject({
      field: 'to',
      rule: 'before_from',
    });
    expect(
      await field(await call(h, admin, 'GET', '/events?from=2090-01-01&to=2090-02-01&type=birthday')),
    ).toMatchObject({ field: 'type' });
    expect((await call(h, admin, 'GET', '/events?from=2090-01-01&to=2091-02-05')).statusCode).toBe(200);
  });

  it('answers 401 without a session, 404 to another org and 403 to readers who may not write', async () => {
    const admin = await signUpOrg(h);
    const stranger = await signUpOrg(h);
    const viewer = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'viewer' } });
    const c = await contractWithDeadline(h, admin, 30);
    const event = await addCustomEvent(h, admin, c.id, { date: addDays(c.today, 3) });
    const body = { title: 'T', date: '2090-01-01' };
    const range = `/events?from=${c.today}&to=${addDays(c.today, 100)}`;
    for (const [method, url, payload] of [
      ['GET', `/contracts/${c.id}/events`],
      ['POST', `/contracts/${c.id}/events`, body],
      ['GET', `/events/${event.id}`],
      ['PATCH', `/events/${event.id}`, { title: 'X' }],
      ['DELETE', `/events/${event.id}`],
      ['GET', range],
    ] as const) {
      expectProblem(await call(h, null, method, url, payload), 401, 'unauthenticated');
      if (url !== range) expectProblem(await call(h, stranger, method, url, payload), 404, 'not_found');
    }
    expect((await call(h, stranger, 'GET', range)).json().items).toEqual([]);
    expect((await call(h, viewer, 'GET', `/events/${event.id}`)).statusCode).toBe(200);
    expect((await call(h, viewer, 'GET', `/contracts/${c.id}/events`)).json().items).toHaveLength(5);
    expectProblem(await call(h, viewer, 'POST', `/contracts/${c.id}/events`, body), 403, 'forbidden');
    expectProblem(await call(h, viewer, 'PATCH', `/events/${event.id}`, { title: 'X' }), 403, 'forbidden');
    expectProblem(await call(h, viewer, 'DELETE', `/events/${event.id}`), 403, 'forbidden');
  });
});

describe('the events list across contracts', () => {
  it('filters by range, type, category, org unit, owner and contract, showing only what the caller may see', async () => {
    const admin = await signUpOrg(h);
    const unit = defaultUnit(admin);
    const sales = (await call(h, admin, 'POST', '/business-units', { name: 'Sales' })).json().id as string;
    const salesViewer = await addMember(h, admin, { roles: { [sales]: 'viewer' } });
    const otherViewer = await addMember(h, admin, { roles: { [unit]: 'viewer' } });
    const category = await addCategory(h, admin, 'IT');
    const orgUnit = await addOrgUnit(h, admin, 'Plant 1');
    const a = await contractWithDeadline(h, admin, 40, { title: 'A', categoryId: category, orgUnitId: orgUnit });
    const b = await contractWithDeadline(h, admin, 50, {
      title: 'B',
      businessUnitId: sales,
      ownerId: salesViewer.id,
    });
    const custom = await addCustomEvent(h, admin, a.id, { title: 'Audit', date: addDays(a.today, 45) });
    const today = a.today;
    const list = async (who: typeof admin, query = '') => {
      const res = await call(h, who, 'GET', `/events?from=${addDays(today, -200)}&to=${addDays(today, 199)}${query}`);
      expect(res.statusCode).toBe(200);
      return (res.json().items as CalendarEvent[]).map((e) => `${e.contractTitle}:${e.type}`);
    };
    expect(await list(admin)).toEqual([
      'A:start',
      'B:start',
      'A:notice_deadline',
      'A:custom',
      'B:notice_deadline',
      'A:renewal',
      'B:renewal',
    ]);
    expect(await list(salesViewer)).toEqual(['B:start', 'B:notice_deadline', 'B:renewal']);
    expect(await list(otherViewer)).not.toContain('B:start');
    expect(await list(admin, '&type=notice_deadline&type=custom')).toEqual([
      'A:notice_deadline',
      'A:custom',
      'B:notice_deadline',
    ]);
    expect(await list(admin, '&type=renewal')).toEqual(['A:renewal', 'B:renewal']);
    expect(await list(admin, `&categoryId=${category}`)).toEqual([
      'A:start',
      'A:notice_deadline',
      'A:custom',
      'A:renewal',
    ]);
    expect(await list(admin, `&orgUnitId=${orgUnit}&type=custom`)).toEqual(['A:custom']);
    expect(await list(admin, `&ownerId=${salesViewer.id}&type=start`)).toEqual(['B:start']);
    expect(await list(admin, `&contractId=${b.id}&type=start&type=custom`)).toEqual(['B:start']);
    const narrow = `/events?from=${addDays(today, 40)}&to=${addDays(today, 45)}`;
    const inRange = (await call(h, admin, 'GET', narrow)).json().items as CalendarEvent[];
    expect(inRange.map((e) => e.title)).toEqual(['Notice deadline', 'Audit']);
    expect(inRange[1]).toMatchObject({ id: custom.id, categoryId: category, orgUnitId: orgUnit });

    // Archived contracts are history and still shown; deleted ones are gone.
    await call(h, admin, 'PATCH', `/contracts/${a.id}`, { status: 'archived' });
    expect(await list(admin, '&type=start')).toEqual(['A:start', 'B:start']);
    expect((await call(h, admin, 'DELETE', `/contracts/${b.id}`)).statusCode).toBe(204);
    expect(await list(admin, '&type=start')).toEqual(['A:start']);
    expect(await list(salesViewer)).toEqual([]);
  });
});
