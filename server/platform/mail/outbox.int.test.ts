import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryKind } from '../../../common/schemas/reminders.js';
import { rowsOf } from '../../db/client.js';
import { withClaims } from '../../db/tx.js';
import { setPlanAsOperator } from '../../features/subscriptions/subscriptions.fixtures.js';
import { signUpOrg, uniqueEmail } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { runInOrg } from '../context.js';
import { wake } from '../jobs/wake.js';
import { MAIL_SEND_JOB, mailJobs } from './mail.jobs.js';
import { type Composers, type MailComposer, type SendCounts, SubjectGone, sendOutbox } from './outbox.js';
import { enqueueMail } from './outbox.repo.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const PDF = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
const TESTER = { type: 'system', name: 'outbox test' } as const;
const request = () => ({ id: randomUUID(), ip: null, userAgent: 'vitest', via: 'cli' }) as const;
const later = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000);

/** A composer for tests: mails about a subject, the sealed "PDF" attached; `gone` subjects no longer exist. */
function testComposer(gone = new Set<string>()) {
  const batches: string[][] = [];
  const composer: MailComposer<Map<string, string>> = {
    async facts(tx, orgId, claimed) {
      batches.push(claimed.map((d) => d.id));
      const rows = rowsOf<{ id: string; kind: string }>(
        await tx.execute(sql`select id, kind from deliveries where org_id = ${orgId}`),
      );
      return new Map(rows.map((r) => [r.id, r.kind]));
    },
    compose(config, org, d, kinds) {
      if (gone.has(d.subjectId!)) throw new SubjectGone('the test subject is gone');
      return {
        to: d.recipientEmail,
        subject: `Test ${kinds.get(d.id)} about ${d.subjectId}`,
        text: `For ${org.name}`,
        messageId: `<${d.id}@${new URL(config.appUrl).hostname}>`,
        orgId: org.id,
        attachments: [{ filename: 'sealed.pdf', content: PDF, contentType: 'application/pdf' }],
      };
    },
  };
  return { composer, batches };
}

async function newOrg() {
  const admin = await signUpOrg(h, 'Outbox GmbH');
  return { id: admin.me.org.id, name: admin.me.org.name as string };
}

/** Queues one mail per address as a feature would: in its transaction, waking `mail.send`. */
function enqueue(orgId: string, kind: DeliveryKind, emails: string[], now: Date, subjectId: string = randomUUID()) {
  return runInOrg(h.app.deps, { orgId, actor: TESTER }, request(), async (ctx) => {
    const fresh: boolean[] = [];
    for (const email of emails) {
      const mail = { orgId, kind, subjectId, recipientEmail: email, locale: 'en' as const, now };
      fresh.push(await enqueueMail(ctx.tx, { ...mail, dedupeKey: `${kind}:${subjectId}:${email}` }));
    }
    await wake(ctx, MAIL_SEND_JOB);
    return fresh;
  });
}

function deliveries(orgId: string) {
  return withClaims(h.database.db, { orgId }, async (tx) =>
    rowsOf<{ kind: string; status: string; attempts: number; last_error: string | null; recipient_email: string }>(
      await tx.execute(sql`select kind, status, attempts, last_error, recipient_email from deliveries
                           order by recipient_email`),
    ),
  );
}

const zero = (): SendCounts => ({ sent: 0, retrying: 0, failed: 0, bounced: 0 });
const mailsTo = (email: string) => h.sink.messages.filter((m) => m.to.includes(email));

async function send(org: { id: string; name: string }, now: Date, composers: Composers) {
  const total = zero();
  await sendOutbox(h.app.deps, { ...org, timeZone: 'Europe/Berlin', today: '2026-12-07' }, now, total, { composers });
  return total;
}

