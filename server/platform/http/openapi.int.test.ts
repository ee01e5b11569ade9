import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../test/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('OpenAPI', () => {
  it('documents every API route, generated from the route schemas', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toMatch(/^3\./);
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect(h.app.apiRoutes.length).toBeGreaterThan(25);
    expect(documented.sort()).toEqual([...h.app.apiRoutes].sort());
    const security = (path: string, method: string) => (doc.paths[path]![method] as { security?: unknown[] }).security;
    expect(security('/api/v1/auth/sign-in', 'post')).toEqual([]);
    expect(security('/api/v1/users', 'get')).toBeUndefined();
    const signUp = doc.paths['/api/v1/auth/sign-up']!.post as {
      requestBody: { content: Record<string, { schema: { required: string[] } }> };
    };
    expect(signUp.requestBody.content['application/json']!.schema.required).toEqual(
      expect.arrayContaining(['name', 'email', 'password', 'companyName']),
    );
  });

  it('serves browsable docs at /api/docs under the strict Content-Security-Policy', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
    expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
  });

  it('ends every /api/docs address in a page within two redirects, the query kept or not', async () => {
    const follow = async (start: string) => {
      let url = new URL(start, 'http://deedbox.test');
      for (let hops = 0; hops <= 5; hops++) {
        const res = await h.app.inject({ method: 'GET', url: url.pathname + url.search });
        if (res.statusCode < 300 || res.statusCode >= 400)
          return { hops, status: res.statusCode, type: res.headers['content-type'] };
        url = new URL(String(res.headers.location), url);
      }
      return { hops: Number.POSITIVE_INFINITY, status: 0, type: undefined };
    };
    const pages = ['/api/docs', '/api/docs/', '/api/docs/static/index.html', '/api/docs/static/'];
    for (const start of pages.flatMap((p) => [p, `${p}?a=1`, `${p}?url=${p}`])) {
      const end = await follow(start);
      expect({ start, ...end }).toMatchObject({ start, status: 200, type: expect.stringMatching(/^text\/html/) });
      expect(end.hops, start).toBeLessThanOrEqual(2);
    }
    expect((await follow('/api/docs/nothing-here?a=1')).status).toBe(404);
  });
});
