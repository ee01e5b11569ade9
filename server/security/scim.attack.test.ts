import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness, Res } from '../test/harness.js';
import { Tally } from './attack.kit.js';
import { attackStart, type World } from './attack.world.js';
import { settle } from './expected-failures.js';
import { DEEP_JSON, MEGABYTE, PROTOTYPE_POLLUTION, STRING_PAYLOADS } from './fuzz.payloads.js';
import { leakedSecrets } from './log-scan.js';
import { orgSnapshot } from './snapshot.js';

/**
 * /scim/v2 is not in the OpenAPI document (it follows RFC 7644, not the API's conventions), so the
 * table-driven files do not reach it: this file attacks it the same ways. Its only credential is the
 * org's provisioning token; sessions and API keys are not one.
 */
let h: Harness;
let world: World;
beforeAll(async () => {
  ({ h, world } = await attackStart());
});
afterAll(() => h?.close());

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH = {
  schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
  Operations: [{ op: 'replace', value: { active: false } }],
};

function send(method: Method, path: string, headers: Record<string, string>, body?: unknown): Promise<Res> {
  return h.app.inject({
    method,
    url: `/scim/v2${path}`,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/scim+json' }) },
    ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

function isScimError(res: Res, status: number): boolean {
  try {
    const body = res.json() as { schemas?: string[]; status?: string };
    return (
      res.statusCode === status &&
      String(res.headers['content-type']).startsWith('application/scim+json') &&
      body.schemas?.[0] === 'urn:ietf:params:scim:api:messages:2.0:Error' &&
      body.status === String(status)
    );
  } catch {
    return false;
  }
}

/** Every SCIM endpoint with a valid request against an object of `ids`. */
const routes = (ids: { user: string; group: string }): [Method, string, unknown?][] => [
  ['GET', '/ServiceProviderConfig'],
  ['GET', '/ResourceTypes'],
  ['GET', '/Schemas'],
  ['GET', '/Users'],
  ['GET', `/Users/${ids.user}`],
  ['POST', '/Users', { schemas: [USER], userName: `attack-${randomUUID().slice(0, 8)}@example.com` }],
  ['PUT', `/Users/${ids.user}`, { schemas: [USER], userName: 'renamed@example.com' }],
  ['PATCH', `/Users/${ids.user}`, PATCH],
  ['DELETE', `/Users/${ids.user}`],
  ['GET', '/Groups'],
  ['GET', `/Groups/${ids.group}`],
  ['POST', '/Groups', { schemas: [GROUP], displayName: `attack ${randomUUID()}` }],
  ['PUT', `/Groups/${ids.group}`, { schemas: [GROUP], displayName: 'renamed' }],
  ['PATCH', `/Groups/${ids.group}`, { ...PATCH, Operations: [{ op: 'replace', path: 'displayName', value: 'x' }] }],
  ['DELETE', `/Groups/${ids.group}`],
];

async function scimUserOf(token: string, marker: string): Promise<string> {
  const res = await send('POST', '/Users', bearer(token), {
    schemas: [USER],
    userName: `${marker.toLowerCase()}-${randomUUID().slice(0, 8)}@example.com`,
    displayName: `${marker} person`,
  });
  if (res.statusCode !== 201) throw new Error(`SCIM user failed: ${res.body}`);
  return (res.json() as { id: string }).id;
}

describe('attack: SCIM', () => {
  it('answers every endpoint 401 SCIM error without the provisioning token, or with any other credential', async () => {
    const tally = new Tally('scim-no-token');
    const failures: string[] = [];
    const { a } = world;
    const ids = { user: await scimUserOf(a.scimToken, a.marker), group: a.ids.scimGroup };
    const forged: [string, Record<string, string>][] = [
      ['none', {}],
      ['forged token', bearer(`dbxscim_${'A'.repeat(43)}`)],
      ['API key', bearer(a.callers.fullKey.bearer!)],
      ['session cookie', { cookie: a.callers.admin.cookie!, 'x-csrf-token': a.callers.admin.csrf! }],
      ['basic', { authorization: 'Basic YWRtaW46YWRtaW4=' }],
    ];
    for (const [method, path, body] of routes(ids)) {
      for (const [label, headers] of forged) {
        tally.attempts++;
        const res = await send(method, path, headers, body);
        if (!isScimError(res, 401)) failures.push(`scim: ${method} ${path} ${label} → ${res.statusCode}`);
      }
      // Authentication comes before parsing: a bad body with a forged token learns nothing.
      if (body !== undefined) {
        tally.attempts++;
        const res = await send(method, path, forged[1]![1], '{"broken":');
        if (res.statusCode !== 401) failures.push(`scim: ${method} ${path} forged + broken body → ${res.statusCode}`);
      }
    }
    settle(tally, failures);
  });

  it("answers B's token with A's ids like unknown ids (404), changing nothing of A's", async () => {
    const tally = new Tally('scim-cross-org');
    const failures: string[] = [];
    const { a, b } = world;
    const ids = { user: await scimUserOf(a.scimToken, a.marker), group: a.ids.scimGroup };
    const before = await orgSnapshot(a.callers.admin.me!.org.id);
    for (const [method, path, body] of routes(ids)) {
      if (!path.includes(ids.user) && !path.includes(ids.group)) continue;
      tally.attempts += 2;
      const res = await send(method, path, bearer(b.scimToken), body);
      const unknown = await send(
        method,
        path.replace(ids.user, randomUUID()).replace(ids.group, randomUUID()),
        bearer(b.scimToken),
        body,
      );
      if (!isScimError(res, 404)) failures.push(`scim: ${method} ${path} B → ${res.statusCode}, not 404`);
      if (res.body.includes(a.marker)) failures.push(`scim: ${method} ${path} answered A's data`);
      if (res.statusCode !== unknown.statusCode)
        failures.push(`scim: ${method} ${path} A's id answered unlike unknown`);
    }
    // Lists and filters under B's token never show A's people or groups.
    for (const path of [
      '/Users',
      '/Groups',
      `/Users?filter=${encodeURIComponent(`userName eq "${a.callers.admin.me!.user!.email}"`)}`,
    ]) {
      tally.attempts++;
      const res = await send('GET', path, bearer(b.scimToken));
      if (res.body.includes(a.marker)) failures.push(`scim: GET ${path} B saw A's data`);
    }
    const after = await orgSnapshot(a.callers.admin.me!.org.id);
    for (const [table, digest] of Object.entries(before)) {
      if (after[table] !== digest) failures.push(`scim: A's ${table} changed`);
    }
    settle(tally, failures);
  });

  it('answers hostile bodies, filters and paths with a 4xx SCIM error or success, never a 5xx', async () => {
    const tally = new Tally('scim-fuzz');
    const failures: string[] = [];
    const { b } = world;
    const token = bearer(b.scimToken);
    const ids = { user: await scimUserOf(b.scimToken, b.marker), group: b.ids.scimGroup };
    const strings = Object.values(STRING_PAYLOADS);
    const cases: [Method, string, unknown?][] = [];
    for (const s of strings) {
      // A lone surrogate cannot be put in an address; it still goes into every body.
      const u = (text: string) => encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, '?'));
      cases.push(['POST', '/Users', { schemas: [USER], userName: s }]);
      cases.push(['POST', '/Users', { schemas: [USER], userName: 'ok@example.com', displayName: s, externalId: s }]);
      cases.push(['GET', `/Users?filter=${u(`userName eq "${s}"`)}`]);
      cases.push(['GET', `/Users?filter=${u(s)}`]);
      cases.push(['GET', `/Users/${u(s)}`]);
      cases.push(['PATCH', `/Users/${ids.user}`, { ...PATCH, Operations: [{ op: 'replace', path: s, value: s }] }]);
      cases.push([
        'PATCH',
        `/Groups/${ids.group}`,
        { ...PATCH, Operations: [{ op: 'add', path: 'members', value: [{ value: s }] }] },
      ]);
      cases.push([
        'PATCH',
        `/Groups/${ids.group}`,
        { ...PATCH, Operations: [{ op: 'remove', path: `members[value eq "${s}"]` }] },
      ]);
      cases.push(['POST', '/Groups', { schemas: [GROUP], displayName: s }]);
    }
    for (const raw of [DEEP_JSON, MEGABYTE, ...PROTOTYPE_POLLUTION, '[]', 'null', '"x"', '{"schemas":"x"}']) {
      cases.push(['POST', '/Users', raw], ['PUT', `/Users/${ids.user}`, raw], ['PATCH', `/Groups/${ids.group}`, raw]);
    }
    cases.push(['GET', '/Users?startIndex=-1&count=99999999999'], ['GET', '/Users?count=abc'], ['GET', '/Nope']);
    for (const [method, path, body] of cases) {
      tally.attempts++;
      const res = await send(method, path, token, body);
      if (res.statusCode >= 500) failures.push(`scim: ${method} ${path.slice(0, 80)} → ${res.statusCode}`);
      else if (res.statusCode >= 400 && !isScimError(res, res.statusCode)) {
        failures.push(`scim: ${method} ${path.slice(0, 80)} → ${res.statusCode} not a SCIM error`);
      }
    }
    expect(({}.constructor.prototype as Record<string, unknown>).polluted).toBeUndefined();
    settle(tally, failures);
  });

  it('writes none of the secrets it used into the log', () => {
    expect(leakedSecrets(h, world.secrets)).toEqual([]);
  });
});
