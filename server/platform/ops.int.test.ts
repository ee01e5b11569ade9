import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedMigrations } from '../db/client.js';
import { expectProblem, signUpOrg } from '../test/api.js';
import { type Harness, type Res, startHarness } from '../test/harness.js';

const METRICS_TOKEN = 'metrics-token-0123456789abcdef';
const OUTSIDE = '203.0.113.7';

let open: Harness;
let guarded: Harness;

beforeAll(async () => {
  open = await startHarness();
  guarded = await startHarness({ METRICS_TOKEN });
});

afterAll(async () => {
  await open?.close();
  await guarded?.close();
});

/** Every answer names its request; a problem repeats the id in its body and shows no internals. */
function expectTraceable(res: Res) {
  const id = res.headers['x-request-id'];
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  if (String(res.headers['content-type']).startsWith('application/problem+json')) {
    expect((res.json() as { requestId: string }).requestId).toBe(id);
    expect(res.body).not.toMatch(/\bat .+:\d+:\d+|node_modules|\.ts\b|stack/i);
  }
}

describe('health', () => {
  it('answers /healthz', async () => {
    const res = await open.app.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
    expectTraceable(res);
  });

  it('answers /readyz with the applied migrations', async () => {
    const res = await open.app.inject({ url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ready',
      database: open.database.kind,
      migrations: await shippedMigrations(),
    });
    expectTraceable(res);
  });
});

describe('/metrics', () => {
  it('is hidden from callers outside loopback when no token is configured', async () => {
    const res = await open.app.inject({ url: '/metrics', remoteAddress: OUTSIDE });
    expectProblem(res, 404, 'not_found');
    expectTraceable(res);
  });

  it('answers loopback when no token is configured', async () => {
    const res = await open.app.inject({ url: '/metrics', remoteAddress: '127.0.0.1' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('deedbox_http_requests_total');
  });

  it('in production needs the token: without one it answers nobody, not even loopback', async () => {
    const production = await startHarness({
      NODE_ENV: 'production',
      SECRET_KEY: 's'.repeat(40),
      MASTER_KEYS: `1:${Buffer.alloc(32, 3).toString('base64')}`,
      TRUST_PROXY: 'true',
    });
    try {
      const res = await production.app.inject({ url: '/metrics', remoteAddress: '127.0.0.1' });
      expectProblem(res, 404, 'not_found');
    } finally {
      await production.close();
    }
  });

  it('with a token, refuses callers without it, even on loopback', async () => {
    for (const headers of [
      {},
      { authorization: 'Bearer wrong-token-0123456789abcdef' },
      { authorization: METRICS_TOKEN },
    ]) {
      const res = await guarded.app.inject({ url: '/metrics', remoteAddress: '127.0.0.1', headers });
      expectProblem(res, 404, 'not_found');
    }
  });

  it('with a token, serves Prometheus text to the bearer', async () => {
    await guarded.app.inject({ url: '/healthz' });
    const res = await guarded.app.inject({
      url: '/metrics',
      remoteAddress: OUTSIDE,
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.body).toMatch(/^deedbox_http_requests_total\{method="GET",route="\/healthz",status="200"\} [1-9]/m);
    expect(res.body).toMatch(/^deedbox_db_pool_connections\{state="total"\} \d+/m);
    expect(res.body).toContain('# TYPE deedbox_http_request_duration_seconds histogram');
    expectTraceable(res);
  });
});

describe('errors', () => {
  it('answers an unknown API route with a 404 problem', async () => {
    const res = await open.app.inject({ url: '/api/v1/no-such-thing?x=1' });
    const problem = expectProblem(res, 404, 'not_found');
    expect(problem.detail).toBe('No route GET /api/v1/no-such-thing.');
    expectTraceable(res);
  });

  it('refuses a body over 1 MB with 413', async () => {
    const payload = JSON.stringify({ email: 'a@example.com', password: 'x'.repeat(1024 * 1024) });
    const res = await open.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload,
    });
    expectProblem(res, 413, 'payload_too_large');
    expectTraceable(res);
  });

  it('refuses malformed JSON with 400', async () => {
    const res = await open.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@example.com", "password": ',
    });
    const problem = expectProblem(res, 400, 'bad_request');
    expect(problem.detail).toMatch(/not valid JSON/);
    expectTraceable(res);
  });

  it('answers invalid input with the failing fields', async () => {
    const res = await open.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'not-an-email' },
    });
    const problem = expectProblem(res, 422, 'validation_failed');
    expect(problem.errors?.map((e) => e.field).sort()).toEqual(['email', 'password']);
    expectTraceable(res);
  });
});

describe('when the database is gone', () => {
  let broken: Harness;

  beforeAll(async () => {
    broken = await startHarness();
  });

  afterAll(async () => {
    // The database is closed by the test itself; close the rest.
    await broken?.app.close();
    await broken?.sink.stop();
  });

  it('reports not ready and hides the cause of a 500', async () => {
    const admin = await signUpOrg(broken);
    await broken.database.close();

    const ready = await broken.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: 'database unreachable' });

    const res = await broken.app.inject({ url: '/api/v1/me', headers: { cookie: admin.cookie! } });
    const problem = expectProblem(res, 500, 'internal');
    expect(problem.detail).toBe('Something went wrong on our side. Quote the request id when you contact us.');
    expect(Object.keys(res.json() as object).sort()).toEqual([
      'code',
      'detail',
      'requestId',
      'status',
      'title',
      'type',
    ]);
    expectTraceable(res);
    const logged = broken.logs.filter((line) => line.includes('unhandled error')).join('');
    expect(logged).toContain(String(res.headers['x-request-id']));
  });
});
