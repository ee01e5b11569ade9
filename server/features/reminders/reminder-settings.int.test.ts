import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reminder } from '../../../common/schemas/reminders.js';
import { addDays } from '../../../common/terms/dates.js';
import { addMember, auditEvents, type Caller, call, defaultUnit, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { accountToday, contractWithDeadline, systemEvent } from './reminders.fixtures.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const problemField = (res: Awaited<ReturnType<typeof call>>) =>
  expectProblem(res, 422, 'validation_failed').errors?.[0];

async function expiryOf(who: Caller, contractId: string, type: 'end' | 'notice_deadline'): Promise<Reminder> {
  const event = await systemEvent(h, who, contractId, type);
  const items = (await call(h, who, 'GET', `/events/${event.id}/reminders`)).json().items as Reminder[];
  return items.find((r) => r.kind === 'expiry')!;
}

const DEFAULTS = {
  timeZone: 'Europe/Berlin',
  sendHour: 8,
  defaultRepeat: 'once',
  defaultReminders: [
    {
      eventType: 'notice_deadline',
      leadTimes: [90, 30],
      recipients: { userIds: [], emails: [], owner: true, backupOwner: false, unitEditors: false },
    },
  ],
  expiryEndDays: [90, 30],
  expiryNoticeDays: [90, 30, 7],
  escalationDays: 7,
  weeklySummary: true,
};

describe('reminder settings', () => {
  it('shows every member the account defaults', async () => {
    const admin = await signUpOrg(h);
    const viewer = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'viewer' } });
    expect((await call(h, admin, 'GET', '/settings/reminders')).json()).toEqual(DEFAULTS);
    expect((await call(h, viewer, 'GET', '/settings/reminders')).json()).toEqual(DEFAULTS);
    expectProblem(await call(h, null, 'GET', '/settings/reminders'), 401, 'unauthenticated');
  });

  it('lets administrators change them; a new expiry schedule moves every expiry reminder at once', async () => {
    const admin = await signUpOrg(h);
    const withNotice = await contractWithDeadline(h, admin, 100);
    const today = withNotice.today;
    const fixed = await call(h, admin, 'POST', '/contracts', {
      title: 'Fixed',
      lifecycle: { type: 'fixed', startDate: addDays(today, -10), endDate: addDays(today, 200) },
    });
    const fixedId = fixed.json().id as string;
    expect((await expiryOf(admin, fixedId, 'end')).nextDueOn).toBe(addDays(today, 110));
    const patch = {
      timeZone: 'America/New_York',
      sendHour: 7,
      defaultRepeat: 'monthly',
      expiryNoticeDays: [14, 60],
      expiryEndDays: [],
      escalationDays: null,
      weeklySummary: false,
    };
    const res = await call(h, admin, 'PATCH', '/settings/reminders', patch);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ...DEFAULTS, ...patch, expiryNoticeDays: [60, 14] });
    expect((await call(h, admin, 'GET', '/settings/reminders')).json()).toEqual(res.json());
    expect(await expiryOf(admin, withNotice.id, 'notice_deadline')).toMatchObject({
      leadTimes: [60, 14],
      nextDueOn: addDays(withNotice.noticeDeadline, -60),
    });
    // No days before the end: the end's expiry notification is off, so no longer listed.
    expect(await expiryOf(admin, fixedId, 'end')).toBeUndefined();
    const logged = await auditEvents(h, admin, '&action=reminder.settings_updated');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ objectType: 'org', objectId: admin.me.org.id });
    expect(logged[0]!.changes).toEqual({
      timeZone: { before: 'Europe/Berlin', after: 'America/New_York' },
      sendHour: { before: 8, after: 7 },
      defaultRepeat: { before: 'once', after: 'monthly' },
      expiryNoticeDays: { before: [90, 30, 7], after: [60, 14] },
      expiryEndDays: { before: [90, 30], after: [] },
      escalationDays: { before: 7, after: null },
      weeklySummary: { before: true, after: false },
    });
    expect(await accountToday(h, admin)).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const member = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'editor' } });
    const defaults = [
      {
        eventType: 'end',
        leadTimes: [10, 30],
        repeat: 'weekly',
        recipients: { userIds: [member.id], emails: ['legal@example.com'] },
      },
    ];
    const changed = await call(h, admin, 'PATCH', '/settings/reminders', { defaultReminders: defaults });
    expect(changed.json().defaultReminders).toEqual([
      {
        eventType: 'end',
        leadTimes: [30, 10],
        repeat: 'weekly',
        recipients: {
          userIds: [member.id],
          emails: ['legal@example.com'],
          owner: false,
          backupOwner: false,
          unitEditors: false,
        },
      },
    ]);
    expect((await auditEvents(h, admin, '&action=reminder.settings_updated'))[0]!.changes).toMatchObject({
      defaultReminders: { after: [expect.objectContaining({ eventType: 'end' })] },
    });
    await call(h, admin, 'PATCH', '/settings/reminders', { sendHour: 7 });
    expect(await auditEvents(h, admin, '&action=reminder.settings_updated')).toHaveLength(2);
  });

  it('refuses bad settings with a 422 naming the field and the rule', async () => {
    const admin = await signUpOrg(h);
    const patch = async (body: object) => problemField(await call(h, admin, 'PATCH', '/settings/reminders', body));
    expect(await patch({ timeZone: 'Mars/Olympus_Mons' })).toMatchObject({
      field: 'timeZone',
      rule: 'unknown_time_zone',
    });
    expect(await patch({ sendHour: 24 })).toMatchObject({ field: 'sendHour' });
    expect(await patch({ defaultRepeat: 'hourly' })).toMatchObject({ field: 'defaultRepeat' });
    expect(await patch({ expiryEndDays: [-1] })).toMatchObject({ field: 'expiryEndDays.0' });
    expect(await patch({ expiryNoticeDays: [5, 5] })).toMatchObject({ field: 'expiryNoticeDays' });
    expect(await patch({ escalationDays: 0 })).toMatchObject({ field: 'escalationDays' });
    const reminder = { eventType: 'notice_deadline', leadTimes: [10], recipients: { owner: true } };
    expect(await patch({ defaultReminders: [{ ...reminder, eventType: 'custom' }] })).toMatchObject({
      field: 'defaultReminders.0.eventType',
    });
    const stranger = await signUpOrg(h);
    const members = { ...reminder, recipients: { userIds: [admin.me.user!.id, stranger.me.user!.id, randomUUID()] } };
    const res = await call(h, admin, 'PATCH', '/settings/reminders', { defaultReminders: [reminder, members] });
    expect(expectProblem(res, 422, 'validation_failed').errors).toEqual([
      expect.objectContaining({ field: 'defaultReminders.1.recipients.userIds.1', rule: 'not_a_member' }),
      expect.objectContaining({ field: 'defaultReminders.1.recipients.userIds.2', rule: 'not_a_member' }),
    ]);
    expect((await call(h, admin, 'GET', '/settings/reminders')).json()).toEqual(DEFAULTS);
  });

  it('answers 401 without a session and 403 to members who are not administrators; other accounts are untouched', async () => {
    const admin = await signUpOrg(h);
    const stranger = await signUpOrg(h);
    const editor = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'editor' } });
    const c = await contractWithDeadline(h, admin, 100);
    expectProblem(await call(h, null, 'PATCH', '/settings/reminders', { sendHour: 9 }), 401, 'unauthenticated');
    expectProblem(await call(h, editor, 'PATCH', '/settings/reminders', { sendHour: 9 }), 403, 'forbidden');
    const own = await call(h, stranger, 'PATCH', '/settings/reminders', { sendHour: 9, expiryNoticeDays: [1] });
    expect(own.json()).toMatchObject({ sendHour: 9, expiryNoticeDays: [1] });
    expect((await call(h, admin, 'GET', '/settings/reminders')).json()).toEqual(DEFAULTS);
    expect((await expiryOf(admin, c.id, 'notice_deadline')).leadTimes).toEqual([90, 30, 7]);
    expect(await auditEvents(h, admin, '&action=reminder.settings_updated')).toEqual([]);
  });
});

