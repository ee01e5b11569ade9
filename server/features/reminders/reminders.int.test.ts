import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyReminder, Reminder } from '../../../common/schemas/reminders.js';
import { addDays } from '../../../common/terms/dates.js';
import { deliveries, reminderOccurrences } from '../../db/schema/index.js';
import { withClaims } from '../../db/tx.js';
import { addMember, auditEvents, type Caller, call, defaultUnit, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { addCustomEvent, addReminder, contractWithDeadline, systemEvent } from './reminders.fixtures.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const problemField = (res: Awaited<ReturnType<typeof call>>) =>
  expectProblem(res, 422, 'validation_failed').errors?.[0];
const getReminder = async (who: Caller, id: string) =>
  (await call(h, who, 'GET', `/reminders/${id}`)).json() as Reminder;
const act = async (who: Caller, id: string, action: string) => call(h, who, 'PATCH', `/reminders/${id}`, { action });

describe('reminders on events', () => {
  it("creates reminders with the account's default repetition, lists, changes and deletes them, logging each", async () => {
    const admin = await signUpOrg(h);
    const editor = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'editor' } });
    const c = await contractWithDeadline(h, admin, 100);
    const notice = await systemEvent(h, admin, c.id, 'notice_deadline');
    const created = await call(h, admin, 'POST', `/events/${notice.id}/reminders`, {
      leadTimes: [30, 90, 0],
      recipients: { owner: true, userIds: [editor.id, editor.id], emails: ['legal@example.com'] },
    });
    expect(created.statusCode).toBe(201);
    const reminder = created.json() as Reminder;
    expect(reminder).toMatchObject({
      eventId: notice.id,
      contractId: c.id,
      kind: 'custom',
      leadTimes: [90, 30, 0],
      repeat: 'once',
      recipients: { owner: true, backupOwner: false, unitEditors: false, userIds: [editor.id] },
      state: 'active',
      nextDueOn: addDays(c.today, 10),
      createdBy: admin.me.user!.id,
      acknowledgedAt: null,
    });
    const logged = (await auditEvents(h, admin, `&action=reminder.created&objectId=${reminder.id}`))[0]!;
    expect(logged.objectType).toBe('reminder');
    expect(logged.changes).toMatchObject({
      leadTimes: { before: null, after: [90, 30, 0] },
      emails: { before: null, after: ['legal@example.com'] },
    });

    await call(h, admin, 'PATCH', '/settings/reminders', { defaultRepeat: 'weekly' });
    const weekly = await addReminder(h, editor, notice.id, { repeat: undefined, leadTimes: [14] });
    expect(weekly).toMatchObject({ repeat: 'weekly', nextDueOn: addDays(c.today, 86), createdBy: editor.id });
    const ofEvent = (await call(h, admin, 'GET', `/events/${notice.id}/reminders`)).json().items as Reminder[];
    expect(ofEvent.map((r) => r.kind)).toEqual(['expiry', 'default', 'custom', 'custom']);
    const ofContract = (await call(h, admin, 'GET', `/contracts/${c.id}/reminders`)).json().items as Reminder[];
    expect(ofContract).toHaveLength(5);
    // The end of an auto-renewing contract is not known yet: its expiry reminder waits.
    expect(ofContract[4]).toMatchObject({ kind: 'expiry', state: 'inactive', nextDueOn: null });

    const shorter = await call(h, editor, 'PATCH', `/reminders/${reminder.id}`, { leadTimes: [20] });
    expect(shorter.json()).toMatchObject({ leadTimes: [20], nextDueOn: addDays(c.today, 80) });
    expect((await auditEvents(h, admin, '&action=reminder.updated'))[0]).toMatchObject({
      objectId: reminder.id,
      changes: { leadTimes: { before: [90, 30, 0], after: [20] } },
    });
    const recipients = await call(h, admin, 'PATCH', `/reminders/${reminder.id}`, {
      recipients: { unitEditors: true },
    });
    expect(recipients.json()).toMatchObject({
      nextDueOn: addDays(c.today, 80),
      recipients: { owner: false, unitEditors: true, userIds: [], emails: [] },
    });
    expect(await auditEvents(h, admin, '&action=reminder.updated')).toHaveLength(2);

    expect((await call(h, admin, 'DELETE', `/reminders/${reminder.id}`)).statusCode).toBe(204);
    expectProblem(await call(h, admin, 'GET', `/reminders/${reminder.id}`), 404, 'not_found');
    expect((await auditEvents(h, admin, '&action=reminder.deleted'))[0]).toMatchObject({
      objectId: reminder.id,
      changes: { leadTimes: { before: [20], after: null } },
    });
  });

  it('acknowledges, dismisses and reopens for the current event date; a moved event makes it active again', async () => {
    const admin = await signUpOrg(h);
    const viewer = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'viewer' } });
    const c = await contractWithDeadline(h, admin, 100);
    const event = await addCustomEvent(h, admin, c.id, { date: addDays(c.today, 50) });
    const r = await addReminder(h, admin, event.id, {
      leadTimes: [7],
      recipients: { owner: true, userIds: [viewer.id] },
    });
    const acked = await act(viewer, r.id, 'acknowledge');
    expect(acked.json()).toMatchObject({ state: 'acknowledged', acknowledgedBy: viewer.id, dismissedAt: null });
    expect((await act(viewer, r.id, 'acknowledge')).json().state).toBe('acknowledged');
    const ackLog = await auditEvents(h, admin, '&action=reminder.acknowledged');
    expect(ackLog).toHaveLength(1);
    expect(ackLog[0]).toMatchObject({
      objectId: r.id,
      changes: { state: { before: 'active', after: 'acknowledged' } },
    });
    const dismissed = (await act(admin, r.id, 'dismiss')).json();
    expect(dismissed).toMatchObject({ state: 'dismissed', dismissedBy: admin.me.user!.id, acknowledgedBy: viewer.id });
    expect((await auditEvents(h, admin, '&action=reminder.dismissed'))[0]!.changes).toEqual({
      state: { before: 'acknowledged', after: 'dismissed' },
    });
    expect((await act(viewer, r.id, 'reopen')).json()).toMatchObject({ state: 'active', acknowledgedAt: null });
    expect(await auditEvents(h, admin, '&action=reminder.reopened')).toHaveLength(1);

    await act(viewer, r.id, 'acknowledge');
    await call(h, admin, 'PATCH', `/events/${event.id}`, { date: addDays(c.today, 51) });
    expect(await getReminder(admin, r.id)).toMatchObject({ state: 'active', acknowledgedAt: null });

    const notice = await systemEvent(h, admin, c.id, 'notice_deadline');
    const onNotice = await addReminder(h, admin, notice.id, { leadTimes: [10] });
    expect((await act(admin, onNotice.id, 'dismiss')).json().state).toBe('dismissed');
    const lifecycle = {
      type: 'auto_renewal',
      startDate: addDays(c.today, -100),
      endDate: addDays(c.today, 140),
      renewalTerm: 'P1Y',
      noticePeriod: 'P30D',
    };
    expect((await call(h, admin, 'PATCH', `/contracts/${c.id}`, { lifecycle })).statusCode).toBe(200);
    expect(await getReminder(admin, onNotice.id)).toMatchObject({ state: 'active', nextDueOn: addDays(c.today, 100) });
    await call(h, admin, 'PATCH', `/contracts/${c.id}`, { status: 'archived' });
    expect((await getReminder(admin, onNotice.id)).state).toBe('inactive');
  });

  it('lets a reminder be set on a past event, inactive, and keeps the expiry schedule out of direct edits', async () => {
    const admin = await signUpOrg(h);
    const c = await contractWithDeadline(h, admin, 100);
    const past = await addCustomEvent(h, admin, c.id, { date: addDays(c.today, -5) });
    const r = await addReminder(h, admin, past.id);
    expect(r).toMatchObject({ state: 'inactive', nextDueOn: null });
    expectProblem(await act(admin, r.id, 'acknowledge'), 409, 'conflict');
    expectProblem(await act(admin, r.id, 'dismiss'), 409, 'conflict');
    expect((await act(admin, r.id, 'reopen')).statusCode).toBe(200);

    const notice = await systemEvent(h, admin, c.id, 'notice_deadline');
    const expiry = ((await call(h, admin, 'GET', `/events/${notice.id}/reminders`)).json().items as Reminder[])[0]!;
    expect(expiry).toMatchObject({ kind: 'expiry', leadTimes: [90, 30, 7], nextDueOn: addDays(c.today, 10) });
    expectProblem(await call(h, admin, 'PATCH', `/reminders/${expiry.id}`, { leadTimes: [1] }), 409, 'conflict');
    expectProblem(await call(h, admin, 'DELETE', `/reminders/${expiry.id}`), 409, 'conflict');
    expect((await act(admin, expiry.id, 'acknowledge')).json().state).toBe('acknowledged');
  });

  it('refuses bad reminders with a 422 naming the field and the rule', async () => {
    const admin = await signUpOrg(h);
    const stranger = await signUpOrg(h);
    const sales = (await call(h, admin, 'POST', '/business-units', { name: 'Sales' })).json().id as string;
    const salesViewer = await addMember(h, admin, { roles: { [sales]: 'viewer' } });
    const c = await contractWithDeadline(h, admin, 100);
    const notice = await systemEvent(h, admin, c.id, 'notice_deadline');
    const post = async (body: Record<string, unknown>) =>
      problemField(
        await call(h, admin, 'POST', `/events/${notice.id}/reminders`, {
          leadTimes: [10],
          recipients: { owner: true },
          ...body,
        }),
      );
    expect(await post({ leadTimes: [-1] })).toMatchObject({ field: 'leadTimes.0' });
    expect(await post({ leadTimes: [1096] })).toMatchObject({ field: 'leadTimes.0' });
    expect(await post({ leadTimes: [] })).toMatchObject({ field: 'leadTimes' });
    expect(await post({ leadTimes: [5, 5] })).toMatchObject({ field: 'leadTimes' });
    expect(await post({ repeat: 'yearly' })).toMatchObject({ field: 'repeat' });
    expect(await post({ recipients: {} })).toMatchObject({ field: 'recipients' });
    expect(await post({ recipients: { emails: ['nope'] } })).toMatchObject({ field: 'recipients.emails.0' });
    const many = Array.from({ length: 51 }, (_, i) => `p${i}@example.com`);
    expect(await post({ recipients: { emails: many } })).toMatchObject({ field: 'recipients.emails' });
    const ids = [admin.me.user!.id, randomUUID(), salesViewer.id, stranger.me.user!.id];
    const res = await call(h, admin, 'POST', `/events/${notice.id}/reminders`, {
      leadTimes: [10],
      recipients: { userIds: ids },
    });
    expect(expectProblem(res, 422, 'validation_failed').errors).toEqual([
      expect.objectContaining({ field: 'recipients.userIds.1', rule: 'not_a_member' }),
      expect.objectContaining({ field: 'recipients.userIds.2', rule: 'cannot_see_contract' }),
      expect.objectContaining({ field: 'recipients.userIds.3', rule: 'not_a_member' }),
    ]);
    const r = await addReminder(h, admin, notice.id);
    expectProblem(await call(h, admin, 'PATCH', `/reminders/${r.id}`, {}), 422, 'validation_failed');
    expect(await problemField(await act(admin, r.id, 'snooze'))).toMatchObject({ field: 'action' });
    const patch = await call(h, admin, 'PATCH', `/reminders/${r.id}`, { recipients: { userIds: [salesViewer.id] } });
    expect(await problemField(patch)).toMatchObject({ field: 'recipients.userIds.0', rule: 'cannot_see_contract' });
    expect((await call(h, admin, 'GET', `/events/${notice.id}/reminders`)).json().items).toHaveLength(3);
  });

  it('answers 401 without a session, 404 to another org or unit and 403 to readers who may not write', async () => {
    const admin = await signUpOrg(h);
    const stranger = await signUpOrg(h);
    const viewer = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'viewer' } });
    const outsider = await addMember(h, admin, { roles: {} });
    const c = await contractWithDeadline(h, admin, 100);
    const notice = await systemEvent(h, admin, c.id, 'notice_deadline');
    const r = await addReminder(h, admin, notice.id);
    const body = { leadTimes: [3], recipients: { owner: true } };
    const routes = [
      ['GET', `/events/${notice.id}/reminders`],
      ['POST', `/events/${notice.id}/reminders`, body],
      ['GET', `/contracts/${c.id}/reminders`],
      ['GET', `/reminders/${r.id}`],
      ['PATCH', `/reminders/${r.id}`, { action: 'acknowledge' }],
      ['DELETE', `/reminders/${r.id}`],
      ['GET', `/reminders/${r.id}/deliveries`],
    ] as const;
    for (const [method, url, payload] of routes) {
      expectProblem(await call(h, null, method, url, payload), 401, 'unauthenticated');
      expectProblem(await call(h, stranger, method, url, payload), 404, 'not_found');
      expectProblem(await call(h, outsider, method, url, payload), 404, 'not_found');
    }
    expectProblem(await call(h, null, 'GET', '/reminders/mine'), 401, 'unauthenticated');
    expect((await call(h, viewer, 'GET', `/contracts/${c.id}/reminders`)).json().items).toHaveLength(4);
    expect((await call(h, viewer, 'GET', `/reminders/${r.id}/deliveries`)).json().items).toEqual([]);
    expectProblem(await call(h, viewer, 'POST', `/events/${notice.id}/reminders`, body), 403, 'forbidden');
    expectProblem(await call(h, viewer, 'PATCH', `/reminders/${r.id}`, { leadTimes: [1] }), 403, 'forbidden');
    expectProblem(await call(h, viewer, 'DELETE', `/reminders/${r.id}`), 403, 'forbidden');
    expectProblem(await act(viewer, r.id, 'acknowledge'), 403, 'forbidden');
  });

  it("lets only the reminder's recipients, the contract's owners and the unit's editors respond, and says so per reminder", async () => {
    const admin = await signUpOrg(h);
    const unit = defaultUnit(admin);
    const viewer = await addMember(h, admin, { roles: { [unit]: 'viewer' } });
    const named = await addMember(h, admin, { roles: { [unit]: 'viewer' } });
    const backup = await addMember(h, admin, { roles: { [unit]: 'viewer' } });
    const editor = await addMember(h, admin, { roles: { [unit]: 'editor' } });
    const c = await contractWithDeadline(h, admin, 100, { backupOwnerId: backup.id });
    const notice = await systemEvent(h, admin, c.id, 'notice_deadline');
    const r = await addReminder(h, admin, notice.id, { recipients: { owner: true, userIds: [named.id] } });
    const listed = (await call(h, viewer, 'GET', `/contracts/${c.id}/reminders`)).json().items as Reminder[];
    const expiry = listed.find((x) => x.kind === 'expiry')!;
    // The owner's safety net and the owner's own reminder are not a bystander's to silence.
    for (const target of [expiry, r]) {
      expect(listed.find((x) => x.id === target.id)!.abilities).toEqual({ edit: false, respond: false });
      for (const action of ['acknowledge', 'dismiss', 'reopen']) {
        expectProblem(await act(viewer, target.id, action), 403, 'forbidden');
      }
    }
    expect(await auditEvents(h, admin, '&action=reminder.dismissed')).toHaveLength(0);
    expect((await getReminder(named, r.id)).abilities).toEqual({ edit: false, respond: true });
    expect((await getReminder(named, expiry.id)).abilities.respond).toBe(false);
    expect((await act(named, r.id, 'acknowledge')).json().state).toBe('acknowledged');
    expect((await getReminder(backup, expiry.id)).abilities).toEqual({ edit: false, respond: true });
    expect((await act(backup, expiry.id, 'dismiss')).json().state).toBe('dismissed');
    expect((await getReminder(editor, r.id)).abilities).toEqual({ edit: true, respond: true });
    expect((await getReminder(editor, expiry.id)).abilities).toEqual({ edit: false, respond: true });
    expect((await act(editor, expiry.id, 'reopen')).json().state).toBe('active');
  });
});

