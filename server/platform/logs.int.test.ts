import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reminderLinkToken } from '../features/reminders/links.js';
import { type Caller, call, callerFrom, PASSWORD, signUpOrg, uniqueEmail } from '../test/api.js';
import { type Harness, type Res, startHarness } from '../test/harness.js';
import { linkIn } from '../test/smtp-sink.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ LOG_LEVEL: 'trace' });
});

afterAll(async () => {
  await h?.close();
});

/** Every secret the server handed out or received, and every request id it answered with. */
const secrets = new Set<string>();
const requestIds: string[] = [];

function seen(res: Res): Res {
  requestIds.push(String(res.headers['x-request-id']));
  for (const cookie of res.cookies) if (cookie.value) secrets.add(cookie.value);
  return res;
}

function expectStatus(res: Res, status: number): Res {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode} ${res.body}`);
  return seen(res);
}

function tokenIn(link: string): string {
  const token = new URL(link).searchParams.get('token') ?? link.split('/invite/')[1];
  if (!token) throw new Error(`no token in ${link}`);
  secrets.add(token);
  return token;
}

/** The new session a 204 hands out in its cookies (callerFrom needs a /me body). */
function sessionFrom(res: Res): Caller {
  const session = res.cookies.find((c) => c.name.endsWith('dbx_session'))!;
  return { cookie: `${session.name}=${session.value}`, csrf: res.cookies.find((c) => c.name === 'dbx_csrf')!.value };
}

describe('logs', () => {
  it('carry request ids but no password, cookie, CSRF token, API key or e-mailed token', async () => {
    const changed = 'Quartz-lemur-Violin-41';
    const reset = 'Copper-otter-Tundra-58';
    const invitee = 'Maple-falcon-Harbor-73';
    const wrong = 'Wrong-guess-Pelican-99';
    for (const password of [PASSWORD, changed, reset, invitee, wrong]) secrets.add(password);

    const admin = await signUpOrg(h);
    secrets.add(admin.csrf!);
    secrets.add(admin.cookie!.split('=')[1]!);
    // signUpOrg followed the mailed sign-up link; its token must not reach the logs either.
    tokenIn(linkIn(await h.sink.waitFor((m) => m.to.includes(admin.email) && m.subject.includes('Finish signing up'))));

    expectStatus(await call(h, null, 'POST', '/auth/sign-in', { email: admin.email, password: wrong }), 401);
    const signedIn = callerFrom(
      expectStatus(await call(h, null, 'POST', '/auth/sign-in', { email: admin.email, password: PASSWORD }), 200),
    );
    expectStatus(await call(h, signedIn, 'PATCH', '/me', { name: 'Ada Lovelace' }), 200);
    const passwordChanged = expectStatus(
      await call(h, signedIn, 'POST', '/me/password', { currentPassword: PASSWORD, newPassword: changed }),
      204,
    );
    const session = sessionFrom(passwordChanged);

    const created = expectStatus(await call(h, session, 'POST', '/api-keys', { name: 'CI', role: 'editor' }), 201);
    const apiKey = (created.json() as { token: string }).token;
    secrets.add(apiKey);
    expectStatus(await call(h, { bearer: apiKey }, 'GET', '/me'), 200);
    expectStatus(await call(h, { bearer: `${apiKey}x` }, 'GET', '/me'), 401);

    const memberEmail = uniqueEmail('member');
    expectStatus(
      await call(h, session, 'POST', '/users/invitations', { email: memberEmail, isAdmin: false, roles: {} }),
      201,
    );
    const invitation = tokenIn(linkIn(await h.sink.waitFor((m) => m.to.includes(memberEmail))));
    expectStatus(await call(h, null, 'GET', `/invitations/${invitation}`), 200);
    expectStatus(
      await call(h, null, 'POST', `/invitations/${invitation}/accept`, { name: 'Max', password: invitee }),
      200,
    );

    expectStatus(await call(h, null, 'POST', '/auth/forgot-password', { email: admin.email }), 202);
    const resetMail = await h.sink.waitFor((m) => m.to.includes(admin.email) && m.subject.includes('Reset'));
    const resetToken = tokenIn(linkIn(resetMail));
    seen(await h.app.inject({ url: `/reset-password?token=${resetToken}`, headers: { accept: 'text/html' } }));
    expectStatus(await call(h, null, 'POST', '/auth/reset-password', { token: resetToken, password: reset }), 204);
    const again = callerFrom(
      expectStatus(await call(h, null, 'POST', '/auth/sign-in', { email: admin.email, password: reset }), 200),
    );
    const feed = expectStatus(await call(h, again, 'POST', '/calendar/feeds', { name: 'Phone' }), 201);
    const feedPath = new URL((feed.json() as { url: string }).url).pathname;
    secrets.add(feedPath.split('/ical/')[1]!.replace('.ics', ''));
    expectStatus(await h.app.inject({ url: feedPath }), 200);
    const orgId = (expectStatus(await call(h, again, 'GET', '/me'), 200).json() as { org: { id: string } }).org.id;
    const linkToken = reminderLinkToken(h.config.secretKey, {
      orgId,
      deliveryId: randomUUID(),
      action: 'acknowledge',
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    secrets.add(linkToken);
    expectStatus(await call(h, null, 'GET', `/reminder-links/${linkToken}`), 404);
    seen(await h.app.inject({ url: `/respond/${linkToken}`, headers: { accept: 'text/html' } }));
    expectStatus(await call(h, again, 'POST', '/auth/sign-out'), 204);

    const logs = h.logs.join('');
    for (const id of requestIds) expect(logs).toContain(id);
    expect(logs).toContain('"url":"/api/v1/auth/reset-password"');
    expect(logs).toContain('"url":"/api/v1/invitations/[redacted]/accept"');
    expect(logs).toContain('"url":"/reset-password?token=[redacted]"');
    expect(logs).toContain('"url":"/ical/[redacted]"');
    expect(logs).toContain('"url":"/api/v1/reminder-links/[redacted]"');
    expect(logs).toContain('"url":"/respond/[redacted]"');
    expect(secrets.size).toBeGreaterThanOrEqual(15);
    const leaked = [...secrets].filter((secret) => logs.includes(secret));
    expect(leaked).toEqual([]);
  });
});
