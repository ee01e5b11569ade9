import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.js';
import { withClaims } from '../../db/tx.js';
import { AppError } from '../../platform/errors.js';
import { addMember, auditEvents, type Caller, call, defaultUnit, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { newContract } from '../contracts/contracts.fixtures.js';
import { readReminderLink, reminderLinks, reminderLinkToken } from './links.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const inOrg = <T>(who: Caller, query: ReturnType<typeof sql>) =>
  withClaims(h.database.db, { orgId: who.me!.org.id }, async (tx) => rowsOf<T>(await tx.execute(query)));

// Each occurrence of a test's reminder needs its own due day.
let dueDays = 0;
const inADay = () => new Date(Date.now() + 86_400_000);

interface Setup {
  admin: Caller & { email: string };
  member: Caller & { email: string; id: string };
  contractId: string;
  eventId: string;
  reminderId: string;
  eventDate: string;
}

/** A contract's end event with its expiry reminder (made by trigger), one occurrence, and a mail to `member`, a Viewer who owns it. */
async function setup(): Promise<Setup> {
  const admin = await signUpOrg(h);
  const member = await addMember(h, admin, { name: 'Rita Recipient', roles: { [defaultUnit(admin)]: 'viewer' } });
  const contract = await newContract(h, admin, { title: 'Office lease', ownerId: member.id });
  const [row] = await inOrg<{ eventId: string; reminderId: string; eventDate: string }>(
    admin,
    sql`select e.id as "eventId", r.id as "reminderId", e.date::text as "eventDate" from events e
        join reminders r on r.event_id = e.id and r.kind = 'expiry'
        where e.contract_id = ${contract.id} and e.type = 'end'`,
  );
  if (!row) throw new Error('the contract has no end event with an expiry reminder');
  return { admin, member, contractId: contract.id, ...row };
}

async function addDelivery(
  s: Setup,
  opts: { kind?: string; infoOnly?: boolean; userId?: string | null; email?: string } = {},
): Promise<string> {
  const occurrenceId = randomUUID();
  const deliveryId = randomUUID();
  const userId = opts.userId === undefined ? s.member.id : opts.userId;
  dueDays += 1;
  await inOrg(
    s.admin,
    sql`insert into reminder_occurrences (org_id, id, reminder_id, event_id, contract_id, event_date, due_on)
        values (${s.admin.me!.org.id}, ${occurrenceId}, ${s.reminderId}, ${s.eventId}, ${s.contractId},
                ${s.eventDate}::date, ${s.eventDate}::date - ${dueDays}::int)
        returning id`,
  );
  await inOrg(
    s.admin,
    sql`insert into deliveries (org_id, id, dedupe_key, kind, occurrence_id, reminder_id, contract_id,
          recipient_user_id, recipient_email, info_only, status, next_attempt_at)
        values (${s.admin.me!.org.id}, ${deliveryId}, ${`test:${deliveryId}`}, ${opts.kind ?? 'reminder'},
          ${occurrenceId}, ${s.reminderId}, ${s.contractId}, ${userId}, ${opts.email ?? s.member.email},
          ${opts.infoOnly ?? false}, 'sent', now())
        returning id`,
  );
  return deliveryId;
}

const tokenFor = (s: Setup, deliveryId: string, action: 'acknowledge' | 'dismiss', expiresAt = inADay()) =>
  reminderLinkToken(h.config.secretKey, { orgId: s.admin.me!.org.id, deliveryId, action, expiresAt });

async function marks(s: Setup) {
  const [row] = await inOrg<Record<string, string | null>>(
    s.admin,
    sql`select acknowledged_for::text as "ack", acknowledged_by::text as "ackBy",
          dismissed_for::text as "dismissed", dismissed_by::text as "dismissedBy"
        from reminders where id = ${s.reminderId}`,
  );
  return row!;
}

describe('reminder link tokens', () => {
  const key = 'k'.repeat(40);
  const payload = { orgId: randomUUID(), deliveryId: randomUUID(), action: 'dismiss' as const, expiresAt: inADay() };

  it('carries org, delivery, action and expiry (to the second) in 94 URL-safe characters', () => {
    const token = reminderLinkToken(key, payload);
    expect(token).toMatch(/^[A-Za-z0-9_-]{94}$/);
    const read = readReminderLink(key, token, new Date());
    expect(read).toMatchObject({ orgId: payload.orgId, deliveryId: payload.deliveryId, action: 'dismiss' });
    expect(read.expiresAt.getTime()).toBe(Math.floor(payload.expiresAt.getTime() / 1000) * 1000);
    const links = reminderLinks({ appUrl: 'https://d.test', secretKey: key }, payload);
    expect(links.acknowledgeLink).toMatch(/^https:\/\/d\.test\/respond\/[A-Za-z0-9_-]{94}$/);
    expect(readReminderLink(key, links.dismissLink.split('/respond/')[1]!, new Date()).action).toBe('dismiss');
  });

  it('refuses altered, foreign and malformed tokens as not found, expired ones as gone', () => {
    const token = reminderLinkToken(key, payload);
    const codeOf = (t: string, k = key, now = new Date()) => {
      try {
        readReminderLink(k, t, now);
        return 'ok';
      } catch (err) {
        return err instanceof AppError ? `${err.code}: ${err.message}` : String(err);
      }
    };
    for (let i = 0; i < token.length; i += 7) {
      const flipped = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
      expect(codeOf(flipped)).toBe('not_found: This link is not valid.');
    }
    expect(codeOf(token, 'x'.repeat(40))).toBe('not_found: This link is not valid.');
    expect(codeOf(`${token}A`)).toMatch(/^not_found/);
    expect(codeOf(token.slice(0, -1))).toMatch(/^not_found/);
    expect(codeOf('not a token!')).toMatch(/^not_found/);
    expect(codeOf('')).toMatch(/^not_found/);
    expect(codeOf(token, key, new Date(payload.expiresAt.getTime() + 1000))).toBe('gone: This link has expired.');
  });
});

describe('reminder links', () => {
  it('shows what will happen without changing anything, then acknowledges once as the recipient', async () => {
    const s = await setup();
    const token = tokenFor(s, await addDelivery(s), 'acknowledge');
    const expected = {
      action: 'acknowledge',
      contractId: s.contractId,
      contractTitle: 'Office lease',
      eventType: 'end',
      eventTitle: null,
      eventDate: s.eventDate,
      recipientEmail: s.member.email,
    };
    const shown = await call(h, null, 'GET', `/reminder-links/${token}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toEqual({ ...expected, state: 'active' });
    expect((await call(h, null, 'GET', `/reminder-links/${token}`)).json().state).toBe('active');
    expect(await marks(s)).toMatchObject({ ack: null, dismissed: null });

    const done = await call(h, null, 'POST', `/reminder-links/${token}`);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({ ...expected, state: 'acknowledged' });
    expect(await marks(s)).toMatchObject({ ack: s.eventDate, ackBy: s.member.id, dismissed: null });
    const again = await call(h, null, 'POST', `/reminder-links/${token}`);
    expect(again.statusCode).toBe(200);
    expect(again.json().state).toBe('acknowledged');

    const logged = await auditEvents(h, s.admin, '&action=reminder.acknowledged');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      objectType: 'reminder',
      objectId: s.reminderId,
      actor: { type: 'user', id: s.member.id, name: 'Rita Recipient', email: s.member.email },
      changes: { state: { before: 'active', after: 'acknowledged' } },
    });
  });

  it('refuses (403) a link of someone the reminder is no longer for, by the same rule as the API', async () => {
    const s = await setup();
    const token = tokenFor(s, await addDelivery(s), 'dismiss');
    expect((await call(h, null, 'GET', `/reminder-links/${token}`)).json().state).toBe('active');
    const moved = await call(h, s.admin, 'PATCH', `/contracts/${s.contractId}`, { ownerId: s.admin.me!.user!.id });
    expect(moved.statusCode).toBe(200);
    expect((await call(h, null, 'GET', `/reminder-links/${token}`)).json().state).toBe('not_yours');
    expectProblem(await call(h, null, 'POST', `/reminder-links/${token}`), 403, 'forbidden');
    expect(await marks(s)).toMatchObject({ ack: null, dismissed: null });
    expectProblem(
      await call(h, s.member, 'PATCH', `/reminders/${s.reminderId}`, { action: 'dismiss' }),
      403,
      'forbidden',
    );
  });

  it('refuses the link of a recipient locked since the mail, recording nothing', async () => {
    const s = await setup();
    const token = tokenFor(s, await addDelivery(s), 'dismiss');
    expect((await call(h, s.admin, 'POST', `/users/${s.member.id}/lock`)).statusCode).toBe(200);
    for (const method of ['GET', 'POST'] as const) {
      const problem = expectProblem(await call(h, null, method, `/reminder-links/${token}`), 404, 'not_found');
      expect(problem.detail).toBe('This link is not valid.');
    }
    expect(await marks(s)).toMatchObject({ ack: null, dismissed: null });
    expect(await auditEvents(h, s.admin, '&action=reminder.dismissed')).toHaveLength(0);
    // Unlocked, the same link works again: it was refused for the lock, not spent.
    await call(h, s.admin, 'POST', `/users/${s.member.id}/unlock`);
    expect((await call(h, null, 'POST', `/reminder-links/${token}`)).json().state).toBe('dismissed');
  });

  it("refuses, without the contract's title, the link of a recipient who can no longer see its unit", async () => {
    const s = await setup();
    const token = tokenFor(s, await addDelivery(s), 'acknowledge');
    const sales = (await call(h, s.admin, 'POST', '/business-units', { name: 'Sales' })).json().id as string;
    const moved = await call(h, s.admin, 'PUT', `/users/${s.member.id}/roles`, {
      isAdmin: false,
      roles: { [defaultUnit(s.admin)]: 'none', [sales]: 'viewer' },
    });
    expect(moved.statusCode).toBe(200);
    for (const method of ['GET', 'POST'] as const) {
      const res = await call(h, null, method, `/reminder-links/${token}`);
      expectProblem(res, 404, 'not_found');
      expect(res.body).not.toContain('Office lease');
    }
    expect(await marks(s)).toMatchObject({ ack: null, dismissed: null });
    expect(await auditEvents(h, s.admin, '&action=reminder.acknowledged')).toHaveLength(0);
  });

  it('dismisses for the date (which implies acknowledged); acknowledging afterwards changes nothing', async () => {
    const s = await setup();
    const deliveryId = await addDelivery(s, { kind: 'escalation', userId: s.admin.me!.user!.id, email: s.admin.email });
    const dismissed = await call(h, null, 'POST', `/reminder-links/${tokenFor(s, deliveryId, 'dismiss')}`);
    expect(dismissed.json()).toMatchObject({ action: 'dismiss', state: 'dismissed' });
    const adminId = s.admin.me!.user!.id;
    expect(await marks(s)).toEqual({ ack: s.eventDate, ackBy: adminId, dismissed: s.eventDate, dismissedBy: adminId });
    const acknowledged = await call(h, null, 'POST', `/reminder-links/${tokenFor(s, deliveryId, 'acknowledge')}`);
    expect(acknowledged.json()).toMatchObject({ action: 'acknowledge', state: 'dismissed' });
    expect(await auditEvents(h, s.admin, '&action=reminder.dismissed')).toHaveLength(1);
    expect(await auditEvents(h, s.admin, '&action=reminder.acknowledged')).toHaveLength(0);
  });

  it('answers 404 for altered tokens, mails without links and unknown deliveries; 410 when expired', async () => {
    const s = await setup();
    const token = tokenFor(s, await addDelivery(s), 'acknowledge');
    const altered = `${token.slice(0, 40)}${token[40] === 'x' ? 'y' : 'x'}${token.slice(41)}`;
    for (const method of ['GET', 'POST'] as const) {
      const problem = expectProblem(await call(h, null, method, `/reminder-links/${altered}`), 404, 'not_found');
      expect(problem.detail).toBe('This link is not valid.');
      expectProblem(await call(h, null, method, '/reminder-links/garbage'), 404, 'not_found');
      const expired = tokenFor(s, await addDelivery(s), 'acknowledge', new Date(Date.now() - 1000));
      expect(expectProblem(await call(h, null, method, `/reminder-links/${expired}`), 410, 'gone').detail).toBe(
        'This link has expired.',
      );
      const external = await addDelivery(s, { infoOnly: true, userId: null, email: 'partner@example.org' });
      expectProblem(
        await call(h, null, method, `/reminder-links/${tokenFor(s, external, 'dismiss')}`),
        404,
        'not_found',
      );
      const digest = await addDelivery(s, { kind: 'digest' });
      expectProblem(await call(h, null, method, `/reminder-links/${tokenFor(s, digest, 'dismiss')}`), 404, 'not_found');
      const unknown = tokenFor(s, randomUUID(), 'acknowledge');
      expectProblem(await call(h, null, method, `/reminder-links/${unknown}`), 404, 'not_found');
    }
    // Another org's key material is the same, but its id in the token does not open this org's delivery.
    const other = await signUpOrg(h);
    const deliveryId = await addDelivery(s);
    const crossed = reminderLinkToken(h.config.secretKey, {
      orgId: other.me.org.id,
      deliveryId,
      action: 'acknowledge',
      expiresAt: inADay(),
    });
    expectProblem(await call(h, null, 'POST', `/reminder-links/${crossed}`), 404, 'not_found');
    expect(await marks(s)).toMatchObject({ ack: null, dismissed: null });
    expect(await auditEvents(h, s.admin, '&action=reminder.acknowledged')).toHaveLength(0);
  });

  it('answers 410 when the event has moved since the mail, and shows it as moved', async () => {
    const s = await setup();
    const token = tokenFor(s, await addDelivery(s), 'acknowledge');
    await inOrg(s.admin, sql`update events set date = date + 7 where id = ${s.eventId} returning id`);
    expect((await call(h, null, 'GET', `/reminder-links/${token}`)).json()).toMatchObject({
      state: 'moved',
      eventDate: s.eventDate,
    });
    const problem = expectProblem(await call(h, null, 'POST', `/reminder-links/${token}`), 410, 'gone');
    expect(problem.detail).toContain('moved to a new date');
    expect(await marks(s)).toMatchObject({ ack: null });
  });

  it('works from a signed-in browser too, with its CSRF token', async () => {
    const s = await setup();
    const token = tokenFor(s, await addDelivery(s), 'acknowledge');
    const res = await call(h, s.admin, 'POST', `/reminder-links/${token}`);
    expect(res.json()).toMatchObject({ state: 'acknowledged' });
    // The recipient acted, whoever's browser it was.
    expect(await marks(s)).toMatchObject({ ackBy: s.member.id });
  });
});