describe('deliveries of a reminder', () => {
  it('lists the mails written for a reminder, newest first, with recipient and occurrence', async () => {
    const admin = await signUpOrg(h);
    const stranger = await signUpOrg(h);
    const c = await contractWithDeadline(h, admin, 100);
    const notice = await systemEvent(h, admin, c.id, 'notice_deadline');
    const r = await addReminder(h, admin, notice.id, { recipients: { owner: true, emails: ['cfo@example.com'] } });
    const other = await addReminder(h, admin, notice.id);
    const orgId = admin.me.org.id;
    const occurrenceId = randomUUID();
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    await withClaims(h.database.db, { orgId }, async (tx) => {
      await tx.insert(reminderOccurrences).values({
        orgId,
        id: occurrenceId,
        reminderId: r.id,
        eventId: notice.id,
        contractId: c.id,
        eventDate: c.noticeDeadline,
        dueOn: addDays(c.noticeDeadline, -30),
      });
      const base = { orgId, kind: 'reminder' as const, occurrenceId, contractId: c.id, nextAttemptAt: new Date() };
      await tx.insert(deliveries).values([
        {
          ...base,
          id: ids[0]!,
          dedupeKey: `a-${ids[0]}`,
          reminderId: r.id,
          recipientUserId: admin.me.user!.id,
          recipientEmail: admin.email,
          status: 'sent',
          attempts: 1,
          messageId: '<m1@deedbox>',
          sentAt: new Date('2030-01-01T08:00:05Z'),
          createdAt: new Date('2030-01-01T08:00:00Z'),
        },
        {
          ...base,
          id: ids[1]!,
          dedupeKey: `b-${ids[1]}`,
          reminderId: r.id,
          recipientEmail: 'cfo@example.com',
          infoOnly: true,
          status: 'retrying',
          attempts: 2,
          lastError: '421 try later',
          createdAt: new Date('2030-01-01T08:00:01Z'),
        },
        {
          ...base,
          id: ids[2]!,
          dedupeKey: `c-${ids[2]}`,
          reminderId: other.id,
          recipientEmail: admin.email,
          status: 'queued',
        },
      ]);
    });
    const res = await call(h, admin, 'GET', `/reminders/${r.id}/deliveries`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((d: { id: string }) => d.id)).toEqual([ids[1], ids[0]]);
    expect(items[0]).toMatchObject({
      recipientEmail: 'cfo@example.com',
      recipientName: null,
      infoOnly: true,
      status: 'retrying',
      lastError: '421 try later',
      dueOn: addDays(c.noticeDeadline, -30),
      eventDate: c.noticeDeadline,
    });
    expect(items[1]).toMatchObject({
      recipientName: 'Ada Admin',
      status: 'sent',
      messageId: '<m1@deedbox>',
      sentAt: '2030-01-01T08:00:05.000Z',
    });
    expectProblem(await call(h, stranger, 'GET', `/reminders/${r.id}/deliveries`), 404, 'not_found');
  });
});

