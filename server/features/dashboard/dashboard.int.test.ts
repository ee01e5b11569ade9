import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../../common/schemas/dashboard.js';
import { addDays, todayIn } from '../../../common/terms/dates.js';
import { events, reminders } from '../../db/schema/index.js';
import { withClaims } from '../../db/tx.js';
import { addMember, auditEvents, type Caller, call, defaultUnit, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { addCategory, newContract, setContract, setOrg } from '../contracts/contracts.fixtures.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** Far ahead of UTC, so a server that counted from the UTC day would be caught most of the time. */
const ZONE = 'Pacific/Kiritimati';

type Tx = Parameters<Parameters<typeof withClaims>[2]>[0];
const inOrg = <T>(who: Caller, fn: (tx: Tx, orgId: string) => Promise<T>) =>
  withClaims(h.database.db, { orgId: who.me!.org.id }, (tx) => fn(tx, who.me!.org.id));

async function dashboardOf(who: Caller): Promise<Dashboard> {
  const res = await call(h, who, 'GET', '/dashboard');
  if (res.statusCode !== 200) throw new Error(`dashboard: ${res.statusCode} ${res.body}`);
  return res.json() as Dashboard;
}

/** An org with a clean slate: its own time zone, no default reminders on new contracts. */
async function newOrg() {
  const admin = await signUpOrg(h);
  await setOrg(h, admin, { timeZone: ZONE, reminderDefaults: [] });
  return admin;
}

async function contract(admin: Caller, title: string, dates: { notice?: string; end?: string }, extra = {}) {
  const { id } = await newContract(h, admin, { title, ...extra });
  await setContract(h, admin, id, { noticeDeadline: dates.notice ?? null, endsOn: dates.end ?? null });
  return id;
}

function eventOf(admin: Caller, contractId: string, type: 'notice_deadline' | 'end') {
  return inOrg(admin, async (tx, orgId) => {
    const [row] = await tx
      .select({ id: events.id, date: events.date })
      .from(events)
      .where(and(eq(events.orgId, orgId), eq(events.contractId, contractId), eq(events.type, type)));
    return row!;
  });
}

function expiryReminderOf(admin: Caller, eventId: string) {
  return inOrg(admin, async (tx, orgId) => {
    const [row] = await tx
      .select({ id: reminders.id })
      .from(reminders)
      .where(and(eq(reminders.orgId, orgId), eq(reminders.eventId, eventId), eq(reminders.kind, 'expiry')));
    return row!.id;
  });
}

async function customReminder(
  admin: Caller,
  event: { id: string; date: string | null },
  contractId: string,
  recipients: { userIds?: string[]; unitEditors?: boolean },
  extra: Partial<typeof reminders.$inferInsert> = {},
) {
  const id = randomUUID();
  const today = todayIn(ZONE);
  await inOrg(admin, (tx, orgId) =>
    tx.insert(reminders).values({
      orgId,
      id,
      eventId: event.id,
      contractId,
      kind: 'custom',
      leadTimes: [7],
      repeat: 'once',
      recipients: { userIds: [], emails: [], owner: false, backupOwner: false, unitEditors: false, ...recipients },
      createdOn: today,
      nextDueOn: addDays(event.date!, -7),
      ...extra,
    }),
  );
  return id;
}

function occurrence(admin: Caller, reminderId: string, event: { id: string; date: string | null }, dueOn: string) {
  return inOrg(admin, (tx, orgId) =>
    tx.execute(sql`insert into reminder_occurrences (org_id, id, reminder_id, event_id, contract_id, event_date, due_on)
      select ${orgId}, gen_random_uuid(), r.id, r.event_id, r.contract_id, ${event.date}::date, ${dueOn}::date
      from reminders r where r.org_id = ${orgId} and r.id = ${reminderId}`),
  );
}

describe('dashboard', () => {
  it('shows deadlines, reminders, charts and recent changes, each within the units the caller sees', async () => {
    const admin = await newOrg();
    const today = todayIn(ZONE);
    const hq = defaultUnit(admin);
    const sales = (await call(h, admin, 'POST', '/business-units', { name: 'Sales' })).json().id as string;
    const itCategory = await addCategory(h, admin, 'IT');
    const viewer = await addMember(h, admin, { roles: { [hq]: 'viewer' } });
    const seller = await addMember(h, admin, { roles: { [sales]: 'editor' } });
    const viewerId = viewer.id;

    const acme = (await call(h, admin, 'POST', '/partners', { name: 'Acme AG', type: 'supplier' })).json().id as string;
    const g = await contract(admin, 'Gone by', { notice: addDays(today, -1) });
    const a = await contract(
      admin,
      'Alpha',
      { notice: addDays(today, 10), end: addDays(today, 40) },
      { categoryId: itCategory, contractNumber: 'CT-A', partnerId: acme },
    );
    await setContract(h, admin, a, { ownerId: viewerId, status: 'active' });
    const b = await contract(admin, 'Bravo', { end: addDays(today, 75) }, { status: 'active' });
    await setContract(h, admin, b, { ownerId: admin.me.user!.id });
    const c = await contract(admin, 'Charlie', { notice: addDays(today, 100) });
    const d = await contract(admin, 'Archived', { notice: addDays(today, 5) }, { status: 'archived' });
    const e = await contract(admin, 'Ended', { end: addDays(today, 5) });
    await setContract(h, admin, e, { phase: 'ended' });
    const f = await contract(admin, 'Deleted', { notice: addDays(today, 3) });
    expect((await call(h, admin, 'DELETE', `/contracts/${f}`)).statusCode).toBe(204);
    const s = await contract(
      admin,
      'Sales deal',
      { notice: addDays(today, 20) },
      { businessUnitId: sales, categoryId: itCategory },
    );

    const aNotice = await eventOf(admin, a, 'notice_deadline');
    const aEnd = await eventOf(admin, a, 'end');
    const bEnd = await eventOf(admin, b, 'end');
    const cNotice = await eventOf(admin, c, 'notice_deadline');
    const sNotice = await eventOf(admin, s, 'notice_deadline');
    const aNoticeExpiry = await expiryReminderOf(admin, aNotice.id);
    const aEndExpiry = await expiryReminderOf(admin, aEnd.id);
    const sNoticeExpiry = await expiryReminderOf(admin, sNotice.id);
    await inOrg(admin, (tx) =>
      tx.update(reminders).set({ acknowledgedFor: aEnd.date }).where(eq(reminders.id, aEndExpiry)),
    );
    // Dismissed for the event's date: gone; dismissed for an earlier date: lapsed, so open again.
    await customReminder(admin, aNotice, a, { userIds: [viewerId] }, { dismissedFor: aNotice.date });
    const cCustom = await customReminder(
      admin,
      cNotice,
      c,
      { userIds: [viewerId] },
      { dismissedFor: addDays(today, 99), nextDueOn: addDays(today, 5) },
    );
    await customReminder(admin, sNotice, s, { userIds: [viewerId] });
    const sEditors = await customReminder(admin, sNotice, s, { unitEditors: true });
    await occurrence(admin, aNoticeExpiry, aNotice, addDays(today, -5));
    await occurrence(admin, aEndExpiry, aEnd, addDays(today, -10));
    await occurrence(admin, sNoticeExpiry, sNotice, addDays(today, -4));
    await occurrence(admin, cCustom, cNotice, addDays(today, -2));
    await occurrence(
      admin,
      await expiryReminderOf(admin, bEnd.id),
      { ...bEnd, date: addDays(today, -30) },
      addDays(today, -40),
    );
    // The last change (a PATCH would recompute the stored dates from the lifecycle).
    await setContract(h, admin, s, { title: 'Sales deal 2', updatedAt: new Date(Date.now() + 60_000) });

    const mine = await dashboardOf(viewer);
    expect(mine.asOf).toBe(today);
    expect(mine.deadlines.items).toEqual([
      {
        contractId: a,
        title: 'Alpha',
        contractNumber: 'CT-A',
        partnerName: 'Acme AG',
        type: 'notice_deadline',
        date: addDays(today, 10),
        daysLeft: 10,
      },
      expect.objectContaining({ contractId: a, type: 'end', date: addDays(today, 40), daysLeft: 40 }),
      expect.objectContaining({ contractId: b, type: 'end', daysLeft: 75 }),
    ]);
    expect(mine.deadlines.counts).toEqual({
      notice_deadline: { within30: 1, within60: 1, within90: 1, later: 1 },
      end: {
        within30: 0,
        within60: 1,
        within90: 2,
        later: mine.deadlines.later.filter((x) => x.type === 'end').length,
      },
    });
    // Beyond 90 days: listed apart, nearest first, so the dashboard can show what comes later.
    expect(mine.deadlines.later.every((x) => x.daysLeft > 90)).toBe(true);
    expect(mine.deadlines.later.map((x) => x.daysLeft)).toEqual(
      [...mine.deadlines.later.map((x) => x.daysLeft)].sort((x, y) => x - y),
    );
    expect(mine.deadlines.later).toContainEqual(expect.objectContaining({ type: 'notice_deadline', daysLeft: 100 }));
    expect(mine.myReminders.map((r) => [r.reminderId, r.state, r.daysLeft])).toEqual([
      [aNoticeExpiry, 'active', 10],
      [aEndExpiry, 'acknowledged', 40],
      [cCustom, 'active', 100],
    ]);
    expect(mine.myReminders[0]).toMatchObject({
      eventId: aNotice.id,
      contractId: a,
      contractTitle: 'Alpha',
      eventType: 'notice_deadline',
      eventDate: addDays(today, 10),
    });
    expect(mine.overdueReminders).toBe(1);
    expect(mine.byStatus).toEqual([
      { status: 'draft', count: 3 },
      { status: 'in_negotiation', count: 0 },
      { status: 'active', count: 2 },
      { status: 'terminated', count: 0 },
      { status: 'archived', count: 1 },
    ]);
    expect(mine.byCategory).toEqual([
      { categoryId: null, name: null, count: 5 },
      { categoryId: itCategory, name: 'IT', count: 1 },
    ]);
    expect(mine.byCategoryOther).toBe(0);
    expect(new Set(mine.recent.map((r) => r.id))).toEqual(new Set([a, b, c, d, e, g]));
    expect(mine.failedDeliveries).toEqual({ total: 0, items: [] });

    const all = await dashboardOf(admin);
    expect(all.deadlines.items.map((x) => [x.contractId, x.type, x.daysLeft])).toEqual([
      [a, 'notice_deadline', 10],
      [s, 'notice_deadline', 20],
      [a, 'end', 40],
      [b, 'end', 75],
    ]);
    expect(all.deadlines.counts.notice_deadline).toMatchObject({ within30: 2, within60: 2, within90: 2 });
    // Administrators also receive the expiry notification of contracts without an owner (c, s).
    expect(all.myReminders.map((r) => `${r.contractId}:${r.eventType}`).sort()).toEqual(
      [`${b}:end`, `${c}:notice_deadline`, `${s}:notice_deadline`].sort(),
    );
    expect(all.overdueReminders).toBe(2);
    expect(all.byStatus.find((x) => x.status === 'draft')!.count).toBe(4);
    expect(all.byCategory).toEqual([
      { categoryId: null, name: null, count: 5 },
      { categoryId: itCategory, name: 'IT', count: 2 },
    ]);
    expect(all.recent).toHaveLength(7);
    expect(all.recent[0]).toMatchObject({ id: s, title: 'Sales deal 2', status: 'draft' });

    const sellers = await dashboardOf(seller);
    expect(sellers.deadlines.items.map((x) => x.contractId)).toEqual([s]);
    expect(sellers.myReminders.map((r) => r.reminderId)).toEqual([sEditors]);
    expect(sellers.overdueReminders).toBe(0);
    expect(sellers.byCategory).toEqual([{ categoryId: itCategory, name: 'IT', count: 1 }]);
  });

  it('keeps the eight largest categories and sums the rest as other', async () => {
    const admin = await newOrg();
    for (let i = 1; i <= 10; i++) {
      const category = await addCategory(h, admin, `C${String(i).padStart(2, '0')}`);
      for (let n = 0; n < (i === 10 ? 3 : 1); n++) await newContract(h, admin, { categoryId: category });
    }
    const dash = await dashboardOf(admin);
    expect(dash.byCategory.map((x) => [x.name, x.count])).toEqual([
      ['C10', 3],
      ['C01', 1],
      ['C02', 1],
      ['C03', 1],
      ['C04', 1],
      ['C05', 1],
      ['C06', 1],
      ['C07', 1],
    ]);
    expect(dash.byCategoryOther).toBe(2);
  });

  it('shows failed deliveries to administrators, and to others only their own', async () => {
    const admin = await newOrg();
    const viewer = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'viewer' } });
    const a = await contract(admin, 'Alpha', {});
    const delivery = (fields: {
      status: string;
      userId?: string | null;
      contractId?: string | null;
      ageMinutes: number;
    }) =>
      inOrg(admin, (tx, orgId) =>
        tx.execute(sql`insert into deliveries (org_id, id, dedupe_key, kind, contract_id, recipient_user_id,
          recipient_email, status, next_attempt_at, last_error, updated_at)
          values (${orgId}, gen_random_uuid(), ${randomUUID()}, 'reminder', ${fields.contractId ?? null},
            ${fields.userId ?? null}, 'someone@example.com', ${fields.status}, now(), 'mailbox full',
            now() - make_interval(mins => ${fields.ageMinutes}::int))`),
      );
    await delivery({ status: 'failed', userId: viewer.id, contractId: a, ageMinutes: 5 });
    await delivery({ status: 'bounced', ageMinutes: 1 });
    await delivery({ status: 'sent', userId: viewer.id, ageMinutes: 0 });
    await inOrg(admin, (tx, orgId) =>
      tx.execute(sql`insert into deliveries (org_id, id, dedupe_key, kind, recipient_email, status, next_attempt_at, updated_at)
        select ${orgId}, gen_random_uuid(), 'old-' || n, 'summary', 'admin@example.com', 'failed', now(), now() - interval '1 day'
        from generate_series(1, 25) n`),
    );
    const all = (await dashboardOf(admin)).failedDeliveries;
    expect(all.total).toBe(27);
    expect(all.items).toHaveLength(20);
    expect(all.items[0]).toMatchObject({ status: 'bounced', contractId: null, contractTitle: null });
    expect(all.items[1]).toMatchObject({
      kind: 'reminder',
      status: 'failed',
      recipientEmail: 'someone@example.com',
      lastError: 'mailbox full',
      contractId: a,
      contractTitle: 'Alpha',
    });
    const own = (await dashboardOf(viewer)).failedDeliveries;
    expect(own.total).toBe(1);
    expect(own.items).toEqual([expect.objectContaining({ status: 'failed', contractId: a, contractTitle: 'Alpha' })]);

    const stranger = await signUpOrg(h, 'Other Ltd');
    const theirs = await dashboardOf(stranger);
    expect(theirs.failedDeliveries).toEqual({ total: 0, items: [] });
    expect(theirs.recent).toEqual([]);
    expect(theirs.deadlines.items).toEqual([]);
    expect(theirs.byStatus.every((x) => x.count === 0)).toBe(true);
  });

  it('answers 401 without a session, shows nothing of another org and writes no activity', async () => {
    const admin = await newOrg();
    const today = todayIn(ZONE);
    await contract(admin, 'Alpha', { notice: addDays(today, 10) });
    expectProblem(await call(h, null, 'GET', '/dashboard'), 401, 'unauthenticated');
    const stranger = await newOrg();
    const theirs = await dashboardOf(stranger);
    expect(theirs.deadlines).toEqual({
      items: [],
      later: [],
      counts: {
        notice_deadline: { within30: 0, within60: 0, within90: 0, later: 0 },
        end: { within30: 0, within60: 0, within90: 0, later: 0 },
      },
    });
    expect(theirs.myReminders).toEqual([]);
    expect(theirs.byCategory).toEqual([]);
    expect(theirs.recent).toEqual([]);
    const before = await auditEvents(h, admin);
    expect((await dashboardOf(admin)).deadlines.items).toHaveLength(1);
    expect(await auditEvents(h, admin)).toEqual(before);
  });
});
