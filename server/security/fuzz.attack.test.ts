import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../test/api.js';
import { type Harness, type Res, startHarness } from '../test/harness.js';
import {
  type DocRoute,
  documentedRoutes,
  isProblem,
  type Request,
  rowOf,
  sampleRequest,
  send,
  Tally,
} from './attack.kit.js';
import { buildWorld, type World } from './attack.world.js';
import { settle } from './expected-failures.js';
import {
  DATE_PAYLOADS,
  DEEP_JSON,
  fieldsOf,
  kindOf,
  MEGABYTE,
  NUMBER_PAYLOADS,
  NUMBER_QUERY_PAYLOADS,
  PROTOTYPE_POLLUTION,
  STRING_PAYLOADS,
  setAt,
  wrongType,
} from './fuzz.payloads.js';
import { leakedSecrets } from './log-scan.js';

let h: Harness;
let world: World;
let routes: DocRoute[];
beforeAll(async () => {
  h = await startHarness();
  world = await buildWorld(h);
  routes = await documentedRoutes(h);
  // Routes that end the caller's session go last.
  routes.sort((x, y) => Number(!!rowOf(x).spendsSession) - Number(!!rowOf(y).spendsSession));
});
afterAll(() => h?.close());

/** A bad request is answered 4xx problem+json, a good one 2xx/3xx: never 5xx. */
const sound = (res: Res) => res.statusCode < 400 || (res.statusCode < 500 && isProblem(res));

/** Where the 1 MB strings go: a few routes of each kind, not all. */
const MEGABYTE_TARGETS: Record<string, string> = {
  'POST /api/v1/contracts': 'body.title',
  'PATCH /api/v1/contracts/{id}': 'body.description',
  'POST /api/v1/partners': 'body.name',
  'GET /api/v1/contracts': 'query.q',
  'GET /api/v1/partners': 'query.q',
  'GET /api/v1/users/directory': 'query.q',
};

describe('attack: fuzzed input', () => {
  it('answers malformed, mistyped, huge, deep, hostile and impossible input 4xx problem+json, never 5xx', async () => {
    const tally = new Tally('fuzz');
    const failures: string[] = [];
    const { a } = world;
    for (const route of routes) {
      const row = rowOf(route);
      const who: Caller | null = row.public ? null : a.callers.admin;
      const sample = await sampleRequest(route, a);
      const attempt = async (cls: string, where: string, req: Request) => {
        tally.attempts++;
        const res = await send(h, who, route, req).catch((e: Error) => e);
        if (res instanceof Error) failures.push(`fuzz: ${cls} ${route.key} ${where} no answer: ${res.message}`);
        else if (!sound(res)) failures.push(`fuzz: ${cls} ${route.key} ${where}`);
      };
      // Path parameters: not ids, hostile text.
      for (const name of Object.keys(sample.params ?? {})) {
        for (const [cls, value] of Object.entries({ ...STRING_PAYLOADS, notId: 'not-a-uuid', sql: "1' OR '1'='1" })) {
          if (cls === 'long' && value.length > 1000) continue;
          await attempt(cls, `path.${name}`, { ...sample, params: { ...sample.params, [name]: value } });
        }
      }
      // Query parameters: every documented one, whether the sample uses it or not.
      for (const { name, schema } of route.queryParams) {
        const kind = kindOf(schema);
        const values: [string, string][] =
          kind === 'date'
            ? DATE_PAYLOADS.map((d) => ['date', d])
            : kind === 'number'
              ? NUMBER_QUERY_PAYLOADS.map((n) => ['number', n])
              : Object.entries(STRING_PAYLOADS);
        if (/(From|To|^from|^to|asOf)$/.test(name) && kind !== 'date')
          values.push(...DATE_PAYLOADS.map((d): [string, string] => ['date', d]));
        for (const [cls, value] of values)
          await attempt(cls, `query.${name}`, { ...sample, query: { ...sample.query, [name]: value } });
        if (MEGABYTE_TARGETS[route.key] === `query.${name}`)
          await attempt('megabyte', `query.${name}`, { ...sample, query: { ...sample.query, [name]: MEGABYTE } });
      }
      if (!route.body) continue;
      // The body as a whole.
      await attempt('malformed', 'body', {
        ...sample,
        body: undefined,
        rawBody: '{"title":',
        contentType: 'application/json',
      });
      await attempt('deep', 'body', {
        ...sample,
        body: undefined,
        rawBody: DEEP_JSON,
        contentType: 'application/json',
      });
      await attempt('type', 'body', { ...sample, body: 'a string' });
      for (const [i, raw] of PROTOTYPE_POLLUTION.entries()) {
        const merged = `${raw.slice(0, -1)},${JSON.stringify(sample.body ?? {}).slice(1)}`.replace(',}', '}');
        await attempt('prototype', `body#${i}`, {
          ...sample,
          body: undefined,
          rawBody: merged,
          contentType: 'application/json',
        });
      }
      // Each field: the wrong type, and each payload of its kind.
      for (const field of fieldsOf(route.body)) {
        const where = `body.${field.path.join('.')}`;
        const at = (value: unknown): Request => ({ ...sample, body: setAt(sample.body, field.path, value) });
        const wrong = wrongType(field.schema);
        if (wrong !== Symbol.for('skip')) await attempt('type', where, at(wrong));
        const kind = kindOf(field.schema);
        if (kind === 'string')
          for (const [cls, value] of Object.entries(STRING_PAYLOADS)) await attempt(cls, where, at(value));
        if (kind === 'date') for (const value of DATE_PAYLOADS) await attempt('date', where, at(value));
        if (kind === 'number') for (const value of NUMBER_PAYLOADS) await attempt('number', where, at(value));
        if (MEGABYTE_TARGETS[route.key] === where) await attempt('megabyte', where, at(MEGABYTE));
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