describe('my reminders', () => {
  it('lists the open reminders that would reach the caller, soonest event first', async () => {
    const admin = await signUpOrg(h);
    const unit = defaultUnit(admin);
    const owner = await addMember(h, admin, { roles: { [unit]: 'editor' }, name: 'Olga Owner' });
    const backup = await addMember(h, admin, { roles: { [unit]: 'viewer' }, name: 'Ben Backup' });
    const c1 = await contractWithDeadline(h, admin, 60, { title: 'C1', ownerId: owner.id, backupOwnerId: backup.id });
    const c2 = await contractWithDeadline(h, admin, 40, { title: 'C2', ownerId: admin.me.user!.id });
    const n1 = await systemEvent(h, admin, c1.id, 'notice_deadline');
    const toBackup = await addReminder(h, admin, n1.id, { recipients: { backupOwner: true } });
    const toUser = await addReminder(h, admin, n1.id, { recipients: { userIds: [backup.id] } });
    const toEditors = await addReminder(h, admin, n1.id, { recipients: { unitEditors: true } });
    const past = await addCustomEvent(h, admin, c1.id, { date: addDays(c1.today, -1) });
    await addReminder(h, admin, past.id, { recipients: { backupOwner: true } });
    const mine = async (who: Caller) => {
      const res = await call(h, who, 'GET', '/reminders/mine');
      expect(res.statusCode).toBe(200);
      return res.json().items as MyReminder[];
    };
    const ownerItems = await mine(owner);
    expect(ownerItems.map((r) => r.kind).sort()).toEqual(['custom', 'default', 'expiry']);
    expect(ownerItems.find((r) => r.kind === 'custom')!.id).toBe(toEditors.id);
    expect(ownerItems[0]).toMatchObject({
      eventType: 'notice_deadline',
      eventDate: c1.noticeDeadline,
      eventTitle: 'Notice deadline',
      contractTitle: 'C1',
      state: 'active',
    });
    expect((await mine(backup)).map((r) => r.id).sort()).toEqual([toBackup.id, toUser.id].sort());
    await act(backup, toUser.id, 'dismiss');
    await act(backup, toBackup.id, 'acknowledge');
    expect((await mine(backup)).map((r) => `${r.id}:${r.state}`)).toEqual([`${toBackup.id}:acknowledged`]);
    const adminItems = await mine(admin);
    expect(adminItems.map((r) => `${r.contractTitle}:${r.kind}`).sort()).toEqual(['C2:default', 'C2:expiry']);
    expect(adminItems[0]!.contractId).toBe(c2.id);

    const key = await call(h, admin, 'POST', '/api-keys', { name: 'ERP', role: 'viewer', businessUnitIds: [unit] });
    expect((await call(h, { bearer: key.json().token }, 'GET', '/reminders/mine')).json().items).toEqual([]);
  });
});

