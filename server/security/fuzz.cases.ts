import type { DocRoute, Request } from './attack.kit.js';
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

export type FuzzCase = [cls: string, where: string, req: Request];

/** Where the 1 MB strings go: a few routes of each kind, not all. */
const MEGABYTE_TARGETS: Record<string, string> = {
  'POST /api/v1/contracts': 'body.title',
  'PATCH /api/v1/contracts/{id}': 'body.description',
  'POST /api/v1/partners': 'body.name',
  'GET /api/v1/contracts': 'query.q',
  'GET /api/v1/partners': 'query.q',
  'GET /api/v1/users/directory': 'query.q',
};

/**
 * The hostile variants of a route's valid request: each path parameter, query parameter and body
 * field gets each payload of its kind once; the body as a whole is malformed, deep, mistyped and polluted.
 */
export function* fuzzCases(route: DocRoute, sample: Request): Generator<FuzzCase> {
  // Path parameters: not ids, hostile text.
  for (const name of Object.keys(sample.params ?? {})) {
    for (const [cls, value] of Object.entries({ ...STRING_PAYLOADS, notId: 'not-a-uuid', sql: "1' OR '1'='1" })) {
      if (cls === 'long' && value.length > 1000) continue;
      yield [cls, `path.${name}`, { ...sample, params: { ...sample.params, [name]: value } }];
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
      yield [cls, `query.${name}`, { ...sample, query: { ...sample.query, [name]: value } }];
    if (MEGABYTE_TARGETS[route.key] === `query.${name}`)
      yield ['megabyte', `query.${name}`, { ...sample, query: { ...sample.query, [name]: MEGABYTE } }];
  }
  if (!route.body) return;
  const raw = (rawBody: string): Request => ({ ...sample, body: undefined, rawBody, contentType: 'application/json' });
  // The body as a whole.
  yield ['malformed', 'body', raw('{"title":')];
  yield ['deep', 'body', raw(DEEP_JSON)];
  yield ['type', 'body', { ...sample, body: 'a string' }];
  for (const [i, keys] of PROTOTYPE_POLLUTION.entries()) {
    const merged = `${keys.slice(0, -1)},${JSON.stringify(sample.body ?? {}).slice(1)}`.replace(',}', '}');
    yield ['prototype', `body#${i}`, raw(merged)];
  }
  // Each field: the wrong type, and each payload of its kind.
  for (const field of fieldsOf(route.body)) {
    const where = `body.${field.path.join('.')}`;
    const at = (value: unknown): Request => ({ ...sample, body: setAt(sample.body, field.path, value) });
    const wrong = wrongType(field.schema);
    if (wrong !== Symbol.for('skip')) yield ['type', where, at(wrong)];
    const kind = kindOf(field.schema);
    if (kind === 'string') for (const [cls, value] of Object.entries(STRING_PAYLOADS)) yield [cls, where, at(value)];
    if (kind === 'date') for (const value of DATE_PAYLOADS) yield ['date', where, at(value)];
    if (kind === 'number') for (const value of NUMBER_PAYLOADS) yield ['number', where, at(value)];
    if (MEGABYTE_TARGETS[route.key] === where) yield ['megabyte', where, at(MEGABYTE)];
  }
}
