import type { JsonSchema } from './attack.kit.js';

/** Hostile strings: each text field and query parameter gets each once. */
export const STRING_PAYLOADS: Record<string, string> = {
  nul: 'a\u0000b',
  surrogate: 'a\uD800b',
  sql: "' OR '1'='1' --; DROP TABLE contracts; /* % _ \\ */",
  long: 'x'.repeat(20_000),
};

/** Impossible and extreme dates for every date field and parameter. */
export const DATE_PAYLOADS = ['9999-12-31', '0000-01-01', '2023-02-30', '1899-12-31', '2201-01-01', '+275760-09-13'];

export const NUMBER_PAYLOADS = [1e308, -1, 2 ** 53 + 1, 0.5];
export const NUMBER_QUERY_PAYLOADS = ['-1', '1e309', 'NaN', '99999999999999999999'];

export const MEGABYTE = 'm'.repeat(1024 * 1024);

/** `[[[[…]]]]` far deeper than any input. */
export const DEEP_JSON = `${'['.repeat(5000)}${']'.repeat(5000)}`;

export const PROTOTYPE_POLLUTION = [
  '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
  '{"a":{"__proto__":{"polluted":true}},"prototype":{"polluted":true}}',
];

export interface Field {
  path: (string | number)[];
  schema: JsonSchema;
}

const typeOf = (s: JsonSchema): string | undefined => {
  if (Array.isArray(s.type)) return s.type.find((t) => t !== 'null');
  return s.type ?? (s.properties ? 'object' : undefined);
};

/** Every leaf and container of a request schema, with the path to put a value at. */
export function fieldsOf(schema: JsonSchema | null, path: (string | number)[] = [], depth = 0): Field[] {
  if (!schema || depth > 4) return [];
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) {
    const concrete = variants.find((v) => typeOf(v) && typeOf(v) !== 'null');
    return concrete ? fieldsOf(concrete, path, depth) : [];
  }
  const here: Field[] = path.length ? [{ path, schema }] : [];
  const type = typeOf(schema);
  if (type === 'object' && schema.properties) {
    return [...here, ...Object.entries(schema.properties).flatMap(([k, v]) => fieldsOf(v, [...path, k], depth + 1))];
  }
  if (type === 'array' && schema.items) return [...here, ...fieldsOf(schema.items, [...path, 0], depth + 1)];
  return here;
}

export const kindOf = (schema: JsonSchema): 'date' | 'string' | 'number' | 'boolean' | 'array' | 'object' | 'other' => {
  const type = typeOf(schema);
  if (type === 'string') return schema.format === 'date' ? 'date' : 'string';
  if (type === 'number' || type === 'integer') return 'number';
  if (type === 'boolean' || type === 'array' || type === 'object') return type;
  return 'other';
};

/** A value of the wrong type for the field. */
export function wrongType(schema: JsonSchema): unknown {
  switch (kindOf(schema)) {
    case 'string':
    case 'date':
      return { $ne: null };
    case 'number':
      return '7; select 1';
    case 'boolean':
      return 'yes';
    case 'array':
      return { 0: 'a' };
    case 'object':
      return ['x'];
    default:
      return Symbol.for('skip');
  }
}

/** A deep copy of `body` with `value` at `path`, creating what is missing on the way. */
export function setAt(body: unknown, path: (string | number)[], value: unknown): unknown {
  const root: unknown = structuredClone(body ?? {});
  let node = root as Record<string | number, unknown>;
  path.forEach((key, i) => {
    if (i === path.length - 1) {
      node[key] = value;
      return;
    }
    const next = node[key];
    if (next === null || typeof next !== 'object') node[key] = typeof path[i + 1] === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  });
  return root;
}