describe('default reminders on new contracts', () => {
  it("gives a new contract the account's defaults unless the request names its own (or none)", async () => {
    const admin = await signUpOrg(h);
    const c = await contractWithDeadline(h, admin, 100);
    const defaults = ((await call(h, admin, 'GET', `/contracts/${c.id}/reminders`)).json().items as Reminder[]).filter(
      (r) => r.kind === 'default',
    );
    const notice = await systemEvent(h, admin, c.id, 'notice_deadline');
    expect(defaults).toEqual([
      expect.objectContaining({
        eventId: notice.id,
        leadTimes: [90, 30],
        repeat: 'once',
        recipients: { owner: true, backupOwner: false, unitEditors: false, userIds: [], emails: [] },
        nextDueOn: addDays(c.today, 10),
      }),
    ]);
    expect((await auditEvents(h, admin, '&action=reminder.created'))[0]).toMatchObject({ objectId: defaults[0]!.id });

    const none = await contractWithDeadline(h, admin, 100, { reminders: [] });
    const kinds = ((await call(h, admin, 'GET', `/contracts/${none.id}/reminders`)).json().items as Reminder[]).map(
      (r) => r.kind,
    );
    expect(kinds).toEqual(['expiry', 'expiry']);

    const own = await contractWithDeadline(h, admin, 100, {
      reminders: [{ eventType: 'renewal', leadTimes: [5], repeat: 'daily', recipients: { unitEditors: true } }],
    });
    const renewal = await systemEvent(h, admin, own.id, 'renewal');
    const ownReminders = (await call(h, admin, 'GET', `/events/${renewal.id}/reminders`)).json().items;
    expect(ownReminders).toEqual([
      expect.objectContaining({ kind: 'default', leadTimes: [5], repeat: 'daily', nextDueOn: addDays(own.today, 126) }),
    ]);

    const bad = await call(h, admin, 'POST', '/contracts', {
      title: 'Bad',
      lifecycle: { type: 'fixed', startDate: '2090-01-01', endDate: '2090-12-31' },
      reminders: [{ eventType: 'end', leadTimes: [14], recipients: { userIds: [randomUUID()] } }],
    });
    expect(await problemField(bad)).toMatchObject({ field: 'reminders.0.recipients.userIds.0', rule: 'not_a_member' });
  });

  it('leaves out default recipients who may not see the new contract', async () => {
    const admin = await signUpOrg(h);
    const sales = (await call(h, admin, 'POST', '/business-units', { name: 'Sales' })).json().id as string;
    const salesViewer = await addMember(h, admin, { roles: { [sales]: 'viewer' } });
    const patched = await call(h, admin, 'PATCH', '/settings/reminders', {
      defaultReminders: [
        { eventType: 'notice_deadline', leadTimes: [60], recipients: { owner: true, userIds: [salesViewer.id] } },
        { eventType: 'start', leadTimes: [1], recipients: { userIds: [salesViewer.id] } },
      ],
    });
    expect(patched.statusCode).toBe(200);
    const c = await contractWithDeadline(h, admin, 100);
    const made = ((await call(h, admin, 'GET', `/contracts/${c.id}/reminders`)).json().items as Reminder[]).filter(
      (r) => r.kind === 'default',
    );
    expect(made).toEqual([
      expect.objectContaining({ leadTimes: [60], recipients: expect.objectContaining({ userIds: [] }) }),
    ]);
    const inSales = await contractWithDeadline(h, admin, 100, { businessUnitId: sales });
    const both = (
      (await call(h, admin, 'GET', `/contracts/${inSales.id}/reminders`)).json().items as Reminder[]
    ).filter((r) => r.kind === 'default');
    expect(both.map((r) => r.recipients.userIds)).toEqual([[salesViewer.id], [salesViewer.id]]);
  });
});
