import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../test/api.js';
import type { Harness, Res } from '../test/harness.js';
import { type DocRoute, isProblem, sampleRequest, send, Tally } from './attack.kit.js';
import { attackStart, type World } from './attack.world.js';
import { settle } from './expected-failures.js';
import { leakedSecrets } from './log-scan.js';
import { ROUTES } from './routes.table.js';

let h: Harness;
let world: World;
let routes: DocRoute[];
beforeAll(async () => {
  ({ h, world, routes } = await attackStart());
});
afterAll(() => h?.close());

const refused = (res: Res, status: number, code: string) =>
  res.statusCode === status && (res.json() as { code?: string }).code === code;
/** A cookie's unsafe request fails the CSRF check before the session is looked up: 403 reveals nothing either. */
const csrfFirst = (label: string, route: DocRoute) => label === 'forged cookie' && route.method !== 'GET';

describe('attack: route table', () => {
  it('classifies every documented route, and documents no route that is gone', () => {
    const documented = routes.map((r) => r.key);
    const unclassified = documented.filter((k) => !ROUTES[k]).map((k) => `classify ${k} in routes.table.ts`);
    const gone = Object.keys(ROUTES)
      .filter((k) => !documented.includes(k))
      .map((k) => `${k} is gone: remove its row`);
    expect([...unclassified, ...gone]).toEqual([]);
  });
});

describe('attack: no session', () => {
  it('answers every non-public route 401 problem+json without credentials, or with forged ones', async () => {
    const tally = new Tally('no-session');
    const failures: string[] = [];
    const forged: [string, Caller | null][] = [
      ['none', null],
      ['forged cookie', { cookie: `dbx_session=${'x'.repeat(43)}`, csrf: 'x'.repeat(43) }],
      ['forged key', { bearer: `dbx_AAAAAAAA_${'B'.repeat(43)}` }],
      ['revoked-looking key', { bearer: 'not-a-key' }],
    ];
    for (const route of routes) {
      const row = ROUTES[route.key];
      if (!row) continue;
      const documentedPublic = route.isPublic;
      if (Boolean(row.public) !== documentedPublic)
        failures.push(`no-session: ${route.key} public in table=${Boolean(row.public)} doc=${documentedPublic}`);
      const req = await sampleRequest(route, world.a);
      for (const [label, who] of forged) {
        tally.attempts++;
        const res = await send(h, who, route, req);
        const ok = row.public
          ? res.statusCode < 500 && (res.statusCode < 400 || isProblem(res))
          : isProblem(res) &&
            (refused(res, 401, 'unauthenticated') || (csrfFirst(label, route) && refused(res, 403, 'csrf_failed')));
        if (!ok) failures.push(`no-session: ${route.key} ${label} → ${res.statusCode}`);
      }
      // Authentication comes before validation: a forged credential learns nothing about the input rules.
      if (!row.public && route.body) {
        tally.attempts++;
        const res = await send(h, forged[2]![1], route, { ...req, body: [] });
        if (res.statusCode !== 401) failures.push(`no-session: ${route.key} forged key + bad body → ${res.statusCode}`);
      }
    }
    settle(tally, failures);
  });

  it('writes none of the secrets it used into the log', () => {
    expect(h.logs.length).toBeGreaterThan(50);
    expect(leakedSecrets(h, world.secrets)).toEqual([]);
  });
});
