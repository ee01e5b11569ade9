import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../common/schemas/signing.js';
import { MAIL_KINDS } from '../../mail-kinds.js';
import { sendOrgMail } from '../../platform/mail/mail.jobs.js';
import { auditEvents, type Caller, call, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { mailTo, readyDraft, tokenIn } from './signflow.fixtures.js';
import { sweepSigning } from './signing.sweep.js';

let h: Harness;
let admin: Caller;

beforeAll(async () => {
  h = await startHarness();
  admin = await signUpOrg(h);
});
afterAll(() => h.close());

const DAY = 86_400_000;
const orgId = () => admin.me!.org.id;
const at = (sent: Envelope, days: number, minutes = 1) =>
  new Date(Date.parse(sent.sentAt!) + days * DAY + minutes * 60_000);
const mailsTo = (email: string, subject: RegExp) =>
  h.sink.messages.filter((m) => m.to.includes(email) && subject.test(m.subject));

async function sent(body: Record<string, unknown>) {
  const { envelope, emails } = await readyDraft(h, admin, { signingOrder: true, ...body });
  const res = await call(h, admin, 'POST', `/envelopes/${envelope.id}/send`);
  expect(res.statusCode, res.body).toBe(200);
  const token = tokenIn(await mailTo(h, admin, emails[0], /sign/));
  return { e: res.json() as Envelope, emails, token };
}

describe('signing.sweep: expiry', () => {
  it('expires an envelope at its time: links 410, the sender and those mailed told, once', async () => {
    const { e, emails, token } = await sent({ expiresInDays: 3 });
    expect(await sweepSigning(h.app.deps, orgId(), at(e, 2))).toEqual({ expired: 0, reminders: 0 });
    expect(await sweepSigning(h.app.deps, orgId(), at(e, 3))).toEqual({ expired: 1, reminders: 0 });
    expect(await sweepSigning(h.app.deps, orgId(), at(e, 3))).toEqual({ expired: 0, reminders: 0 });
    const ended = (await call(h, admin, 'GET', `/envelopes/${e.id}`)).json() as Envelope;
    expect(ended.status).toBe('expired');
    expect(ended.abilities.cancel).toBe(false);
    // The page says so; anything done with the link answers 410.
    expect((await call(h, null, 'GET', `/signing/${token}`)).json()).toMatchObject({ state: 'expired' });
    const gone = expectProblem(await call(h, null, 'POST', `/signing/${token}/viewed`), 410, 'gone');
    expect(gone.reason).toBe('envelope_expired');
    expectProblem(await call(h, null, 'GET', `/signing/${token}/pdf`), 410, 'gone');
    await sendOrgMail(h.app.deps, orgId(), at(e, 3), MAIL_KINDS);
    await h.sink.waitFor((m) => m.to.includes(emails[0]) && /expired/.test(m.subject));
    await h.sink.waitFor((m) => m.to.includes(admin.me!.user!.email) && /Lease: expired/.test(m.subject));
    expect(mailsTo(emails[1], /./)).toHaveLength(0);
    const actions = (await auditEvents(h, admin, `&objectId=${e.id}`)).map((x) => x.action);
    expect(actions.filter((a) => a === 'envelope.expired')).toHaveLength(1);
  });
});

describe('signing.sweep: reminders', () => {
  it('reminds whoever’s turn it is every N days, exactly once per time, and stops after signing', async () => {
    const { e, emails, token } = await sent({ reminderEveryDays: 2 });
    expect(await sweepSigning(h.app.deps, orgId(), at(e, 1))).toMatchObject({ reminders: 0 });
    // The same as-of twice: one reminder.
    expect(await sweepSigning(h.app.deps, orgId(), at(e, 2))).toMatchObject({ reminders: 1 });
    expect(await sweepSigning(h.app.deps, orgId(), at(e, 2))).toMatchObject({ reminders: 0 });
    await sendOrgMail(h.app.deps, orgId(), at(e, 2), MAIL_KINDS);
    const reminder = await mailTo(h, admin, emails[0], /^Reminder: /);
    expect(tokenIn(reminder)).toBe(token);
    expect(await sweepSigning(h.app.deps, orgId(), at(e, 4, 2))).toMatchObject({ reminders: 1 });
    expect(await sweepSigning(h.app.deps, orgId(), at(e, 4, 2))).toMatchObject({ reminders: 0 });
    await sendOrgMail(h.app.deps, orgId(), at(e, 4, 2), MAIL_KINDS);
    await h.sink.waitFor(() => mailsTo(emails[0], /^Reminder: /).length === 2);

    const signed = await call(h, null, 'POST', `/signing/${token}/sign`, {
      signature: { kind: 'typed', text: 'Jürgen Groß' },
      consent: true,
    });
    expect(signed.statusCode, signed.body).toBe(200);
    await mailTo(h, admin, emails[1], /sign/);
    // Far ahead, before expiry: only the second signer, whose turn it is now, is reminded.
    expect(await sweepSigning(h.app.deps, orgId(), at(e, 20))).toMatchObject({ reminders: 1 });
    await sendOrgMail(h.app.deps, orgId(), at(e, 20), MAIL_KINDS);
    await mailTo(h, admin, emails[1], /^Reminder: /);
    expect(mailsTo(emails[0], /^Reminder: /)).toHaveLength(2);
    const actions = (await auditEvents(h, admin, `&objectId=${e.id}`)).map((x) => x.action);
    expect(actions.filter((a) => a === 'signing.reminded')).toHaveLength(3);
  });

  it('sends no reminders without an interval', async () => {
    const { e } = await sent({ reminderEveryDays: null });
    expect(await sweepSigning(h.app.deps, orgId(), at(e, 10))).toEqual({ expired: 0, reminders: 0 });
  });
});
