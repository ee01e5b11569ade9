import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../../common/terms/dates.js';
import { addMember, call, defaultUnit, uniqueEmail } from '../../../test/api.js';
import { type Harness, startHarness } from '../../../test/harness.js';
import { newContract, setContract } from '../../contracts/contracts.fixtures.js';
import { addReminder, at, contractWithDeadline, deliveriesOf, inOrgSql, quietOrg } from './engine.fixtures.js';
import { RETRY_FOR_MS, runReminders } from './run.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** One reminder run for the org; a run that failed (it is logged, not thrown) fails the test. */
async function run(orgId: string, asOf: string) {
  const result = await runReminders(h.app.deps, { orgId, asOf });
  expect(result.errors).toBe(0);
  return result;
}
/** Reminder mails (their Message-ID names the delivery) to one address; sign-up and invitation mails aside. */
const mailsTo = (address: string) =>
  h.sink.messages.filter((m) => m.to.includes(address) && m.messageId?.endsWith('@deedbox.test>'));
const reminderMailTo = (address: string) =>
  h.sink.waitFor((m) => m.to.includes(address) && m.messageId?.endsWith('@deedbox.test>') === true);

describe('reminder delivery', () => {
  it('sends a due reminder once, at the send hour, and never again for the same day', async () => {
    const admin = await quietOrg(h);
    const orgId = admin.me!.org.id;
    const { contract, event } = await contractWithDeadline(h, admin);
    const reminderId = await addReminder(
      h,
      admin,
      { contractId: contract.id, eventId: event.id },
      {
        leadTimes: [30],
        owner: true,
      },
    );
    const day = addDays(event.date, -30);

    const early = await run(orgId, at(day, '07:59'));
    expect(early.deliveries).toBe(0);
    expect(mailsTo(admin.email)).toHaveLength(0);

    const first = await run(orgId, at(day, '08:00'));
    expect(first).toMatchObject({ occurrences: 1, deliveries: 1, sent: 1 });
    const mail = await reminderMailTo(admin.email);
    expect(mail.subject).toContain(contract.title as string);
    expect(mail.text).toContain(`http://deedbox.test/contracts/${contract.id}`);
    expect(mail.text).toMatch(/http:\/\/deedbox\.test\/respond\/\S+/);
    expect(mail.html).toContain('<a ');

    const again = await run(orgId, at(day, '09:00'));
    expect(again).toMatchObject({ occurrences: 0, deliveries: 0, sent: 0 });
    expect((await run(orgId, at(addDays(day, 1)))).sent).toBe(0);
    expect(mailsTo(admin.email)).toHaveLength(1);

    const [delivery] = await deliveriesOf(h, admin);
    expect(delivery).toMatchObject({ kind: 'reminder', status: 'sent', attempts: 1, recipient_email: admin.email });
    expect(delivery!.message_id).toBe(mail.messageId);
    const [reminder] = await inOrgSql<{ next_due_on: string | null }>(
      h,
      admin,
      sql`select next_due_on::text from reminders where id = ${reminderId}`,
    );
    expect(reminder!.next_due_on).toBeNull();
  });

  it('collapses missed days into one mail and repeats weekly until dismissed', async () => {
    const admin = await quietOrg(h);
    const orgId = admin.me!.org.id;
    const { contract, event } = await contractWithDeadline(h, admin);
    const reminderId = await addReminder(
      h,
      admin,
      { contractId: contract.id, eventId: event.id },
      {
        leadTimes: [60, 30],
        repeat: 'weekly',
        owner: true,
      },
    );
    // Nobody ran the job for ten days after the first due day: one mail, not ten.
    expect((await run(orgId, at(addDays(event.date, -50)))).sent).toBe(1);
    expect((await run(orgId, at(addDays(event.date, -49)))).sent).toBe(0);
    // Next weekly step from the anchor (60 days before): 46 days before.
    expect((await run(orgId, at(addDays(event.date, -46)))).sent).toBe(1);
    await inOrgSql(h, admin, sql`update reminders set dismissed_for = ${event.date}::date where id = ${reminderId}`);
    expect((await run(orgId, at(addDays(event.date, -39)))).sent).toBe(0);
    expect((await run(orgId, at(addDays(event.date, -30)))).sent).toBe(0);
    expect(mailsTo(admin.email)).toHaveLength(2);
  });

  it('keeps the expiry notification silent on a day another reminder already tells the owner', async () => {
    const admin = await quietOrg(h, { expiryNoticeDays: [30, 7] });
    const orgId = admin.me!.org.id;
    const { contract, event } = await contractWithDeadline(h, admin);
    await addReminder(h, admin, { contractId: contract.id, eventId: event.id }, { leadTimes: [30], owner: true });
    const thirty = await run(orgId, at(addDays(event.date, -30)));
    expect(thirty).toMatchObject({ occurrences: 1, deliveries: 1, sent: 1 });
    // Seven days before, only the expiry notification is due: it mails the owner.
    const seven = await run(orgId, at(addDays(event.date, -7)));
    expect(seven).toMatchObject({ occurrences: 1, deliveries: 1, sent: 1 });
    expect(mailsTo(admin.email)).toHaveLength(2);
    const kinds = await inOrgSql<{ kind: string }>(
      h,
      admin,
      sql`select r.kind from deliveries d join reminders r on r.id = d.reminder_id order by d.created_at`,
    );
    expect(kinds.map((k) => k.kind)).toEqual(['custom', 'expiry']);
  });

  it('mails users, unit editors and external addresses; externals get no acknowledge link', async () => {
    const admin = await quietOrg(h);
    const orgId = admin.me!.org.id;
    const editor = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'editor' } });
    const { contract, event } = await contractWithDeadline(h, admin);
    const external = uniqueEmail('counsel');
    await addReminder(
      h,
      admin,
      { contractId: contract.id, eventId: event.id },
      {
        leadTimes: [14],
        userIds: [editor.me!.user!.id],
        emails: [external],
      },
    );
    const result = await run(orgId, at(addDays(event.date, -14)));
    expect(result).toMatchObject({ deliveries: 2, sent: 2 });
    const toEditor = await reminderMailTo(editor.email);
    const toExternal = await reminderMailTo(external);
    expect(toEditor.text).toMatch(/\/respond\//);
    expect(toExternal.text).not.toMatch(/\/respond\//);
    expect(toExternal.text).toContain(contract.title as string);
  });

  it('sends typed addresses and markup to an external recipient as text, never as a link', async () => {
    const admin = await quietOrg(h);
    const title = 'https://evil.example/x <a href="https://evil.example/y">Pay here</a>';
    const { contract, event } = await contractWithDeadline(h, admin, { title });
    const external = uniqueEmail('partner');
    await addReminder(
      h,
      admin,
      { contractId: contract.id, eventId: event.id },
      { leadTimes: [14], emails: [external] },
    );
    await run(admin.me!.org.id, at(addDays(event.date, -14)));
    const mail = await reminderMailTo(external);
    expect(mail.subject).toContain(title);
    expect(mail.text).toContain(title);
    const hrefs = [...(mail.html ?? '').matchAll(/<a\s[^>]*href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual([`http://deedbox.test/contracts/${contract.id}`]);
    expect(mail.html).not.toContain('evil.example');
    expect(mail.html).toContain('&lt;a href=&quot;https:&#8204;/&#8204;/&#8204;evil.&#8204;example');
  });

  it('keeps mails while the SMTP server is down and sends each once when it is back', async () => {
    const admin = await quietOrg(h);
    const orgId = admin.me!.org.id;
    const { contract, event } = await contractWithDeadline(h, admin);
    const emails = [uniqueEmail('a'), uniqueEmail('b'), uniqueEmail('c')];
    await addReminder(h, admin, { contractId: contract.id, eventId: event.id }, { leadTimes: [10], emails });
    const day = addDays(event.date, -10);
    await h.sink.stop();
    try {
      const down = await run(orgId, at(day, '08:00'));
      expect(down).toMatchObject({ deliveries: 3, sent: 0, retrying: 3 });
      const rows = await deliveriesOf(h, admin);
      expect(rows.map((r) => r.status)).toEqual(['retrying', 'retrying', 'retrying']);
      expect(rows[0]!.last_error).toMatch(/ECONNREFUSED|connect/i);
      // Before the backoff has run out nothing is tried again.
      expect((await run(orgId, at(day, '08:00'))).retrying).toBe(0);
    } finally {
      await h.sink.start();
    }
    const back = await run(orgId, at(day, '08:02'));
    expect(back.sent).toBe(3);
    expect((await run(orgId, at(day, '09:00'))).sent).toBe(0);
    for (const email of emails) expect(mailsTo(email)).toHaveLength(1);
    expect((await deliveriesOf(h, admin)).map((r) => [r.status, r.attempts])).toEqual([
      ['sent', 2],
      ['sent', 2],
      ['sent', 2],
    ]);
  });

  it('retries with backoff for at least a day, then marks the delivery failed', async () => {
    const admin = await quietOrg(h);
    const orgId = admin.me!.org.id;
    const { contract, event } = await contractWithDeadline(h, admin);
    await addReminder(
      h,
      admin,
      { contractId: contract.id, eventId: event.id },
      {
        leadTimes: [20],
        emails: [uniqueEmail('late')],
      },
    );
    const start = new Date(`${addDays(event.date, -20)}T07:00:00Z`);
    await h.sink.stop();
    try {
      let now = start;
      const seen: string[] = [];
      for (let i = 0; i < 30; i++) {
        await runReminders(h.app.deps, { orgId, asOf: now.toISOString() });
        const [row] = await inOrgSql<{ status: string; next_attempt_at: Date }>(
          h,
          admin,
          sql`select status, next_attempt_at from deliveries`,
        );
        seen.push(row!.status);
        if (row!.status !== 'retrying') break;
        now = new Date(row!.next_attempt_at);
      }
      expect(seen.at(-1)).toBe('failed');
      expect(now.getTime() - start.getTime()).toBeGreaterThanOrEqual(RETRY_FOR_MS);
      const [row] = await deliveriesOf(h, admin);
      expect(row!.attempts).toBe(seen.length);
    } finally {
      await h.sink.start();
    }
  });

  it('bounces at once when the server refuses the address for good', async () => {
    const admin = await quietOrg(h);
    const orgId = admin.me!.org.id;
    const { contract, event } = await contractWithDeadline(h, admin);
    const gone = uniqueEmail('gone');
    h.sink.refuse.add(gone);
    await addReminder(h, admin, { contractId: contract.id, eventId: event.id }, { leadTimes: [5], emails: [gone] });
    const result = await run(orgId, at(addDays(event.date, -5)));
    expect(result).toMatchObject({ sent: 0, bounced: 1, retrying: 0 });
    const [row] = await deliveriesOf(h, admin);
    expect(row).toMatchObject({ status: 'bounced', attempts: 1 });
    expect(row!.last_error).toMatch(/^550/);
  });

  it('escalates an unacknowledged reminder to the backup owner, then to the administrators', async () => {
    const admin = await quietOrg(h, { escalationDays: 3 });
    const orgId = admin.me!.org.id;
    const backup = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'editor' } });
    const owner = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'editor' } });
    const { contract, event } = await contractWithDeadline(h, admin);
    await setContract(h, admin, contract.id, { ownerId: owner.me!.user!.id, backupOwnerId: backup.me!.user!.id });
    await addReminder(h, admin, { contractId: contract.id, eventId: event.id }, { leadTimes: [30], owner: true });
    const day = addDays(event.date, -30);
    expect((await run(orgId, at(day))).sent).toBe(1);
    expect((await run(orgId, at(addDays(day, 2)))).escalations).toBe(0);
    const first = await run(orgId, at(addDays(day, 3)));
    expect(first).toMatchObject({ escalations: 1, sent: 1 });
    const toBackup = await reminderMailTo(backup.email);
    expect(toBackup.text).toContain(contract.title as string);
    // The backup owner can take it over from the mail.
    expect(toBackup.text).toMatch(/http:\/\/deedbox\.test\/respond\/\S+/);
    expect((await run(orgId, at(addDays(day, 4)))).escalations).toBe(0);
    const second = await run(orgId, at(addDays(day, 6)));
    expect(second.escalations).toBe(1);
    await reminderMailTo(admin.email);
    expect((await run(orgId, at(addDays(day, 12)))).escalations).toBe(0);
    const levels = (await deliveriesOf(h, admin)).filter((d) => d.kind === 'escalation').map((d) => d.level);
    expect(levels).toEqual([1, 2]);
  });

  it('skips a locked backup owner: the escalation goes straight to the administrators', async () => {
    const admin = await quietOrg(h, { escalationDays: 3 });
    const orgId = admin.me!.org.id;
    const backup = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'editor' } });
    const { contract, event } = await contractWithDeadline(h, admin);
    await setContract(h, admin, contract.id, { backupOwnerId: backup.me!.user!.id });
    await addReminder(h, admin, { contractId: contract.id, eventId: event.id }, { leadTimes: [30], owner: true });
    expect((await call(h, admin, 'POST', `/users/${backup.me!.user!.id}/lock`)).statusCode).toBe(200);
    const day = addDays(event.date, -30);
    expect((await run(orgId, at(day))).sent).toBe(1);
    expect(await run(orgId, at(addDays(day, 3)))).toMatchObject({ escalations: 1, sent: 1 });
    const escalations = (await deliveriesOf(h, admin)).filter((d) => d.kind === 'escalation');
    expect(escalations.map((d) => [d.level, d.recipient_email])).toEqual([[2, admin.email]]);
  });

  it('does not escalate an acknowledged reminder', async () => {
    const admin = await quietOrg(h, { escalationDays: 2 });
    const orgId = admin.me!.org.id;
    const { contract, event } = await contractWithDeadline(h, admin);
    const reminderId = await addReminder(
      h,
      admin,
      { contractId: contract.id, eventId: event.id },
      {
        leadTimes: [30],
        owner: true,
      },
    );
    const day = addDays(event.date, -30);
    await run(orgId, at(day));
    await inOrgSql(h, admin, sql`update reminders set acknowledged_for = ${event.date}::date where id = ${reminderId}`);
    expect((await run(orgId, at(addDays(day, 10)))).escalations).toBe(0);
  });

  it('gathers the items of a member who chose the digest into one mail', async () => {
    const admin = await quietOrg(h);
    const orgId = admin.me!.org.id;
    await inOrgSql(h, admin, sql`update memberships set reminder_digest = true where user_id = ${admin.me!.user!.id}`);
    const a = await contractWithDeadline(h, admin);
    const b = await contractWithDeadline(h, admin);
    const day = addDays(a.event.date, -30);
    await addReminder(h, admin, { contractId: a.contract.id, eventId: a.event.id }, { leadTimes: [30], owner: true });
    expect(b.event.date).toBe(a.event.date);
    await addReminder(h, admin, { contractId: b.contract.id, eventId: b.event.id }, { leadTimes: [30], owner: true });
    const result = await run(orgId, at(day));
    expect(result).toMatchObject({ deliveries: 2, digests: 1, sent: 1 });
    const digest = await reminderMailTo(admin.email);
    expect(digest.text).toContain(a.contract.title as string);
    expect(digest.text).toContain(b.contract.title as string);
    const rows = await deliveriesOf(h, admin);
    const digestRow = rows.find((r) => r.kind === 'digest')!;
    expect(rows.filter((r) => r.kind === 'reminder').map((r) => [r.status, r.digest_id, r.message_id])).toEqual([
      ['sent', digestRow.id, digestRow.message_id],
      ['sent', digestRow.id, digestRow.message_id],
    ]);
    expect(mailsTo(admin.email)).toHaveLength(1);
  });

  it('sends administrators a weekly summary once a week, saying when nothing slipped', async () => {
    // An account made on Wednesday 2 January 2030 (10:00 in Berlin) with one contract.
    const admin = await quietOrg(h, { weeklySummary: true, createdAt: new Date('2030-01-02T09:00:00Z') });
    await newContract(h, admin, { title: 'Watched lease' });
    const orgId = admin.me!.org.id;
    const first = await run(orgId, at('2030-01-14'));
    expect(first).toMatchObject({ summaries: 1, sent: 1 });
    const summary = await reminderMailTo(admin.email);
    expect(summary.text).toMatch(/Nothing slipped/);
    expect((await run(orgId, at('2030-01-16'))).summaries).toBe(0);
    expect((await run(orgId, at('2030-01-21'))).summaries).toBe(1);
  });

  it('sends no summary for a week Deedbox did not watch whole, nor to an account without contracts', async () => {
    const admin = await quietOrg(h, { weeklySummary: true, createdAt: new Date('2030-01-02T09:00:00Z') });
    const orgId = admin.me!.org.id;
    // Its first week (from Monday 31 December) and the next, still without a contract: nothing to vouch for.
    expect(await run(orgId, at('2030-01-02', '12:00'))).toMatchObject({ summaries: 0, sent: 0 });
    expect(await run(orgId, at('2030-01-07'))).toMatchObject({ summaries: 0, sent: 0 });
    expect(await run(orgId, at('2030-01-14'))).toMatchObject({ summaries: 0, sent: 0 });
    const contract = await newContract(h, admin, { title: 'Binned lease' });
    expect((await call(h, admin, 'DELETE', `/contracts/${contract.id}`)).statusCode).toBe(204);
    expect(await run(orgId, at('2030-01-21'))).toMatchObject({ summaries: 0, sent: 0 });
    expect(mailsTo(admin.email)).toEqual([]);
  });

  it('stops the reminders of an archived contract', async () => {
    const admin = await quietOrg(h);
    const orgId = admin.me!.org.id;
    const { contract, event } = await contractWithDeadline(h, admin);
    await addReminder(h, admin, { contractId: contract.id, eventId: event.id }, { leadTimes: [30], owner: true });
    await setContract(h, admin, contract.id, { status: 'archived' });
    expect((await run(orgId, at(addDays(event.date, -30)))).deliveries).toBe(0);
    expect(mailsTo(admin.email)).toHaveLength(0);
  });

  it('moves reminders with their event when the contract deadline moves', async () => {
    const admin = await quietOrg(h);
    const orgId = admin.me!.org.id;
    const { contract, event, today } = await contractWithDeadline(h, admin);
    await addReminder(h, admin, { contractId: contract.id, eventId: event.id }, { leadTimes: [30], owner: true });
    const res = await call(h, admin, 'PATCH', `/contracts/${contract.id}`, {
      lifecycle: {
        type: 'auto_renewal',
        startDate: addDays(today, -30),
        endDate: addDays(today, 500),
        renewalTerm: 'P1Y',
        noticePeriod: 'P3M',
      },
    });
    expect(res.statusCode).toBe(200);
    const [moved] = await inOrgSql<{ date: string }>(
      h,
      admin,
      sql`select date::text from events where id = ${event.id}`,
    );
    expect(moved!.date > event.date).toBe(true);
    expect((await run(orgId, at(addDays(event.date, -30)))).deliveries).toBe(0);
    expect((await run(orgId, at(addDays(moved!.date, -30)))).sent).toBe(1);
  });
});
