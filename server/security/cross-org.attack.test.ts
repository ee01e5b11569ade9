import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness, Res } from '../test/harness.js';
import { type DocRoute, type Request, rowOf, sampleRequest, send, Tally } from './attack.kit.js';
import { attackStart, type World } from './attack.world.js';
import { settle } from './expected-failures.js';
import { leakedSecrets } from './log-scan.js';
import { orgSnapshot } from './snapshot.js';

let h: Harness;
let world: World;
let routes: DocRoute[];
beforeAll(async () => {
  ({ h, world, routes } = await attackStart());
});
afterAll(() => h?.close());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Deep copy with every string (and key) rewritten: A's marker becomes B's, ids as `id` says. */
function rewrite<T>(value: T, text: (s: string) => string): T {
  if (typeof value === 'string') return text(value) as T;
  if (Array.isArray(value)) return value.map((v) => rewrite(v, text)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [text(k), rewrite(v, text)])) as T;
  return value;
}

const hasUuid = (req: Request) => JSON.stringify([req.params, req.query, req.body]).match(/[0-9a-f]{8}-[0-9a-f]{4}-/i);

/** What an answer tells: status, code and the fields and rules it names. */
function shape(res: Res) {
  try {
    const body = res.json() as { code?: string; errors?: { field: string; rule: string }[] };
    const errors = body.errors?.map((e) => `${e.field.replace(/[0-9a-f-]{36}/gi, '<id>')}:${e.rule}`);
    return { status: res.statusCode, code: body.code, errors };
  } catch {
    return { status: res.statusCode };
  }
}

describe('attack: another organization', () => {
  it("answers B's session and API key with A's ids in path, body and query like unknown ids, changing nothing", async () => {
    const tally = new Tally('cross-org');
    const failures: string[] = [];
    const { a, b } = world;
    const attackers = { 'B session': b.callers.admin, 'B key': b.callers.fullKey };
    // A's requests first (some make fresh objects in A), with B's marker in every text.
    const planned: { route: DocRoute; req: Request }[] = [];
    for (const route of routes) {
      const row = rowOf(route);
      if (row.public || row.spendsSession) continue;
      const sample = await sampleRequest(route, a);
      const req = rewrite(sample, (s) => s.replaceAll(a.marker, b.marker));
      if (route.method === 'GET' || hasUuid(req)) planned.push({ route, req });
    }
    const before = {
      a: await orgSnapshot(a.callers.admin.me!.org.id),
      b: await orgSnapshot(b.callers.admin.me!.org.id),
    };
    const answers: { route: DocRoute; req: Request; who: string; res: Res }[] = [];
    for (const { route, req } of planned) {
      for (const [who, caller] of Object.entries(attackers)) {
        tally.attempts++;
        const res = await send(h, caller, route, req);
        answers.push({ route, req, who, res });
        if (res.statusCode >= 500) failures.push(`cross-org: ${route.key} ${who} → ${res.statusCode}`);
        if (res.body.includes(a.marker)) failures.push(`cross-org: ${route.key} ${who} answered A's data`);
      }
    }
    const after = {
      a: await orgSnapshot(a.callers.admin.me!.org.id),
      b: await orgSnapshot(b.callers.admin.me!.org.id),
    };
    for (const org of ['a', 'b'] as const) {
      for (const [table, digest] of Object.entries(before[org])) {
        if (after[org][table] !== digest) failures.push(`cross-org: ${org.toUpperCase()}'s ${table} changed`);
      }
    }
    // The same requests with unknown ids instead of A's must be answered alike: existence does not leak.
    for (const { route, req, who, res } of answers) {
      const ids = new Map<string, string>();
      const control = rewrite(req, (s) => (UUID.test(s) ? (ids.get(s) ?? ids.set(s, randomUUID()).get(s)!) : s));
      tally.attempts++;
      const unknown = await send(h, attackers[who as keyof typeof attackers], route, control);
      const alike = JSON.stringify(shape(res)) === JSON.stringify(shape(unknown));
      if (!alike) failures.push(`cross-org: ${route.key} ${who} answers A's ids unlike unknown ids`);
      // Another organization's object is not found; a route this kind of caller may never use is refused alike.
      const pathIds = Object.values(req.params ?? {}).some((v) => UUID.test(v));
      if (pathIds && !(res.statusCode === 404 || (res.statusCode === 403 && alike))) {
        failures.push(`cross-org: ${route.key} ${who} → ${res.statusCode}, not 404`);
      }
    }
    expect(planned.length).toBeGreaterThan(70);
    settle(tally, failures);
  });

  it('writes none of the secrets it used into the log', () => {
    expect(h.logs.length).toBeGreaterThan(50);
    expect(leakedSecrets(h, world.secrets)).toEqual([]);
  });
});
