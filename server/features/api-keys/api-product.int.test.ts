import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { familyOfTag, UNSCOPED_TAGS } from '../../../common/schemas/api-scopes.js';
import { idempotencyKeys } from '../../db/schema/index.js';
import { auditEvents, type Caller, call, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { future } from '../contracts/contracts.fixtures.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** A request with headers of its own (Idempotency-Key, If-Match) as `who`. */
function send(who: Caller, method: 'GET' | 'POST' | 'PATCH', url: string, body?: object, extra = {}) {
  const headers: Record<string, string> = { 'user-agent': 'vitest', ...extra };
  if (who.cookie) headers.cookie = who.cookie;
  if (who.csrf) headers['x-csrf-token'] = who.csrf;
  if (who.bearer) headers.authorization = `Bearer ${who.bearer}`;
  return h.app.inject({ method, url: `/api/v1${url}`, headers, remoteAddress: h.ip, ...(body && { payload: body }) });
}

async function keyOf(admin: Caller, input: Record<string, unknown>, on = h): Promise<Caller> {
  const res = await call(on, admin, 'POST', '/api-keys', { name: 'Robot', role: 'editor', ...input });
  expect(res.statusCode, res.body).toBe(201);
  return { bearer: res.json().token };
}

const contract = (title: string) => ({ title, lifecycle: future });

describe('API key scopes', () => {
  it('reach only the families and levels a key holds, on top of its role; /me always', async () => {
    const admin = await signUpOrg(h);
    const reader = await keyOf(admin, { scopes: { contracts: 'read' } });
    expect((await call(h, reader, 'GET', '/contracts')).statusCode).toBe(200);
    expect((await call(h, reader, 'GET', '/me')).statusCode).toBe(200);
    const write = expectProblem(await call(h, reader, 'POST', '/contracts', contract('No')), 403, 'forbidden');
    expect(write).toMatchObject({ reason: 'scope_missing', params: { scope: 'contracts:write' } });
    const other = expectProblem(await call(h, reader, 'GET', '/partners'), 403, 'forbidden');
    expect(other.params).toEqual({ scope: 'partners:read' });

    const writer = await keyOf(admin, { scopes: { contracts: 'write' } });
    expect((await call(h, writer, 'POST', '/contracts', contract('Yes'))).statusCode).toBe(201);
    expect((await call(h, writer, 'GET', '/contracts')).statusCode).toBe(200);
    // Unscoped keys (and every key made before scopes) reach all their role allows.
    const full = await keyOf(admin, {});
    expect((await call(h, full, 'GET', '/partners')).statusCode).toBe(200);
    // Scopes never widen a role: an editor key with settings:write still may not manage API keys.
    const settings = await keyOf(admin, { scopes: { settings: 'write' } });
    expectProblem(await call(h, settings, 'POST', '/api-keys', { name: 'x', role: 'viewer' }), 403, 'forbidden');

    const bad = await call(h, admin, 'POST', '/api-keys', {
      name: 'x',
      role: 'viewer',
      scopes: { everything: 'write' },
    });
    expect(expectProblem(bad, 422, 'validation_failed').errors?.[0]?.field).toMatch(/^scopes/);
    const listed = (await call(h, admin, 'GET', '/api-keys')).json().items;
    expect(listed.map((k: { scopes: unknown }) => k.scopes)).toContainEqual({ contracts: 'read' });
    const created = (await auditEvents(h, admin, '&action=api_key.created'))[0]!;
    expect(JSON.stringify(created.changes)).toContain('scopes');
  });

  it('knows the family of every documented route (a forgotten one would need a scope no key holds)', async () => {
    const spec = h.app.swagger() as { paths: Record<string, Record<string, { tags?: string[] }>> };
    const unknown = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => {
          const tag = op.tags?.[0] ?? '';
          return !(UNSCOPED_TAGS as readonly string[]).includes(tag) && !familyOfTag(tag);
        })
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(unknown).toEqual([]);
  });
});

describe('the OpenAPI document', () => {
  it('shows examples of the main request bodies', () => {
    type Op = { requestBody?: { content: Record<string, { schema: { example?: unknown } }> } };
    const spec = h.app.swagger() as { paths: Record<string, Record<string, Op>> };
    const exampleOf = (path: string, method: string) =>
      spec.paths[path]?.[method]?.requestBody?.content['application/json']?.schema.example;
    expect(exampleOf('/api/v1/contracts', 'post')).toMatchObject({ title: 'Office lease Berlin' });
    expect(exampleOf('/api/v1/partners', 'post')).toMatchObject({ type: 'supplier' });
    expect(exampleOf('/api/v1/contracts/{id}/billing-lines', 'post')).toMatchObject({ amount: '1250.00' });
  });
});

describe('per-key rate limits', () => {
  let limited: Harness;
  beforeAll(async () => {
    limited = await startHarness({ RATE_LIMIT: 'true' });
  });
  afterAll(() => limited.close());

  it('counts each key on its own limit and says so in RateLimit headers; over it, 429', async () => {
    const admin = await signUpOrg(limited);
    const slow = await keyOf(admin, { rateLimitPerMinute: 3 }, limited);
    const fast = await keyOf(admin, {}, limited);
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await call(limited, slow, 'GET', '/me'));
    expect(answers.slice(0, 3).map((a) => a.statusCode)).toEqual([200, 200, 200]);
    expect(answers.map((a) => a.headers['ratelimit-limit'])).toEqual(['3', '3', '3', '3']);
    expect(answers.slice(0, 3).map((a) => a.headers['ratelimit-remaining'])).toEqual(['2', '1', '0']);
    expectProblem(answers[3]!, 429, 'rate_limited');
    expect(answers[3]!.headers['retry-after']).toBeDefined();
    const other = await call(limited, fast, 'GET', '/me');
    expect(other.statusCode).toBe(200);
    expect(other.headers['ratelimit-limit']).toBe('600');
  });
});

