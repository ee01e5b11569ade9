import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../common/schemas/audit.js';
import type { SessionOutput } from '../../../common/schemas/sessions.js';
import { auditEvents as auditEventsTable } from '../../db/schema/index.js';
import { withClaims } from '../../db/tx.js';
import {
  addMember,
  auditEvents,
  type Caller,
  call,
  callerFrom,
  defaultUnit,
  expectProblem,
  PASSWORD,
  signUpOrg,
} from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { linkIn } from '../../test/smtp-sink.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const CHROME_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const FIREFOX_LINUX = 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0';

/** Signs in as a browser would, from the given browser and address. */
async function signInFrom(email: string, userAgent = 'vitest', remoteAddress = h.ip): Promise<Caller> {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    headers: { 'user-agent': userAgent },
    payload: { email, password: PASSWORD },
    remoteAddress,
  });
  expect(res.statusCode).toBe(200);
  return callerFrom(res);
}

const sessionsOf = async (who: Caller) => {
  const res = await call(h, who, 'GET', '/me/sessions');
  expect(res.statusCode).toBe(200);
  return (res.json() as { items: SessionOutput[] }).items;
};
const currentId = async (who: Caller) => (await sessionsOf(who)).find((s) => s.current)!.id;
const status = async (who: Caller) => (await call(h, who, 'GET', '/me')).statusCode;
const apiKey = async (admin: Caller) =>
  ({
    bearer: (await call(h, admin, 'POST', '/api-keys', { name: 'k', role: 'administrator' })).json().token,
  }) as Caller;

describe('my sessions', () => {
  it('lists my live sessions in this account with device, address, times and which one is this', async () => {
    const admin = await signUpOrg(h, 'Sessions Co');
    const chrome = await signInFrom(admin.email, CHROME_WINDOWS, '203.0.113.5');
    await addMember(h, admin);
    const items = await sessionsOf(chrome);
    expect(items).toHaveLength(2);
    const [latest] = items;
    expect(latest).toMatchObject({
      current: true,
      device: { browser: 'Chrome', browserVersion: '126', os: 'Windows', kind: 'desktop' },
      userAgent: CHROME_WINDOWS,
      ip: '203.0.113.5',
    });
    expect(Date.parse(latest!.lastSeenAt)).toBeGreaterThan(0);
    expect(items[1]).toMatchObject({ current: false, device: { browser: null, kind: 'unknown' } });
    // The first session sees the same two, itself marked.
    expect((await sessionsOf(admin)).map((s) => [s.id, s.current])).toEqual([
      [items[0]!.id, false],
      [items[1]!.id, true],
    ]);
    expectProblem(await call(h, null, 'GET', '/me/sessions'), 401, 'unauthenticated');
    expectProblem(await call(h, await apiKey(admin), 'GET', '/me/sessions'), 403, 'forbidden');
  });

  it('signs one session out; someone else’s or another account’s is "not found"', async () => {
    const admin = await signUpOrg(h, 'One Out Co');
    const laptop = await signInFrom(admin.email, CHROME_WINDOWS, '203.0.113.6');
    const member = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'viewer' } });
    const stranger = await signUpOrg(h, 'Stranger Co');
    const first = await currentId(admin);
    expectProblem(await call(h, member, 'DELETE', `/me/sessions/${first}`), 404, 'not_found');
    expectProblem(await call(h, stranger, 'DELETE', `/me/sessions/${first}`), 404, 'not_found');
    expectProblem(await call(h, null, 'DELETE', `/me/sessions/${first}`), 401, 'unauthenticated');
    const bad = expectProblem(await call(h, laptop, 'DELETE', '/me/sessions/nope'), 422, 'validation_failed');
    expect(bad.errors?.[0]?.field).toBe('id');
    expect(await status(admin)).toBe(200);

    expect((await call(h, laptop, 'DELETE', `/me/sessions/${first}`)).statusCode).toBe(204);
    expect(await status(admin)).toBe(401);
    expect(await status(laptop)).toBe(200);
    expectProblem(await call(h, laptop, 'DELETE', `/me/sessions/${first}`), 404, 'not_found');

    // Ending this very session signs out here too, and the cookies go.
    const own = await call(h, laptop, 'DELETE', `/me/sessions/${await currentId(laptop)}`);
    expect(own.statusCode).toBe(204);
    expect(own.cookies.find((c) => c.name.endsWith('dbx_session'))?.value).toBe('');
    expect(await status(laptop)).toBe(401);

    const again = await signInFrom(admin.email);
    const ended = (await auditEvents(h, again, '&action=session.ended')).map((e) => [e.objectId, e.actor.name]);
    expect(ended).toEqual(expect.arrayContaining([[first, 'Ada Admin']]));
    expect(ended).toHaveLength(2);
  });

  it('signs out all my other sessions, keeping this one', async () => {
    const admin = await signUpOrg(h, 'Others Co');
    const phone = await signInFrom(admin.email);
    const laptop = await signInFrom(admin.email);
    const member = await addMember(h, admin);
    expectProblem(await call(h, null, 'POST', '/me/sessions/sign-out-others'), 401, 'unauthenticated');
    expectProblem(await call(h, await apiKey(admin), 'POST', '/me/sessions/sign-out-others'), 403, 'forbidden');
    const res = await call(h, laptop, 'POST', '/me/sessions/sign-out-others');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ended: 2 });
    expect([await status(admin), await status(phone), await status(laptop), await status(member)]).toEqual([
      401, 401, 200, 200,
    ]);
    const [event] = await auditEvents(h, laptop, '&action=session.others_ended');
    expect(event?.actor.name).toBe('Ada Admin');
  });

  it('signs out everywhere: every session in every account I belong to, this one included', async () => {
    const a = await signUpOrg(h, 'Everywhere A');
    const b = await signUpOrg(h, 'Everywhere B');
    // The administrator of A joins B with the password they already have.
    expect((await call(h, b, 'POST', '/users/invitations', { email: a.email, isAdmin: true })).statusCode).toBe(201);
    const mail = await h.sink.waitFor((m) => m.to.includes(a.email) && m.subject.includes('Everywhere B'));
    const token = linkIn(mail).split('/invite/')[1]!;
    const accepted = await call(h, null, 'POST', `/invitations/${token}/accept`, { name: 'Ada', password: PASSWORD });
    expect(accepted.statusCode).toBe(200);
    const inB = callerFrom(accepted);
    const second = await signInFrom(a.email);
    expectProblem(await call(h, null, 'POST', '/me/sessions/sign-out-everywhere'), 401, 'unauthenticated');
    expectProblem(await call(h, await apiKey(a), 'POST', '/me/sessions/sign-out-everywhere'), 403, 'forbidden');

    const res = await call(h, a, 'POST', '/me/sessions/sign-out-everywhere');
    expect(res.statusCode).toBe(200);
    expect(res.json().ended).toBeGreaterThanOrEqual(3);
    expect(res.cookies.find((c) => c.name.endsWith('dbx_session'))?.value).toBe('');
    expect([await status(a), await status(inB), await status(second), await status(b)]).toEqual([401, 401, 401, 200]);
    expect((await auditEvents(h, b, '&action=session.ended_everywhere')).length).toBe(1);
    // A's log too: read as the app role in A's org (the person's next sign-in lands in B).
    const inA = await withClaims(h.database.db, { orgId: a.me.org.id }, (tx) =>
      tx.select().from(auditEventsTable).where(eq(auditEventsTable.action, 'session.ended_everywhere')),
    );
    expect(inA).toHaveLength(1);
  });
});

