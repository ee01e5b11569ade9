import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, call, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, type Res, startHarness } from '../../test/harness.js';

let h: Harness;
let admin: Caller;
beforeAll(async () => {
  h = await startHarness();
  admin = await signUpOrg(h);
});
afterAll(() => h.close());

const routes = () =>
  h.app.apiRoutes.map((route) => {
    const [method, path] = route.split(' ') as ['GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', string];
    return { method, url: path.replace(/:\w+/g, randomUUID()) };
  });

function send(who: Caller, method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) {
  return h.app.inject({
    method: method as 'GET',
    url,
    headers: { 'user-agent': 'vitest', cookie: who.cookie!, 'x-csrf-token': who.csrf!, ...headers },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

const fieldsOf = (res: Res, rule: string) =>
  (expectProblem(res, 422, 'validation_failed').errors ?? []).filter((e) => e.rule === rule).map((e) => e.field);

describe('text that cannot be stored (NUL, lone UTF-16 surrogates)', () => {
  it('is refused with 422 naming the field, in the body and its keys, on every route that takes a body', async () => {
    // Stripe's webhook takes raw bytes, trusted only once Stripe's signature over them checks out.
    const writes = routes().filter((r) => r.method !== 'GET' && r.url !== '/api/v1/billing/stripe/webhook');
    expect(writes.length).toBeGreaterThan(50);
    for (const { method, url } of writes) {
      const res = await send(admin, method, url, {
        'x\u0000': 1,
        title: 'a\u0000b',
        nested: { name: ['ok', '\uD800'] },
      });
      expect.soft(res.statusCode, `${method} ${url}: ${res.body}`).toBe(422);
      if (res.statusCode === 422) {
        expect(fieldsOf(res, 'text_characters'), `${method} ${url}`).toEqual(['x\uFFFD', 'title', 'nested.name.1']);
      }
    }
  });

  it('is refused in the query of every route, never answered with 500', async () => {
    for (const { method, url } of routes()) {
      // Percent-decoding UTF-8 never yields a lone surrogate; the JSON test below covers those.
      for (const bad of ['%00', 'a%00b']) {
        const res = await send(admin, method, `${url}?q=${bad}&limit=5`, method === 'GET' ? undefined : {});
        expect.soft(res.statusCode, `${method} ${url}?q=${bad}: ${res.body}`).toBe(422);
        if (res.statusCode === 422) expect(fieldsOf(res, 'text_characters')).toContain('q');
      }
    }
  });

  it('is refused in a lone surrogate written as a JSON escape, and in path parameters', async () => {
    const escaped = await h.app.inject({
      method: 'POST',
      url: '/api/v1/contracts',
      headers: { cookie: admin.cookie!, 'x-csrf-token': admin.csrf!, 'content-type': 'application/json' },
      payload: '{"title":"half \\udc00 a pair","lifecycle":{"type":"fixed","startDate":"2090-01-01"}}',
    });
    expect(fieldsOf(escaped, 'text_characters')).toEqual(['title']);
    const path = await send(admin, 'GET', '/api/v1/partners/%00');
    expect(fieldsOf(path, 'text_characters')).toEqual(['id']);
  });

  it('is refused in the User-Agent the activity log keeps, as header.user-agent', async () => {
    const res = await send(
      admin,
      'POST',
      '/api/v1/partners',
      { name: 'Nul Agent', type: 'supplier' },
      { 'user-agent': 'bot\u0000' },
    );
    expect(fieldsOf(res, 'text_characters')).toEqual(['header.user-agent']);
  });

  it('leaves whole surrogate pairs (emoji) and ordinary text alone', async () => {
    const res = await send(admin, 'POST', '/api/v1/partners', { name: 'Café 🦄 GmbH', type: 'supplier' });
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as { name: string }).name).toBe('Café 🦄 GmbH');
  });
});

describe('a presented credential is checked before the input', () => {
  async function signedOut(): Promise<Caller> {
    const gone = await signUpOrg(h);
    expect((await call(h, gone, 'POST', '/auth/sign-out')).statusCode).toBe(204);
    return gone;
  }

  const badInput: [string, string, unknown][] = [
    ['POST', '/api/v1/contracts', {}],
    ['POST', '/api/v1/partners', { name: 'a\u0000b' }],
    ['PATCH', `/api/v1/contracts/${randomUUID()}`, { title: 5 }],
    ['GET', '/api/v1/contracts?limit=abc', undefined],
    ['GET', `/api/v1/contracts/${randomUUID()}?asOf=9999-12-31`, undefined],
    ['GET', '/api/v1/events?from=x&to=y', undefined],
    ['GET', '/api/v1/contracts/not-a-uuid', undefined],
  ];

  it('answers 401 to an ended session with bad input', async () => {
    const gone = await signedOut();
    for (const [method, url, body] of badInput) {
      expectProblem(await send(gone, method, url, body), 401, 'unauthenticated');
    }
  });

  it('answers 401 to an unknown API key with bad input', async () => {
    for (const [method, url, body] of badInput) {
      const res = await h.app.inject({
        method: method as 'GET',
        url,
        headers: { authorization: `Bearer dbx_${randomUUID()}` },
        ...(body === undefined ? {} : { payload: body as object }),
      });
      expectProblem(res, 401, 'unauthenticated');
    }
  });

  it('answers 401 to an invalid credential whose body cannot even be read', async () => {
    const gone = await signedOut();
    const raw = (who: Record<string, string>, payload: string, type = 'application/json') =>
      h.app.inject({ method: 'POST', url: '/api/v1/partners', headers: { ...who, 'content-type': type }, payload });
    const key = { authorization: `Bearer dbx_${randomUUID()}` };
    const cookie = { cookie: gone.cookie!, 'x-csrf-token': gone.csrf! };
    for (const who of [key, cookie]) {
      expectProblem(await raw(who, '{"name": '), 401, 'unauthenticated');
      expectProblem(await raw(who, `{"name":"${'x'.repeat(1024 * 1024)}"}`), 401, 'unauthenticated');
      expectProblem(await raw(who, 'name=x', 'application/x-www-form-urlencoded'), 401, 'unauthenticated');
    }
    const valid = { cookie: admin.cookie!, 'x-csrf-token': admin.csrf! };
    expectProblem(await raw(valid, '{"name": '), 400, 'bad_request');
    expectProblem(await raw(valid, `{"name":"${'x'.repeat(1024 * 1024)}"}`), 413, 'payload_too_large');
    expectProblem(await raw(valid, 'name=x', 'application/x-www-form-urlencoded'), 415, 'unsupported_media_type');
  });

  it('answers a valid session with bad input the same 422 as before', async () => {
    const created = expectProblem(await send(admin, 'POST', '/api/v1/contracts', {}), 422, 'validation_failed');
    expect(created.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'title', rule: 'invalid_type' }),
        expect.objectContaining({ field: 'lifecycle', rule: 'invalid_type' }),
      ]),
    );
    expect(created.detail).toMatch(/^title: /);
    const listed = expectProblem(await send(admin, 'GET', '/api/v1/contracts?limit=abc'), 422, 'validation_failed');
    expect(listed.errors).toEqual([expect.objectContaining({ field: 'limit', rule: 'invalid_type' })]);
    const path = expectProblem(await send(admin, 'GET', '/api/v1/contracts/not-a-uuid'), 422, 'validation_failed');
    expect(path.errors).toEqual([expect.objectContaining({ field: 'id', rule: 'invalid_format' })]);
  });

  it('still lets public routes validate without a credential', async () => {
    const res = await call(h, null, 'POST', '/auth/sign-in', { email: 'not an address' });
    expectProblem(res, 422, 'validation_failed');
  });
});
