import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, expectProblem, PASSWORD, uniqueEmail } from '../../test/api.js';
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