describe('ending a member’s sessions', () => {
  it('lets an administrator end every session of a member, logged with the member named', async () => {
    const admin = await signUpOrg(h, 'End Co');
    const unit = defaultUnit(admin);
    const member = await addMember(h, admin, { name: 'Mia Member', roles: { [unit]: 'editor' } });
    const memberAgain = await signInFrom(member.email);
    const viewer = await addMember(h, admin, { roles: { [unit]: 'viewer' } });
    const stranger = await signUpOrg(h, 'Stranger End Co');

    expectProblem(await call(h, viewer, 'POST', `/users/${member.id}/sessions/end`), 403, 'forbidden');
    expectProblem(await call(h, member, 'POST', `/users/${viewer.id}/sessions/end`), 403, 'forbidden');
    expectProblem(await call(h, stranger, 'POST', `/users/${member.id}/sessions/end`), 404, 'not_found');
    expectProblem(await call(h, null, 'POST', `/users/${member.id}/sessions/end`), 401, 'unauthenticated');
    expectProblem(await call(h, admin, 'POST', '/users/nope/sessions/end'), 422, 'validation_failed');
    expectProblem(await call(h, admin, 'POST', `/users/${stranger.me.user!.id}/sessions/end`), 404, 'not_found');
    expect(await status(member)).toBe(200);

    const res = await call(h, admin, 'POST', `/users/${member.id}/sessions/end`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ended: 2 });
    expect([await status(member), await status(memberAgain), await status(viewer), await status(admin)]).toEqual([
      401, 401, 200, 200,
    ]);
    const [event] = await auditEvents(h, admin, '&action=user.sessions_ended');
    expect(event).toMatchObject({
      objectId: member.id,
      actor: { name: 'Ada Admin' },
      subject: { name: 'Mia Member', email: member.email },
    });
    // The member may sign in again (ending sessions is not a lock) and finds it in their own log,
    // without the administrator's address.
    const back = await signInFrom(member.email);
    // Their own language is no security activity (it is in the account's log).
    expect((await call(h, back, 'PATCH', '/me', { locale: 'de' })).statusCode).toBe(200);
    const mine = await call(h, back, 'GET', '/me/activity?limit=50');
    expect(mine.statusCode).toBe(200);
    const items = (mine.json() as { items: AuditEvent[] }).items;
    expect(items.find((e) => e.action === 'user.sessions_ended')).toMatchObject({
      actor: { name: 'Ada Admin', email: null },
      ip: null,
      userAgent: null,
    });
    expect(items.find((e) => e.action === 'auth.signed_in')).toMatchObject({ actor: { name: 'Mia Member' } });
    expect(items.every((e) => /^(auth|session|user)\./.test(e.action))).toBe(true);
    expect(items.map((e) => e.action)).not.toContain('user.updated');
    // Others' events are not in it.
    expect(
      items.some(
        (e) => e.actor.name === 'Ada Admin' && e.action !== 'user.sessions_ended' && e.action !== 'user.invited',
      ),
    ).toBe(false);
    expectProblem(await call(h, back, 'GET', '/me/activity?limit=0'), 422, 'validation_failed');
    expectProblem(await call(h, null, 'GET', '/me/activity'), 401, 'unauthenticated');
    expectProblem(await call(h, await apiKey(admin), 'GET', '/me/activity'), 403, 'forbidden');
  });
});

