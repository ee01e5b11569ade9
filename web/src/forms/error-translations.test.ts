import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PATTERN_FAULTS } from '../../../common/numbering.js';
import { ERROR_CODES, REASONS } from '../../../server/platform/errors.js';
import { de } from '../i18n/de.js';
import { en } from '../i18n/en.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.includes('.test.') ? [path] : [];
  });
}

// Proof steps of the term engine are called "rules" too, but they are explanations, not errors.
const PROOF_FILES = ['deadline.ts', 'computed.ts', 'renewals.ts', 'indefinite.ts', 'resolve.ts'].map((f) =>
  join('common', 'terms', f),
);
const files = [...sources(join(ROOT, 'server')), ...sources(join(ROOT, 'common'))]
  .map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }))
  .filter(({ path }) => !PROOF_FILES.includes(path) && !path.startsWith(join('server', 'test')));

const literals = (union: string) => [...union.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]!);
const UNION = `'[a-z_]+'(?:\\s*\\|\\s*'[a-z_]+')*`;

/** Every validation rule the server can answer with, found the ways the code writes them. */
function serverRules(): Set<string> {
  const rules = new Set<string>();
  const add = (values: string[]) => {
    for (const value of values) rules.add(value);
  };
  for (const { text } of files) {
    for (const m of text.matchAll(/AppError\.invalid\(\s*(?:'[^']*'|`[^`]*`|[\w.[\]]+)\s*,\s*'([a-z_]+)'/g))
      add([m[1]!]);
    for (const m of text.matchAll(new RegExp(`\\brule\\??:\\s*(${UNION})`, 'g'))) add(literals(m[1]!));
    for (const m of text.matchAll(new RegExp(`type \\w*(?:Rule|Problem) =\\s*\\|?\\s*(${UNION})`, 'g')))
      add(literals(m[1]!));
    // Local shorthands: `bad(rule, message)` or `bad(field, rule, message)`.
    const bad = /const bad = \((\w+): string/.exec(text)?.[1];
    const argument = bad === 'rule' ? /\bbad\(\s*'([a-z_]+)'/g : /\bbad\(\s*(?:'[^']*'|[\w.]+)\s*,\s*'([a-z_]+)'/g;
    if (bad) for (const m of text.matchAll(argument)) add([m[1]!]);
  }
  // What zod reports for a schema check that has no rule of its own (zod 4's issue codes).
  add(['too_big', 'too_small', 'invalid_type', 'invalid_format', 'invalid_value', 'unrecognized_keys']);
  add(['invalid_union', 'invalid_key', 'invalid_element', 'not_multiple_of']);
  return rules;
}

/** Lists whose names must be unique: "A category named “X” already exists." */
function uniqueEntities(): Set<string> {
  return new Set(files.flatMap(({ text }) => [...text.matchAll(/\bentity: '([a-z_]+)',\s*value:/g)].map((m) => m[1]!)));
}

function missingIn(keys: string[]) {
  return {
    en: keys.filter((key) => !Object.hasOwn(en, key)),
    de: keys.filter((key) => !Object.hasOwn(de, key) || de[key as keyof typeof de] === en[key as keyof typeof en]),
  };
}

describe('every error the server can send has an English and a German message', () => {
  it('finds the rules it checks (the scan itself works)', () => {
    const rules = serverRules();
    for (const known of ['unique', 'unknown_partner', 'end_before_start', 'too_short', 'csv_syntax', 'too_big'])
      expect(rules).toContain(known);
    expect(uniqueEntities()).toEqual(
      new Set(['category', 'org_unit', 'business_unit', 'custom_field', 'contract', 'option']),
    );
  });

  it('translates every error code', () => {
    expect(missingIn(Object.keys(ERROR_CODES).map((code) => `problem.${code}`))).toEqual({ en: [], de: [] });
  });

  it('translates every named cause of a conflict, a gone link or a locked account', () => {
    const keys = Object.entries(REASONS).flatMap(([code, reasons]) => reasons.map((r) => `problem.${code}.${r}`));
    expect(missingIn(keys)).toEqual({ en: [], de: [] });
  });

  it('translates every validation rule and every "already exists" list', () => {
    const keys = [...serverRules()].map((rule) => `validation.${rule}`);
    const lists = [...uniqueEntities()].map((entity) => `validation.unique.${entity}`);
    const faults = Object.keys(PATTERN_FAULTS).map((fault) => `validation.invalid_pattern.${fault}`);
    expect(missingIn([...keys, ...lists, ...faults].sort())).toEqual({ en: [], de: [] });
  });

  it('answers every conflict with a named cause (AppError.because), never a bare sentence', () => {
    const bare = files.filter(({ text }) => /new AppError\(\s*'(?:conflict|gone|account_locked)'/.test(text));
    expect(bare.map(({ path }) => path)).toEqual([]);
  });
});
