import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Caller } from '../test/api.js';
import type { Harness, Res } from '../test/harness.js';
import { type DocRoute, isProblem, rowOf, sampleRequest, send, Tally } from './attack.kit.js';
import { attackStart, type World } from './attack.world.js';
import { settle } from './expected-failures.js';
import { fuzzCases } from './fuzz.cases.js';
import { MEGABYTE } from './fuzz.payloads.js';
import { leakedSecrets } from './log-scan.js';

let h: Harness;
let world: World;
let routes: DocRoute[];
beforeAll(async () => {
  ({ h, world, routes } = await attackStart());
  // Routes that end the caller's session go last.
  routes.sort((x, y) => Number(!!rowOf(x).spendsSession) - Number(!!rowOf(y).spendsSession));
});
afterAll(() => h?.close());

/** A member signed in for one route's attempts, its secrets known to the log scan. */
async function disposableMember(): Promise<Caller> {
  const member = await addMember(h, world.a.callers.admin);
  world.secrets.addCaller(member);
  return member;
}

/** A bad request is answered 4xx problem+json, a good one 2xx/3xx: never 5xx. */
const sound = (res: Res) => res.statusCode < 400 || (res.statusCode < 500 && isProblem(res));

describe('attack: fuzzed input', () => {
  it('answers malformed, mistyped, huge, deep, hostile and impossible input 4xx problem+json, never 5xx', async () => {
    const tally = new Tally('fuzz');
    const failures: string[] = [];
    const { a } = world;
    for (const route of routes) {
      const row = rowOf(route);
      // A route that ends sessions (sign-out, a password change a payload satisfies) spends a member of its own.
      const who: Caller | null = row.public ? null : row.spendsSession ? await disposableMember() : a.callers.admin;
      const sample = await sampleRequest(route, a);
      for (const [cls, where, req] of fuzzCases(route, sample)) {
        tally.attempts++;
        const res = await send(h, who, route, req).catch((e: Error) => e);
        if (res instanceof Error) failures.push(`fuzz: ${cls} ${route.key} ${where} no answer: ${res.message}`);
        else if (!sound(res)) failures.push(`fuzz: ${cls} ${route.key} ${where}`);
      }
    }
    expect(({} as Record<string, unknown>).polluted, 'Object.prototype was polluted').toBeUndefined();
    expect(tally.attempts).toBeGreaterThan(1500);
    settle(tally, failures);
  });

  it('refuses a body over the limit with 413 problem+json', async () => {
    const route = routes.find((r) => r.key === 'POST /api/v1/contracts')!;
    const res = await send(h, world.a.callers.admin, route, { body: { title: `${MEGABYTE}x`, lifecycle: {} } });
    expect(res.statusCode).toBe(413);
    expect(isProblem(res)).toBe(true);
  });

  it('answers ten identical requests at once with no 5xx', async () => {
    const tally = new Tally('concurrent');
    const failures: string[] = [];
    const { b } = world;
    // Every request is made first: objects an attempt needs exist before the storm.
    const planned = [];
    for (const route of routes) {
      const row = rowOf(route);
      if (route.method === 'GET' || row.spendsSession) continue;
      planned.push({ route, row, sample: await sampleRequest(route, b) });
    }
    for (const { route, row, sample } of planned) {
      const who = row.public ? null : b.callers.admin;
      tally.attempts += 10;
      const answers = await Promise.all(Array.from({ length: 10 }, () => send(h, who, route, sample)));
      const bad = answers.filter((res) => !sound(res)).map((res) => res.statusCode);
      if (bad.length) failures.push(`concurrent: ${route.key}`);
    }
    settle(tally, failures, { races: true });
  });

  it('writes none of the secrets it used into the log', () => {
    expect(h.logs.length).toBeGreaterThan(50);
    expect(leakedSecrets(h, world.secrets)).toEqual([]);
  });
});
