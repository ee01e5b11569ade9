import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Caller,
  call,
  callerFrom,
  defaultUnit,
  expectProblem,
  PASSWORD,
  signUpOrg,
  uniqueEmail,
} from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';

// Development without SMTP_URL: mail goes to the log and the in-memory outbox.
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ SMTP_URL: undefined });
});
afterAll(() => h.close());

interface OutboxMail {
  to: string[];
  subject: string;
  text: string;
}

const outboxOf = async (who: Caller): Promise<OutboxMail[]> => {
  const res = await call(h, who, 'GET', '/dev/outbox');
  expect(res.statusCode).toBe(200);
  return res.json().items;
};

/** Invites someone and accepts with the link the administrator finds in the outbox. */
async function memberOf(admin: Caller, roles: Record<string, 'editor' | 'viewer'>) {
  const email = uniqueEmail('member');
  expect((await call(h, admin, 'POST', '/users/invitations', { email, roles })).statusCode).toBe(201);
  const mail = (await outboxOf(admin)).find((m) => m.to.includes(email))!;
  const token = /\/invite\/(\S+)/.exec(mail.text)![1]!;
  const accepted = await call(h, null, 'POST', `/invitations/${token}/accept`, { name: 'Max', password: PASSWORD });
  expect(accepted.statusCode).toBe(200);
  return { ...callerFrom(accepted), email };
}

describe('GET /dev/outbox', () => {
  it("shows an administrator their account's mails only, never personal ones", async () => {
    const admin = await signUpOrg(h, 'Outbox Co');
    const other = await signUpOrg(h, 'Elsewhere Co');
    expect((await call(h, null, 'GET', '/meta')).json().devOutbox).toBe(true);
    expect((await call(h, admin, 'GET', '/me')).json().abilities.readDevOutbox).toBe(true);
    const member = await memberOf(admin, { [defaultUnit(admin)]: 'editor' });
    const invitation = (await outboxOf(admin)).find((m) => m.to.includes(member.email));
    expect(invitation?.subject).toBe('You are invited to Outbox Co on Deedbox');
    expect(await outboxOf(other)).toEqual([]);
    // The sign-up verification mails are personal: in the log (mailer.test.ts), not here.
    expect((await outboxOf(admin)).map((m) => m.to)).toEqual([[member.email]]);
  });

  it('refuses callers without a session (401), members and API keys (403)', async () => {
    const admin = await signUpOrg(h);
    const member = await memberOf(admin, { [defaultUnit(admin)]: 'viewer' });
    expectProblem(await call(h, null, 'GET', '/dev/outbox'), 401, 'unauthenticated');
    expectProblem(await call(h, member, 'GET', '/dev/outbox'), 403, 'forbidden');
    expect((await call(h, member, 'GET', '/me')).json().abilities.readDevOutbox).toBe(false);
    const key = (await call(h, admin, 'POST', '/api-keys', { name: 'ops', role: 'administrator' })).json().token;
    expectProblem(await call(h, { bearer: key }, 'GET', '/dev/outbox'), 403, 'forbidden');
  });
});
