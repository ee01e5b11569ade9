import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../../../common/schemas/dashboard.js';
import { addDays, todayIn } from '../../../../common/terms/dates.js';
import { type Caller, call } from '../../../test/api.js';
import { type Harness, startHarness } from '../../../test/harness.js';
import { addReminder, at, contractWithDeadline, deliveriesOf, inOrgSql, quietOrg } from './engine.fixtures.js';
import { runReminders } from './run.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function run(orgId: string, asOf: string) {
  const result = await runReminders(h.app.deps, { orgId, asOf });
  expect(result.errors).toBe(0);
  return result;
}

async function dashboard(who: Caller): Promise<Dashboard> {
  const res = await call(h, who, 'GET', '/dashboard');
  expect(res.statusCode).toBe(200);
  return res.json();
}

const eventDate = async (who: Caller, contractId: string, type: string) => {
  const [row] = await inOrgSql<{ date: string | null }>(
    h,
    who,
    sql`select date::text as date from events where contract_id = ${contractId} and type = ${type}`,
  );
  return row?.date ?? null;
};

describe('notice given stops the deadline nagging', () => {
  it('sends no deadline reminder or expiry notice once notice is recorded; the end still reminds', async () => {
    const admin = await quietOrg(h, { expiryNoticeDays: [7], expiryEndDays: [30] });
    const orgId = admin.me!.org.id;
    // The deadline lies about 30 days ahead: on the dashboard and in "my reminders".
    const start = todayIn('Europe/Berlin');
    const { contract, event, today } = await contractWithDeadline(h, admin, {
      lifecycle: {
        type: 'auto_renewal',
        startDate: addDays(start, -30),
        endDate: addDays(start, 120),
        renewalTerm: 'P1Y',
        noticePeriod: 'P3M',
      },
    });
    await addReminder(h, admin, { contractId: contract.id, eventId: event.id }, { leadTimes: [20], owner: true });
    const before = await dashboard(admin);
    expect(before.deadlines.items.map((d) => [d.contractId, d.type])).toContainEqual([contract.id, 'notice_deadline']);
    expect(before.myReminders.map((r) => r.eventId)).toContain(event.id);

    const res = await call(h, admin, 'POST', `/contracts/${contract.id}/notice`, { givenOn: today });
    expect(res.statusCode).toBe(200);
    const endsOn = addDays(start, 120);
    expect(res.json().computed).toMatchObject({ phase: 'notice_given', endsOn, noticeDeadline: null });

    // The event no longer has a date, so calendar, dashboard and reminders all leave it out.
    expect(await eventDate(admin, contract.id, 'notice_deadline')).toBeNull();
    expect(await eventDate(admin, contract.id, 'end')).toBe(endsOn);
    const after = await dashboard(admin);
    expect(after.deadlines.items.filter((d) => d.type === 'notice_deadline')).toEqual([]);
    expect(after.myReminders.map((r) => r.eventId)).not.toContain(event.id);
    const calendar = await call(h, admin, 'GET', `/events?from=${today}&to=${addDays(today, 200)}`);
    expect(calendar.statusCode).toBe(200);
    const types = (calendar.json().items as { contractId: string; type: string }[])
      .filter((e) => e.contractId === contract.id)
      .map((e) => e.type);
    expect(types).not.toContain('notice_deadline');

    // Every day up to the old deadline passes without a mail about it.
    for (const lead of [20, 7, 0]) {
      expect((await run(orgId, at(addDays(event.date, -lead)))).deliveries).toBe(0);
    }
    expect(await deliveriesOf(h, admin)).toEqual([]);

    // The end's expiry notification still comes, through the real SMTP server.
    const endRun = await run(orgId, at(addDays(endsOn, -30)));
    expect(endRun).toMatchObject({ deliveries: 1, sent: 1 });
    const mail = await h.sink.waitFor(
      (m) => m.to.includes(admin.email) && m.messageId?.endsWith('@deedbox.test>') === true,
    );
    expect(mail.text).toContain(contract.title as string);
  });
});
