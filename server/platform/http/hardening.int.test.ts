import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, expectProblem, PASSWORD, signUpOrg, uniqueEmail } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ RATE_LIMIT: 'true' });
});
afterAll(() => h.close());

describe('HTTP hardening', () => {
  it('sets a strict Content-Security-Policy and the usual security headers', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/meta' });
    const csp = String(res.headers['content-security-policy']);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "object-src 'none'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    // One answer to framing, not SAMEORIGIN beside frame-ancestors 'none'.
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('forbids caching of every API answer, successes and problems alike', async () => {
    const admin = await signUpOrg(h);
    for (const res of [
      await call(h, admin, 'GET', '/me'),
      await call(h, admin, 'GET', '/contracts'),
      await call(h, null, 'GET', '/me'),
      await call(h, admin, 'POST', '/contracts', {}),
    ]) {
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('refuses a caller without credentials (401) or from another site (403) before looking at the input', async () => {
    const anonymous = await h.app.inject({ method: 'POST', url: '/api/v1/contracts', payload: { title: 7 } });
    expectProblem(anonymous, 401, 'unauthenticated');
    const malformed = await h.app.inject({
      method: 'POST',
      url: '/api/v1/contracts',
      headers: { 'content-type': 'application/json' },
      payload: '{"title":',
    });
    expectProblem(malformed, 401, 'unauthenticated');
    const admin = await signUpOrg(h);
    const foreign = await h.app.inject({
      method: 'POST',
      url: '/api/v1/contracts',
      headers: { cookie: admin.cookie!, 'x-csrf-token': admin.csrf!, origin: 'https://evil.example' },
      payload: { title: 7 },
    });
    expectProblem(foreign, 403, 'csrf_failed');
  });

  it('answers an over-long or unreadable address with problem+json, never plain JSON', async () => {
    const long = await h.app.inject({ url: `/api/v1/contracts/${'a'.repeat(300)}` });
    expectProblem(long, 404, 'not_found');
    const bad = await h.app.inject({ url: '/api/v1/contracts/%E0%A4%A' });
    expect(bad.statusCode).toBeLessThan(500);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('compares the whole origin for CSRF: another scheme on the same host is another site', async () => {
    const attempt = (origin: string) =>
      h.app.inject({
        method: 'POST',
        url: '/api/v1/auth/forgot-password',
        remoteAddress: '192.0.2.20',
        headers: { host: 'files.deedbox.test', origin },
        payload: { email: uniqueEmail('csrf') },
      });
    expectProblem(await attempt('https://files.deedbox.test'), 403, 'csrf_failed');
    expectProblem(await attempt('http://files.deedbox.test:8080'), 403, 'csrf_failed');
    expect((await attempt('http://files.deedbox.test')).statusCode).toBe(202);
  });

  it('rate-limits sign-in per client with a 429 problem', async () => {
    const attempts = [];
    for (let i = 0; i < 11; i++) {
      attempts.push(await call(h, null, 'POST', '/auth/sign-in', { email: uniqueEmail('guess'), password: PASSWORD }));
    }
    expect(attempts.slice(0, 10).map((r) => r.statusCode)).toEqual(Array(10).fill(401));
    const limited = expectProblem(attempts[10]!, 429, 'rate_limited');
    expect(limited.detail).toMatch(/Try again/);
    expect(attempts[10]!.headers['retry-after']).toBeDefined();
  });

  it('rate-limits the public trust page per client, 60 a minute', async () => {
    const answers = [];
    for (let i = 0; i < 60; i++) answers.push((await call(h, null, 'GET', '/trust')).statusCode);
    expect(answers).toEqual(Array(60).fill(200));
    expectProblem(await call(h, null, 'GET', '/trust'), 429, 'rate_limited');
  });

  it('accepts only JSON bodies on the API', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      remoteAddress: '192.0.2.10',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=a@b.example&password=x',
    });
    expectProblem(res, 415, 'unsupported_media_type');
  });
});
