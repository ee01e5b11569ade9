import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, call, callerFrom, PASSWORD } from '../test/api.js';
import type { Harness } from '../test/harness.js';
import { type DocRoute, isProblem, rowOf, sampleRequest, send, Tally } from './attack.kit.js';
import { attackStart, ROLES, type Role, type World } from './attack.world.js';
import { settle } from './expected-failures.js';
import { leakedSecrets } from './log-scan.js';
import { expectedFor } from './routes.table.js';

let h: Harness;
let world: World;
let routes: DocRoute[];
beforeAll(async () => {
  ({ h, world, routes } = await attackStart());
});
afterAll(() => h?.close());

/** Lower roles first, so that what they may not do is still there for the administrator. */
const ORDER: Role[] = ['otherEditor', 'viewer', 'noRole', 'unitKey', 'admin'];

async function freshSession(who: Caller): Promise<Caller> {
  if (!who.me?.user) return who;
  const res = await call(h, null, 'POST', '/auth/sign-in', { email: who.me.user.email, password: PASSWORD });
  const caller = callerFrom(res);
  world.secrets.addCaller(caller);
  return caller;
}

describe('attack: roles', () => {
  it('answers each role on every route as the table in routes.table.ts says', async () => {
    const tally = new Tally('roles');
    const failures: string[] = [];
    const observed: string[] = [];
    const { a } = world;
    // Routes that end the caller's session run last.
    const ordered = [...routes].sort((x, y) => Number(!!rowOf(x).spendsSession) - Number(!!rowOf(y).spendsSession));
    for (const route of ordered) {
      const row = rowOf(route);
      if (row.public) continue;
      const statuses: Partial<Record<Role, number>> = {};
      for (const role of ORDER) {
        const caller = row.spendsSession ? await freshSession(a.callers[role]) : a.callers[role];
        tally.attempts++;
        const res = await send(h, caller, route, await sampleRequest(route, a));
        statuses[role] = res.statusCode;
        if (res.statusCode >= 400 && !isProblem(res)) failures.push(`roles: ${route.key} ${role} → not problem+json`);
        const expected = expectedFor(row, role);
        if (expected !== res.statusCode) {
          failures.push(`roles: ${route.key} ${role} → ${res.statusCode}, table says ${expected}`);
        }
      }
      observed.push(`  '${route.key}': [${ROLES.map((r) => statuses[r]).join(', ')}],`);
    }
    if (process.env.ATTACK_RECORD) console.log(observed.join('\n'));
    expect(tally.attempts).toBeGreaterThan(400);
    settle(tally, failures);
  });

  it('writes none of the secrets it used into the log', () => {
    expect(h.logs.length).toBeGreaterThan(50);
    expect(leakedSecrets(h, world.secrets)).toEqual([]);
  });
});
