import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Caller } from '../test/api.js';
import type { Harness, Res } from '../test/harness.js';
import type { OrgWorld } from './attack.world.js';
import type { RouteRow } from './routes.table.js';
import { ROUTES } from './routes.table.js';

export type JsonSchema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};

export interface DocRoute {
  key: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  queryParams: { name: string; schema: JsonSchema }[];
  body: JsonSchema | null;
  /** The document says it needs no credential (`security: []`). */
  isPublic: boolean;
}

type OpenApi = {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { in: string; name: string; schema: JsonSchema }[];
        security?: unknown[];
        requestBody?: { content: Record<string, { schema: JsonSchema }> };
      }
    >
  >;
};

/** Every operation of the live OpenAPI document: the suite grows with it. */
export async function documentedRoutes(h: Harness): Promise<DocRoute[]> {
  const res = await h.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
  const doc = res.json() as OpenApi;
  return Object.entries(doc.paths).flatMap(([p, ops]) =>
    Object.entries(ops).map(([m, op]) => ({
      key: `${m.toUpperCase()} ${p}`,
      method: m.toUpperCase() as DocRoute['method'],
      path: p,
      queryParams: (op.parameters ?? []).filter((x) => x.in === 'query').map(({ name, schema }) => ({ name, schema })),
      body: op.requestBody?.content['application/json']?.schema ?? null,
      isPublic: Array.isArray(op.security) && op.security.length === 0,
    })),
  );
}

export function rowOf(route: DocRoute): RouteRow {
  const row = ROUTES[route.key];
  if (!row) throw new Error(`classify ${route.key} in server/security/routes.table.ts`);
  return row;
}

export function fillPath(p: string, params: Record<string, string>): string {
  return p.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${p}`);
    return encode(value);
  });
}

/** Percent-encoding that also carries a lone surrogate, as the invalid UTF-8 a hostile client would send. */
export function encode(value: string): string {
  return value
    .split(/([\uD800-\uDFFF])/)
    .map((part) => (/^[\uD800-\uDFFF]$/.test(part) ? '%ED%A0%80' : encodeURIComponent(part)))
    .join('');
}

export interface Request {
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** A JSON value, or a raw string sent as it is. */
  body?: unknown;
  rawBody?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

/** A route's valid request for an organization, as the table describes it. */
export async function sampleRequest(route: DocRoute, o: OrgWorld): Promise<Request> {
  const row = rowOf(route);
  const params = row.params ? await row.params(o) : {};
  const req: Request = { params, query: row.query?.(o) ?? {} };
  if (row.raw) {
    req.rawBody = row.raw.payload;
    req.contentType = row.raw.contentType;
  } else if (row.body) req.body = await row.body(o, params);
  return req;
}

export function send(h: Harness, who: Caller | null, route: DocRoute, req: Request): Promise<Res> {
  const headers: Record<string, string> = { 'user-agent': 'deedbox-attack-suite' };
  if (who?.cookie) headers.cookie = who.cookie;
  if (who?.csrf) headers['x-csrf-token'] = who.csrf;
  if (who?.bearer) headers.authorization = `Bearer ${who.bearer}`;
  let payload: string | undefined;
  if (req.rawBody !== undefined) {
    payload = req.rawBody;
    headers['content-type'] = req.contentType ?? 'application/json';
  } else if (req.body !== undefined) {
    payload = JSON.stringify(req.body);
    headers['content-type'] = 'application/json';
  }
  const qs = Object.entries(req.query ?? {})
    .map(([k, v]) => `${encode(k)}=${encode(v)}`)
    .join('&');
  return h.app.inject({
    method: route.method,
    url: `${fillPath(route.path, req.params ?? {})}${qs ? `?${qs}` : ''}`,
    headers: { ...headers, ...req.headers },
    ...(payload === undefined ? {} : { payload }),
  });
}

export function isProblem(res: Res): boolean {
  if (!String(res.headers['content-type'] ?? '').startsWith('application/problem+json')) return false;
  try {
    const body = res.json() as { status?: number; code?: string };
    return body.status === res.statusCode && typeof body.code === 'string';
  } catch {
    return false;
  }
}

export const describeRes = (res: Res) => `${res.statusCode} ${res.body.slice(0, 200)}`;

/** Attempts and findings of one attack class, written for docs/security.md's table. */
export class Tally {
  attempts = 0;
  findings: string[] = [];
  expected: string[] = [];
  constructor(readonly name: string) {}
  write() {
    const dir = path.resolve('reports/attack');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, `${this.name}.json`),
      JSON.stringify(
        { class: this.name, attempts: this.attempts, findings: this.findings, expectedFailures: this.expected },
        null,
        2,
      ),
    );
  }
}
