import { ScimError } from './scim.errors.js';

/** One `attribute eq "value"` comparison; attribute names are matched case-insensitively (RFC 7643 §2.1). */
export interface Equality {
  attribute: string;
  value: string;
}

const COMPARISON =
  /^\s*([A-Za-z][\w.:]*(?:\[value\s+eq\s+"(?:[^"\\]|\\.)*"\])?)\s+eq\s+("(?:[^"\\]|\\.)*"|true|false)\s*/i;
const MEMBER = /^members\[value\s+eq\s+("(?:[^"\\]|\\.)*")\]$/i;

/**
 * Parses the filters identity providers send: `eq` comparisons joined by `and`, e.g.
 * `userName eq "a@b.example"`. `allowed` maps lower-cased attribute names to the canonical one.
 * Anything else is refused as `invalidFilter`, never silently ignored.
 */
export function parseFilter(filter: string, allowed: Record<string, string>): Equality[] {
  if (filter.length > 1000) throw ScimError.bad('invalidFilter', 'The filter is too long.');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(filter))
    throw ScimError.bad('invalidFilter', 'The filter contains control characters.');
  const found: Equality[] = [];
  let rest = filter.trim();
  for (;;) {
    const bracket = /^(members\[value\s+eq\s+"(?:[^"\\]|\\.)*"\])\s*/i.exec(rest);
    if (bracket) {
      const value = quoted(MEMBER.exec(bracket[1]!)![1]!);
      const attribute = allowed['members.value'];
      if (!attribute) throw unsupported(bracket[1]!);
      found.push({ attribute, value });
      rest = rest.slice(bracket[0].length);
    } else {
      const match = COMPARISON.exec(rest);
      if (!match) throw unsupported(rest);
      const attribute = allowed[match[1]!.toLowerCase()];
      if (!attribute) throw unsupported(match[1]!);
      const raw = match[2]!;
      found.push({ attribute, value: raw.startsWith('"') ? quoted(raw) : raw.toLowerCase() });
      rest = rest.slice(match[0].length);
    }
    if (rest === '') return found;
    const and = /^and\s+/i.exec(rest);
    if (!and) throw unsupported(rest);
    rest = rest.slice(and[0].length);
  }
}

/** A JSON string literal, as SCIM filters quote values. */
function quoted(literal: string): string {
  try {
    return JSON.parse(literal) as string;
  } catch {
    throw ScimError.bad('invalidFilter', `${literal.slice(0, 60)} is not a valid quoted string.`);
  }
}

function unsupported(part: string): ScimError {
  return ScimError.bad(
    'invalidFilter',
    `Unsupported filter near "${part.slice(0, 60)}": only "attribute eq value" comparisons joined by "and" are supported.`,
  );
}
