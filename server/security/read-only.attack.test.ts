import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, call, callerFrom, PASSWORD } from '../test/api.js';
import type { Harness } from '../test/harness.js';
import { type DocRoute, isProblem, type Request, rowOf, sampleRequest, send, Tally } from './attack.kit.js';
import { attackStart, type World } from './attack.world.js';
import { settle } from './expected-failures.js';

let h: Harness;
let world: World;
let routes: DocRoute[];
beforeAll(async () => {
  ({ h, world, routes } = await attackStart());
});
afterAll(() => h?.close());

async function freshSession(who: Caller): Promise<Caller> {
  const res = await call(h, null, 'POST', '/auth/sign-in', { email: who.me!.user!.email, password: PASSWORD });
  return callerFrom(res);
}

const refusedReadOnly = (status: number, body: string) =>
  status === 403 && (JSON.parse(body) as { code?: string }).code === 'account_read_only';

/**
 * Read-only by construction: once organization A's subscription is cancelled and its paid period
 * over, every write route refuses its administrator and its full API key with account_read_only,
 * except the routes that declare `whileReadOnly` (marked so in routes.table.ts); reads still answer.
 */
describe('attack: a read-only (cancelled) account', () => {
  it('refuses every write that does not declare whileReadOnly, and only those', async () => {
    const tally = new Tally('read-only');
    const failures: string[] = [];
    const { a, b } = world;
    // Reactivating ends the state under test: it comes last, below.
    const own = routes.filter((r) => !rowOf(r).public && r.key !== 'POST /api/v1/subscription/reactivate');
    // Every request is made up while A can still write: some need a fresh object to act on.
    const requests = new Map<string, Request>();
    for (const route of own) requests.set(route.key, await sampleRequest(route, a));
    // The table leaves out cancel's confirmation (the other suites must not cancel); here it is valid.
    requests.get('POST /api/v1/subscription/cancel')!.body = { confirm: true };
    const cancelled = await call(h, a.callers.admin, 'POST', '/subscription/cancel', { confirm: true });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', readOnly: true });

    const ordered = [...own].sort((x, y) => Number(!!rowOf(x).spendsSession) - Number(!!rowOf(y).spendsSession));
    for (const route of ordered) {
      const row = rowOf(route);
      const writes = route.method !== 'GET';
      for (const [who, caller] of [
        ['admin', a.callers.admin],
        ['fullKey', a.callers.fullKey],
      ] as const) {
        if (row.spendsSession && who === 'fullKey') continue;
        const as = row.spendsSession ? await freshSession(caller) : caller;
        tally.attempts++;
        const res = await send(h, as, route, requests.get(route.key)!);
        const refused = res.statusCode === 403 && isProblem(res) && refusedReadOnly(res.statusCode, res.body);
        if (res.statusCode >= 500) failures.push(`read-only: ${route.key} ${who} → ${res.statusCode}`);
        if (writes && !row.whileReadOnly && !refused) {
          failures.push(`read-only: ${route.key} ${who} → ${res.statusCode}, not refused as account_read_only`);
        }
        if ((!writes || row.whileReadOnly) && refused) {
          failures.push(
            `read-only: ${route.key} ${who} → refused, but it ${writes ? 'declares whileReadOnly' : 'reads'}`,
          );
        }
      }
    }
    // Organization B writes as before.
    const other = await call(h, b.callers.admin, 'POST', '/partners', { name: `${b.marker} still`, type: 'both' });
    expect(other.statusCode).toBe(201);
    // Reactivation restores everything (a new sign-in: signing out everywhere ended the others).
    const admin = await freshSession(a.callers.admin);
    expect((await call(h, admin, 'POST', '/subscription/reactivate')).statusCode).toBe(200);
    const back = await call(h, admin, 'POST', '/partners', { name: `${a.marker} back`, type: 'both' });
    expect(back.statusCode).toBe(201);
    expect(tally.attempts).toBeGreaterThan(150);
    settle(tally, failures);
  });
});
