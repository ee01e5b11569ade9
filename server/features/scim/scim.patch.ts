import { ScimError } from './scim.errors.js';

export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

export interface PatchOperation {
  op: 'add' | 'replace' | 'remove';
  /** As sent, trimmed; null when the operation names no path (Okta's `{"op":"replace","value":{…}}`). */
  path: string | null;
  value: unknown;
}

const OPS = new Set(['add', 'replace', 'remove']);

/** A PatchOp body (RFC 7644 §3.5.2); `op` in any letter case, as Entra ID sends `Replace`. */
export function parsePatch(body: unknown): PatchOperation[] {
  const request = object(body, 'The body');
  const schemas = request.schemas;
  if (!Array.isArray(schemas) || !schemas.includes(PATCH_OP)) {
    throw ScimError.bad('invalidSyntax', `schemas must contain "${PATCH_OP}".`);
  }
  const operations = request.Operations ?? request.operations;
  if (!Array.isArray(operations) || operations.length === 0) {
    throw ScimError.bad('invalidSyntax', 'Operations must be a non-empty array.');
  }
  if (operations.length > 1000) throw ScimError.bad('tooMany', 'At most 1000 operations per request.');
  return operations.map((raw, i) => {
    const operation = object(raw, `Operations[${i}]`);
    const op = typeof operation.op === 'string' ? operation.op.toLowerCase() : '';
    if (!OPS.has(op)) {
      throw ScimError.bad('invalidSyntax', `Operations[${i}].op must be add, replace or remove.`);
    }
    if (operation.path !== undefined && typeof operation.path !== 'string') {
      throw ScimError.bad('invalidPath', `Operations[${i}].path must be a string.`);
    }
    const path = typeof operation.path === 'string' && operation.path.trim() !== '' ? operation.path.trim() : null;
    if (op === 'remove' && path === null) {
      throw ScimError.bad('noTarget', `Operations[${i}]: remove needs a path.`);
    }
    if (op !== 'remove' && operation.value === undefined) {
      throw ScimError.bad('invalidValue', `Operations[${i}]: ${op} needs a value.`);
    }
    return { op: op as PatchOperation['op'], path, value: operation.value };
  });
}

export function object(value: unknown, what: string): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw ScimError.bad('invalidSyntax', `${what} must be a JSON object.`);
  }
  return value as Record<string, unknown>;
}

/** A boolean as SCIM clients send it: `false`, or Entra ID's `"False"`. */
export function booleanOf(value: unknown, what: string): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  throw ScimError.bad('invalidValue', `${what} must be true or false.`);
}

/** A string attribute, or null to clear it; `max` bounds what is stored. */
export function stringOf(value: unknown, what: string, max = 500): string | null {
  if (value === null) return null;
  if (typeof value !== 'string') throw ScimError.bad('invalidValue', `${what} must be a string.`);
  const trimmed = value.trim();
  if (trimmed.length > max) throw ScimError.bad('invalidValue', `${what} must be at most ${max} characters.`);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(trimmed))
    throw ScimError.bad('invalidValue', `${what} contains control characters.`);
  return trimmed === '' ? null : trimmed;
}