describe('personal reminder preferences', () => {
  it('keeps each member’s digest choice for this account, logging changes', async () => {
    const admin = await signUpOrg(h);
    const viewer = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'viewer' } });
    expect((await call(h, viewer, 'GET', '/me/reminder-preferences')).json()).toEqual({ digest: false });
    const put = await call(h, viewer, 'PUT', '/me/reminder-preferences', { digest: true });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({ digest: true });
    expect((await call(h, viewer, 'GET', '/me/reminder-preferences')).json()).toEqual({ digest: true });
    expect((await call(h, admin, 'GET', '/me/reminder-preferences')).json()).toEqual({ digest: false });
    const logged = await auditEvents(h, admin, '&action=reminder.preferences_updated');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      objectType: 'user',
      objectId: viewer.id,
      changes: { digest: { before: false, after: true } },
    });
    await call(h, viewer, 'PUT', '/me/reminder-preferences', { digest: true });
    expect(await auditEvents(h, admin, '&action=reminder.preferences_updated')).toHaveLength(1);
  });

  it('refuses bad input, anonymous callers and API keys', async () => {
    const admin = await signUpOrg(h);
    const put = (who: Caller | null, body: object) => call(h, who, 'PUT', '/me/reminder-preferences', body);
    expect(await problemField(await put(admin, { digest: 'yes' }))).toMatchObject({ field: 'digest' });
    expect(await problemField(await put(admin, {}))).toMatchObject({ field: 'digest' });
    expectProblem(await put(null, { digest: true }), 401, 'unauthenticated');
    expectProblem(await call(h, null, 'GET', '/me/reminder-preferences'), 401, 'unauthenticated');
    const key = await call(h, admin, 'POST', '/api-keys', { name: 'ERP', role: 'administrator' });
    const bearer = { bearer: key.json().token as string };
    expectProblem(await call(h, bearer, 'GET', '/me/reminder-preferences'), 403, 'forbidden');
    expectProblem(await put(bearer, { digest: true }), 403, 'forbidden');
  });
});