describe('the mail outbox', () => {
  it('queues a mail once per dedupe key', async () => {
    const org = await newOrg();
    const now = new Date();
    const subject = randomUUID();
    const email = uniqueEmail('once');
    expect(await enqueue(org.id, 'approval_request', [email], now, subject)).toEqual([true]);
    expect(await enqueue(org.id, 'approval_request', [email], now, subject)).toEqual([false]);
    expect(await deliveries(org.id)).toHaveLength(1);
  });

  it('sends each mail exactly once when two senders work side by side, reading facts once per batch', async () => {
    const org = await newOrg();
    const now = new Date();
    // More than one claim's batch (25), so both senders find work.
    const emails = Array.from({ length: 30 }, (_, i) => uniqueEmail(`side${i}`));
    await enqueue(org.id, 'approval_request', emails.slice(0, 15), now);
    await enqueue(org.id, 'approval_outcome', emails.slice(15), now);
    const { composer, batches } = testComposer();
    const composers: Composers = { approval_request: composer, approval_outcome: composer };
    const [a, b] = await Promise.all([send(org, now, composers), send(org, now, composers)]);
    expect(a.sent + b.sent).toBe(30);
    for (const email of emails) expect(mailsTo(email)).toHaveLength(1);
    // Each claimed row's facts are read once, with its batch.
    expect(new Set(batches.flat()).size).toBe(30);
    expect(batches.flat()).toHaveLength(30);
    expect((await deliveries(org.id)).map((d) => [d.status, d.attempts])).toEqual(emails.map(() => ['sent', 1]));
    expect((await send(org, later(now, 60), composers)).sent).toBe(0);
  });

  it('keeps a mail while the SMTP server is down and sends it once when it is back', async () => {
    const org = await newOrg();
    const now = new Date();
    const email = uniqueEmail('down');
    await enqueue(org.id, 'signing_request', [email], now);
    const composers: Composers = { signing_request: testComposer().composer };
    await h.sink.stop();
    try {
      expect(await send(org, now, composers)).toEqual({ ...zero(), retrying: 1 });
      const [row] = await deliveries(org.id);
      expect(row).toMatchObject({ status: 'retrying', attempts: 1 });
      expect(row!.last_error).toMatch(/ECONNREFUSED|connect/i);
    } finally {
      await h.sink.start();
    }
    // Not before its backoff has run out …
    expect(await send(org, now, composers)).toEqual(zero());
    // … then once, the attachment byte for byte.
    expect(await send(org, later(now, 1), composers)).toEqual({ ...zero(), sent: 1 });
    expect(await send(org, later(now, 60), composers)).toEqual(zero());
    const mails = mailsTo(email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.attachments).toEqual([
      { filename: 'sealed.pdf', content: expect.any(String), base64: PDF.toString('base64') },
    ]);
    expect(await deliveries(org.id)).toEqual([expect.objectContaining({ status: 'sent', attempts: 2 })]);
  });

  it('fails at once, never retried, a kind without a composer and a mail whose subject is gone', async () => {
    const org = await newOrg();
    const now = new Date();
    const gone = randomUUID();
    const [orphan, vanished, fine] = [uniqueEmail('a-orphan'), uniqueEmail('b-vanished'), uniqueEmail('c-fine')];
    await enqueue(org.id, 'signing_code', [orphan], now);
    await enqueue(org.id, 'approval_overdue', [vanished], now, gone);
    await enqueue(org.id, 'approval_overdue', [fine], now);
    const { composer, batches } = testComposer(new Set([gone]));
    const composers: Composers = { approval_overdue: composer };
    expect(await send(org, now, composers)).toEqual({ ...zero(), sent: 1, failed: 2 });
    // The composer read its facts once, for its two claimed mails; the kind without one read none.
    expect(batches.map((b) => b.length)).toEqual([2]);
    expect(await send(org, later(now, 24 * 60), composers)).toEqual(zero());
    expect((await deliveries(org.id)).map((d) => [d.kind, d.status, d.attempts, d.last_error])).toEqual([
      ['signing_code', 'failed', 1, 'no composer for mail kind signing_code'],
      ['approval_overdue', 'failed', 1, 'subject gone: the test subject is gone'],
      ['approval_overdue', 'sent', 1, null],
    ]);
    expect(mailsTo(orphan)).toHaveLength(0);
    expect(mailsTo(vanished)).toHaveLength(0);
  });
});

describe('the mail.send job', () => {
  const job = (composers: Composers) => mailJobs(composers).find((j) => j.name === MAIL_SEND_JOB)!;
  const runFor = (composers: Composers, org: { id: string }, now: Date) => {
    const definition = job(composers);
    if (definition.scope !== 'per-org') throw new Error('mail.send runs per org');
    return definition.run({ deps: h.app.deps, now, log: h.app.log, org: { id: org.id, timeZone: 'Europe/Berlin' } });
  };

  it("sends an org's outbox of every kind with the registered composers", async () => {
    const org = await newOrg();
    const now = new Date();
    const email = uniqueEmail('job');
    await enqueue(org.id, 'signing_completed', [email], now);
    const composers: Composers = { signing_completed: testComposer().composer };
    expect(await runFor(composers, org, now)).toEqual({ ...zero(), sent: 1 });
    expect((await h.sink.waitFor((m) => m.to.includes(email))).subject).toMatch(/^Test signing_completed about /);
  });

  it("leaves a read-only (cancelled) account's outbox as it is", async () => {
    const org = await newOrg();
    const now = new Date();
    const email = uniqueEmail('readonly');
    await enqueue(org.id, 'approval_request', [email], now);
    await setPlanAsOperator(h, org.id, { plan: 'enterprise', status: 'cancelled' });
    const composers: Composers = { approval_request: testComposer().composer };
    expect(await runFor(composers, org, later(now, 1))).toEqual(zero());
    expect(await deliveries(org.id)).toEqual([expect.objectContaining({ status: 'queued', attempts: 0 })]);
  });
});