describe('new-device mail', () => {
  const newDeviceEvents = async (admin: Caller) => auditEvents(h, admin, '&action=auth.new_device');

  it('mails a sign-in from a new browser and network, with a link that ends exactly that session', async () => {
    const admin = await signUpOrg(h, 'Device Co');
    // Sign-up learnt this browser and network; another address on the same network is no news.
    await signInFrom(admin.email, 'vitest', h.ip.replace(/\.\d+$/, '.9'));
    expect(await newDeviceEvents(admin)).toEqual([]);

    const stranger = await signInFrom(admin.email, CHROME_WINDOWS, '198.51.100.7');
    const mail = await h.sink.waitFor((m) => m.to.includes(admin.email) && m.subject.includes('was this you'));
    expect(mail.subject).toBe('New sign-in to Deedbox – was this you?');
    expect(mail.text).toContain('Chrome 126 on Windows');
    expect(mail.text).toContain('198.51.100.7');
    const [event] = await newDeviceEvents(admin);
    const strangerSession = await currentId(stranger);
    expect(event?.objectId).toBe(strangerSession);

    const link = new URL(linkIn(mail));
    expect(link.pathname).toBe('/end-session');
    const token = link.searchParams.get('token')!;
    const ended = await call(h, null, 'POST', '/auth/end-session', { token });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toEqual({ ended: true });
    expect(await status(stranger)).toBe(401);
    expect(await status(admin)).toBe(200);
    expectProblem(await call(h, null, 'POST', '/auth/end-session', { token }), 400, 'invalid_token');
    expectProblem(await call(h, null, 'POST', '/auth/end-session', { token: 'A'.repeat(43) }), 400, 'invalid_token');
    expectProblem(await call(h, null, 'POST', '/auth/end-session', { token: 'short' }), 422, 'validation_failed');
    const [fromMail] = await auditEvents(h, admin, '&action=session.ended_from_mail');
    expect(fromMail).toMatchObject({ objectId: strangerSession, actor: { name: 'Ada Admin' } });

    // The same browser on that network again is known now: no second mail.
    await signInFrom(admin.email, CHROME_WINDOWS, '198.51.100.200');
    expect(await newDeviceEvents(admin)).toHaveLength(1);
  });

  it('writes in the person’s language, and says whether the session was still open', async () => {
    const admin = await signUpOrg(h, 'Gerät GmbH');
    expect((await call(h, admin, 'PATCH', '/me', { locale: 'de' })).statusCode).toBe(200);
    const firefox = await signInFrom(admin.email, FIREFOX_LINUX, '192.0.2.44');
    const mail = await h.sink.waitFor((m) => m.to.includes(admin.email) && m.subject.includes('waren Sie das'));
    expect(mail.subject).toBe('Neue Anmeldung bei Deedbox – waren Sie das?');
    expect(mail.text).toContain('Firefox 127 unter Linux');
    expect((await call(h, firefox, 'POST', '/auth/sign-out')).statusCode).toBe(204);
    const token = new URL(linkIn(mail)).searchParams.get('token')!;
    expect((await call(h, null, 'POST', '/auth/end-session', { token })).json()).toEqual({ ended: false });
  });

  it('sends nothing for the first sign-in of an invited member', async () => {
    const admin = await signUpOrg(h, 'Invited Device Co');
    const member = await addMember(h, admin);
    await signInFrom(member.email);
    expect(await newDeviceEvents(admin)).toEqual([]);
  });
});
