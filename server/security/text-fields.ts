/**
 * Walks the request bodies of the OpenAPI document for the fields a person types free text into,
 * so the attack suite puts a payload in every one, a new field included, without a list by hand.
 */
export interface JsonSchema {
  type?: string;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  maxLength?: number;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
}

/**
 * Strings that are not free text: secrets, addresses, codes and values the server parses (time
 * zones, ISO durations, currencies, countries, sort keys, column keys, file mappings).
 */
const NOT_TEXT =
  /(^|\.)(password|currentPassword|newPassword|token|email|emails|timeZone|currency|country|locale|initialTerm|renewalTerm|noticePeriod|sort|columns|mapping|ignoredColumns|contractNumberPattern|key)(\.|\[|$)/;

export interface TextField {
  /** Dotted path; `[]` marks an array's items, `*` an open object's values. */
  path: string;
  maxLength: number;
}

function isText(schema: JsonSchema): boolean {
  return schema.type === 'string' && !schema.enum && !schema.format && !schema.pattern;
}

function walk(schema: JsonSchema | undefined, path: string, out: TextField[]) {
  if (!schema) return;
  for (const alternative of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) walk(alternative, path, out);
  if (schema.type === 'object') {
    for (const [name, child] of Object.entries(schema.properties ?? {}))
      walk(child, path ? `${path}.${name}` : name, out);
    if (typeof schema.additionalProperties === 'object') walk(schema.additionalProperties, `${path}.*`, out);
  } else if (schema.type === 'array') {
    walk(schema.items, `${path}[]`, out);
  } else if (isText(schema) && !NOT_TEXT.test(path)) {
    out.push({ path, maxLength: schema.maxLength ?? 2_000 });
  }
}

export function jsonBodyOf(doc: OpenApiDocument, method: string, path: string): JsonSchema | undefined {
  return doc.paths[path]?.[method.toLowerCase()]?.requestBody?.content?.['application/json']?.schema;
}

/** The free-text fields of one schema, deduplicated (anyOf alternatives repeat them). */
export function textFieldsOf(schema: JsonSchema | undefined): TextField[] {
  const out: TextField[] = [];
  walk(schema, '', out);
  return [...new Map(out.map((f) => [f.path, f])).values()];
}

/** Every write operation of the document with the free-text fields its JSON body has. */
export function writeOperations(doc: OpenApiDocument): { op: string; fields: TextField[] }[] {
  const ops: { op: string; fields: TextField[] }[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const method of Object.keys(methods)) {
      if (!['post', 'put', 'patch'].includes(method)) continue;
      const fields = textFieldsOf(jsonBodyOf(doc, method, path));
      if (fields.length > 0) ops.push({ op: `${method.toUpperCase()} ${path.replace(/^\/api\/v1/, '')}`, fields });
    }
  }
  return ops;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * `base` with every free-text field set to `text(field)`: arrays get one item, missing objects are
 * made, open objects (`*`) are left as `base` has them (their keys are the caller's to choose).
 */
export function withPayloads(schema: JsonSchema | undefined, base: Json, text: (field: TextField) => string): Json {
  const result = structuredClone(base) as { [key: string]: Json };
  for (const field of textFieldsOf(schema)) {
    if (field.path.includes('*')) continue;
    const steps = field.path.split('.');
    let at: { [key: string]: Json } = result;
    for (const [i, raw] of steps.entries()) {
      const isArray = raw.endsWith('[]');
      const name = isArray ? raw.slice(0, -2) : raw;
      const last = i === steps.length - 1;
      if (last) {
        const value = text(field);
        at[name] = isArray ? [value] : value;
        break;
      }
      if (isArray) {
        const list = (Array.isArray(at[name]) && (at[name] as Json[]).length > 0 ? at[name] : [{}]) as Json[];
        at[name] = list;
        at = list[0] as { [key: string]: Json };
      } else {
        if (typeof at[name] !== 'object' || at[name] === null || Array.isArray(at[name])) at[name] = {};
        at = at[name] as { [key: string]: Json };
      }
    }
  }
  return result;
}