describe('Idempotency-Key', () => {
  it('answers a repeated POST with the first answer, once done; another body under the key is refused', async () => {
    const admin = await signUpOrg(h);
    const key = await keyOf(admin, {});
    const first = await send(key, 'POST', '/contracts', contract('Once'), { 'idempotency-key': 'order-1' });
    expect(first.statusCode, first.body).toBe(201);
    const again = await send(key, 'POST', '/contracts', contract('Once'), { 'idempotency-key': 'order-1' });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    const titled = (await call(h, admin, 'GET', '/contracts?q=Once')).json().items;
    expect(titled).toHaveLength(1);
    expect(await auditEvents(h, admin, '&action=contract.created')).toHaveLength(1);

    const other = await send(key, 'POST', '/contracts', contract('Twice'), { 'idempotency-key': 'order-1' });
    expect(expectProblem(other, 422, 'validation_failed').errors?.[0]).toMatchObject({
      field: 'Idempotency-Key',
      rule: 'idempotency_key_reused',
    });
    // Keys are the caller's own: the same key from another caller is another request.
    const mine = await send(admin, 'POST', '/contracts', contract('Once'), { 'idempotency-key': 'order-1' });
    expect(mine.statusCode).toBe(201);
    expect(mine.json().id).not.toBe(first.json().id);
    expectProblem(
      await send(key, 'POST', '/contracts', contract('x'), { 'idempotency-key': 'a b' }),
      422,
      'validation_failed',
    );
  });

  it('keeps nothing for a refused request, so the corrected retry under the same key is done', async () => {
    const admin = await signUpOrg(h);
    const key = await keyOf(admin, {});
    const refused = await send(key, 'POST', '/contracts', { title: '' }, { 'idempotency-key': 'k' });
    expect(refused.statusCode).toBe(422);
    const refusedAgain = await send(key, 'POST', '/contracts', { title: '' }, { 'idempotency-key': 'k' });
    expect(refusedAgain.statusCode).toBe(422);
    expect(refusedAgain.headers['idempotent-replayed']).toBeUndefined();
  });

  it('gives two identical requests at once one answer and one contract', async () => {
    const admin = await signUpOrg(h);
    const key = await keyOf(admin, {});
    const [a, b] = await Promise.all([
      send(key, 'POST', '/contracts', contract('Racing'), { 'idempotency-key': 'race' }),
      send(key, 'POST', '/contracts', contract('Racing'), { 'idempotency-key': 'race' }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().id).toBe(b.json().id);
    expect((await call(h, admin, 'GET', '/contracts?q=Racing')).json().items).toHaveLength(1);
  });

  it('keeps a secret shown once (a new API key) only sealed', async () => {
    const admin = await signUpOrg(h);
    const body = { name: 'Once robot', role: 'viewer' };
    const first = await send(admin, 'POST', '/api-keys', body, { 'idempotency-key': 'key-1' });
    const again = await send(admin, 'POST', '/api-keys', body, { 'idempotency-key': 'key-1' });
    expect(again.json().token).toBe(first.json().token);
    const rows = await h.database.db.select().from(idempotencyKeys);
    const stored = rows.find((r) => r.key === 'key-1')!;
    expect(stored.body).not.toBeNull();
    expect(stored.body!.toString('latin1')).not.toContain(first.json().token);
  });
});

describe('ETag and If-Match', () => {
  it('refuses a stale update with 412 and changes nothing; the current tag or none goes through', async () => {
    const admin = await signUpOrg(h);
    const created = (await call(h, admin, 'POST', '/contracts', contract('Tagged'))).json();
    const read = await send(admin, 'GET', `/contracts/${created.id}`);
    const tag = read.headers.etag as string;
    expect(tag).toMatch(/^W\/".+"$/);
    expect((await send(admin, 'GET', `/contracts/${created.id}`)).headers.etag).toBe(tag);

    const changed = await send(admin, 'PATCH', `/contracts/${created.id}`, { title: 'Changed' }, { 'if-match': tag });
    expect(changed.statusCode, changed.body).toBe(200);
    const newTag = changed.headers.etag as string;
    expect(newTag).not.toBe(tag);
    expect((await send(admin, 'GET', `/contracts/${created.id}`)).headers.etag).toBe(newTag);

    const stale = await send(admin, 'PATCH', `/contracts/${created.id}`, { title: 'Lost' }, { 'if-match': tag });
    expectProblem(stale, 412, 'precondition_failed');
    expect((await call(h, admin, 'GET', `/contracts/${created.id}`)).json().title).toBe('Changed');
    expect(
      (await send(admin, 'PATCH', `/contracts/${created.id}`, { title: 'Any' }, { 'if-match': '*' })).statusCode,
    ).toBe(200);
    expect((await send(admin, 'PATCH', `/contracts/${created.id}`, { title: 'Free' })).statusCode).toBe(200);
  });
});
