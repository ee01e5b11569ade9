import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../../common/terms/dates.js';
import { openDatabase } from '../../../db/client.js';
import { createMailer } from '../../../platform/mail/mailer.js';
import { uniqueEmail } from '../../../test/api.js';
import { type Harness, startHarness, TEST_DATABASE_URL, TEST_MASTER_KEYS } from '../../../test/harness.js';
import { addReminder, at, contractWithDeadline, inOrgSql, quietOrg } from './engine.fixtures.js';
import { CONCURRENCY, runReminders } from './run.js';

// Several processes on one database: PostgreSQL only (PGlite is one process by design).
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const ROOT = path.resolve(import.meta.dirname, '../../../..');

/** Every reminder mail received, by recipient: each must be there exactly once. */
function receivedPerAddress(addresses: string[]): number[] {
  return addresses.map((a) => h.sink.messages.filter((m) => m.to.includes(a)).length);
}

async function dueReminder(count: number) {
  const admin = await quietOrg(h);
  const { contract, event } = await contractWithDeadline(h, admin);
  const emails = Array.from({ length: count }, (_, i) => uniqueEmail(`w${i}`));
  await addReminder(h, admin, { contractId: contract.id, eventId: event.id }, { leadTimes: [15], emails });
  return { admin, orgId: admin.me!.org.id, emails, day: addDays(event.date, -15) };
}

describe('several workers', () => {
  it('two workers sending side by side send each mail once', async () => {
    const { admin, orgId, emails, day } = await dueReminder(40);
    // Queue everything while the mail server is away, so both workers meet a full outbox.
    await h.sink.stop();
    try {
      expect((await runReminders(h.app.deps, { orgId, asOf: at(day, '08:00') })).retrying).toBe(40);
    } finally {
      await h.sink.start();
    }
    const database = await openDatabase(h.config);
    const mailer = createMailer(h.config.mail, h.app.deps.log as never);
    try {
      const second = { ...h.app.deps, database, mailer };
      const [a, b] = await Promise.all([
        runReminders(h.app.deps, { orgId, asOf: at(day, '08:05') }),
        runReminders(second, { orgId, asOf: at(day, '08:05') }),
      ]);
      expect(a.sent + b.sent).toBe(40);
    } finally {
      mailer.close();
      await database.close();
    }
    expect(receivedPerAddress(emails)).toEqual(emails.map(() => 1));
    const statuses = await inOrgSql<{ status: string; n: number }>(
      h,
      admin,
      sql`select status, count(*)::int as n from deliveries group by status`,
    );
    expect(statuses).toEqual([{ status: 'sent', n: 40 }]);
  });

  it('a worker killed in the middle loses no mail and doubles none', async () => {
    const { admin, orgId, emails, day } = await dueReminder(12);
    const accepted = 4;
    h.sink.holdAfter(accepted);
    // Only this org: other test files share the database and run their own orgs' reminders.
    const args = ['bin/deedbox.js', 'reminders', 'run', '--org', orgId, '--as-of', at(day, '08:00')];
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: 'test',
        DATABASE_URL: TEST_DATABASE_URL,
        MASTER_KEYS: TEST_MASTER_KEYS,
        SMTP_URL: h.config.mail.smtpUrl!,
        APP_URL: h.config.appUrl,
      },
      stdio: 'ignore',
    });
    const exited = once(child, 'exit');
    // Every lane of the worker now waits for an SMTP answer that will not come; the mails
    // accepted before were each recorded before the lane went on to the next one.
    await h.sink.until(() => h.sink.heldCount === CONCURRENCY, 60_000);
    child.kill('SIGKILL');
    await exited;
    h.sink.releaseHeld();

    const mid = await inOrgSql<{ status: string; n: number }>(
      h,
      admin,
      sql`select status, count(*)::int as n from deliveries group by status order by status`,
    );
    expect(mid).toEqual([
      { status: 'sending', n: emails.length - accepted },
      { status: 'sent', n: accepted },
    ]);
    // Before the dead worker's lease runs out nobody touches its mails …
    expect((await runReminders(h.app.deps, { orgId, asOf: at(day, '08:05') })).sent).toBe(0);
    // … after it, they are sent, each once.
    const recovered = await runReminders(h.app.deps, { orgId, asOf: at(day, '08:11') });
    expect(recovered.sent).toBe(emails.length - accepted);
    expect(receivedPerAddress(emails)).toEqual(emails.map(() => 1));
    expect((await runReminders(h.app.deps, { orgId, asOf: at(day, '09:00') })).sent).toBe(0);
  }, 90_000);
});
