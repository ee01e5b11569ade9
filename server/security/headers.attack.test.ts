import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, call, PASSWORD } from '../test/api.js';
import type { Harness, Res } from '../test/harness.js';
import { linkIn } from '../test/smtp-sink.js';
import { type DocRoute, isProblem, rowOf, sampleRequest, send, Tally } from './attack.kit.js';
import { attackStart, type World } from './attack.world.js';
import { settle } from './expected-failures.js';
import { leakedSecrets } from './log-scan.js';

let h: Harness;
let world: World;
let routes: DocRoute[];
beforeAll(async () => {
  ({ h, world, routes } = await attackStart());
});
afterAll(() => h?.close());

const FOREIGN = 'https://evil.example';
const csrfRefused = (res: Res) =>
  res.statusCode === 403 && isProblem(res) && (res.json() as { code: string }).code === 'csrf_failed';

describe('attack: browser defences', () => {
  it('refuses every unsafe route from a foreign or cross-scheme origin, and without the CSRF token', async () => {
    const tally = new Tally('csrf');
    const failures: string[] = [];
    const { a } = world;
    const admin = a.callers.admin;
    for (const route of routes) {
      if (route.method === 'GET') continue;
      const row = rowOf(route);
      const req = await sampleRequest(route, a);
      if (row.crossSite) {
        // Posted by another site by design (the SAML ACS): it must not act on the session it is sent with.
        tally.attempts++;
        const res = await send(h, admin, route, {
          ...req,
          headers: { origin: FOREIGN, 'sec-fetch-site': 'cross-site' },
        });
        const location = String(res.headers.location ?? '');
        if (res.statusCode !== 303 || !location.includes('/sso-error') || res.cookies.length > 0) {
          failures.push(`csrf: ${route.key} cross-site with a session → ${res.statusCode} ${location}`);
        }
        continue;
      }
      const who: Caller = row.public ? {} : admin;
      const attempts: [string, Caller, Record<string, string>][] = [
        ['foreign origin', who, { origin: FOREIGN }],
        ['cross-scheme origin', who, { origin: 'https://deedbox.test' }],
        ['cross-site fetch', who, { 'sec-fetch-site': 'cross-site' }],
      ];
      if (!row.public)
        attempts.push(
          ['no token', { cookie: admin.cookie }, {}],
          ['foreign token', { ...admin, csrf: world.b.callers.admin.csrf }, {}],
        );
      for (const [label, caller, headers] of attempts) {
        tally.attempts++;
        const res = await send(h, caller, route, { ...req, headers });
        if (!csrfRefused(res)) failures.push(`csrf: ${route.key} ${label} → ${res.statusCode}`);
      }
    }
    settle(tally, failures);
  });

  it('lets no foreign origin read any answer, and lets no answer be cached', async () => {
    const tally = new Tally('headers');
    const failures: string[] = [];
    const { a } = world;
    for (const route of routes) {
      const row = rowOf(route);
      const req = await sampleRequest(route, a);
      const who = row.public ? null : a.callers.admin;
      tally.attempts++;
      // Unsafe requests from a foreign origin are refused (above); the refusal must not be readable either.
      const res = await send(h, who, route, { ...req, headers: { origin: FOREIGN } });
      const h_ = res.headers;
      if (h_['access-control-allow-origin'] !== undefined)
        failures.push(`headers: ${route.key} allows ${h_['access-control-allow-origin']}`);
      if (h_['access-control-allow-credentials'] !== undefined)
        failures.push(`headers: ${route.key} allows credentials`);
      if (h_['cache-control'] !== 'no-store')
        failures.push(`headers: ${route.key} cache-control ${h_['cache-control']}`);
      if (h_['x-content-type-options'] !== 'nosniff') failures.push(`headers: ${route.key} no nosniff`);
      if (h_['x-frame-options'] !== 'DENY')
        failures.push(`headers: ${route.key} x-frame-options ${h_['x-frame-options']}`);
      if (!String(h_['content-security-policy']).includes("frame-ancestors 'none'"))
        failures.push(`headers: ${route.key} no CSP`);
      if (h_['referrer-policy'] !== 'no-referrer') failures.push(`headers: ${route.key} referrer-policy`);
      tally.attempts++;
      const preflight = await h.app.inject({
        method: 'OPTIONS',
        url: route.path.replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000'),
        headers: {
          origin: FOREIGN,
          'access-control-request-method': route.method,
          'access-control-request-headers': 'x-csrf-token, authorization',
        },
      });
      if (preflight.headers['access-control-allow-origin'] !== undefined || preflight.statusCode < 300) {
        failures.push(
          `headers: OPTIONS ${route.path} → ${preflight.statusCode} allows ${preflight.headers['access-control-allow-origin']}`,
        );
      }
    }
    settle(tally, failures);
  });

  it('holds the routes outside the API document to the same rules', async () => {
    const tally = new Tally('outside-api');
    const failures: string[] = [];
    const get = (url: string, remoteAddress = '203.0.113.9') =>
      h.app.inject({ method: 'GET', url, remoteAddress, headers: { origin: FOREIGN } });
    const feed = await get(world.a.feedPath);
    if (feed.statusCode !== 200 || !String(feed.headers['cache-control']).includes('no-store')) {
      failures.push(`outside-api: calendar feed → ${feed.statusCode} cache-control ${feed.headers['cache-control']}`);
    }
    const hostile = ['a\u0000b', "x' OR '1'='1", 'x'.repeat(5000), '..%2F..%2Fetc%2Fpasswd', '%ED%A0%80'];
    const answers = [
      feed,
      ...(await Promise.all(hostile.map((t) => get(`/ical/${t.includes('%') ? t : encodeURIComponent(t)}.ics`)))),
      await get('/healthz'),
      await get('/readyz'),
      await get('/metrics'),
    ];
    tally.attempts = answers.length;
    answers.slice(1, 1 + hostile.length).forEach((res, i) => {
      if (res.statusCode >= 500 || !isProblem(res)) failures.push(`outside-api: feed token #${i} → ${res.statusCode}`);
    });
    const metrics = answers.at(-1)!;
    if (metrics.statusCode !== 404) failures.push(`outside-api: /metrics from another host → ${metrics.statusCode}`);
    for (const res of answers) {
      const url = (res.raw.req.url ?? '').slice(0, 40);
      const headers = res.headers;
      if (headers['access-control-allow-origin'] !== undefined) failures.push(`outside-api: ${url} allows CORS`);
      if (headers['x-content-type-options'] !== 'nosniff') failures.push(`outside-api: ${url} no nosniff`);
      if (!String(headers['content-security-policy']).includes("frame-ancestors 'none'")) {
        failures.push(`outside-api: ${url} no CSP`);
      }
    }

    settle(tally, failures);
  });

  it('sets the session cookie HttpOnly and SameSite, and the CSRF cookie readable by the page only', async () => {
    const res = await call(h, null, 'POST', '/auth/sign-in', {
      email: world.a.callers.viewer.me!.user!.email,
      password: PASSWORD,
    });
    expect(res.statusCode).toBe(200);
    const session = res.cookies.find((c) => c.name.endsWith('dbx_session'))!;
    const csrf = res.cookies.find((c) => c.name === 'dbx_csrf')!;
    world.secrets.add(session.value, csrf.value);
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(csrf.httpOnly).toBeFalsy();
    expect(csrf).toMatchObject({ sameSite: 'Lax', path: '/' });
    expect(session.maxAge).toBeGreaterThan(0);
  });

  it('writes none of the passwords, tokens and keys the suite used into the log', async () => {
    // A password reset too, so its token is among the secrets.
    const email = world.a.callers.noRole.me!.user!.email;
    await call(h, null, 'POST', '/auth/forgot-password', { email });
    const mail = await h.sink.waitFor((m) => m.to.includes(email) && /reset/i.test(m.text ?? ''));
    const token = new URL(linkIn(mail)).searchParams.get('token');
    world.secrets.add(token ?? undefined);
    expect(await call(h, null, 'POST', '/auth/reset-password', { token, password: `${PASSWORD}!` })).toHaveProperty(
      'statusCode',
      204,
    );
    const tally = new Tally('log-scan');
    tally.attempts = world.secrets.values.size;
    expect(world.secrets.values.size).toBeGreaterThan(20);
    expect(h.logs.length).toBeGreaterThan(50);
    settle(
      tally,
      leakedSecrets(h, world.secrets).map((s) => `log-scan: ${s}`),
    );
  });
});
