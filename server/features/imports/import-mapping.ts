import type { FieldDefinition } from '../../../common/custom-fields.js';
import { importFields, normalizeHeader } from '../../../common/import-fields.js';
import type { ImportMapping } from '../../../common/schemas/imports.js';
import type { GridEntity } from '../../../common/schemas/vocabulary.js';

export function targetsOf(entity: GridEntity, defs: readonly FieldDefinition[]): string[] {
  return [...Object.keys(importFields(entity)), ...defs.map((d) => `cf.${d.key}`)];
}

/** Normalised name → target: custom fields first, then each field's key, EN and DE labels and synonyms. */
function namesOf(entity: GridEntity, defs: readonly FieldDefinition[]): Map<string, string> {
  const names = new Map<string, string>();
  const add = (name: string, target: string) => {
    for (const key of [normalizeHeader(name), normalizeHeader(name, true)])
      if (key && !names.has(key)) names.set(key, target);
  };
  for (const d of defs) {
    add(d.label, `cf.${d.key}`);
    add(d.key, `cf.${d.key}`);
  }
  // Labels before synonyms, so a synonym of one field never takes another field's own label.
  const fields = Object.entries(importFields(entity));
  for (const [target, field] of fields) {
    add(target, target);
    add(field.labels.en, target);
    add(field.labels.de, target);
  }
  for (const [target, field] of fields) for (const synonym of field.synonyms) add(synonym, target);
  return names;
}

/** The target a header names, if any. */
export function targetOfHeader(entity: GridEntity, header: string, defs: readonly FieldDefinition[] = []) {
  return namesOf(entity, defs).get(normalizeHeader(header)) ?? null;
}

/** Header → target by name; each target is suggested once, for the first header that names it. */
export function suggestMapping(entity: GridEntity, headers: string[], defs: readonly FieldDefinition[]): ImportMapping {
  const names = namesOf(entity, defs);
  const used = new Set<string>();
  const mapping: ImportMapping = {};
  for (const header of headers) {
    const target = names.get(normalizeHeader(header)) ?? null;
    mapping[header] = target && !used.has(target) ? target : null;
    if (target) used.add(target);
  }
  return mapping;
}

export type LifecycleHint = 'renewal' | 'notice' | 'type';

const HINT_TARGETS: Record<string, LifecycleHint> = {
  'lifecycle.renewalTerm': 'renewal',
  'lifecycle.maxRenewals': 'renewal',
  'lifecycle.noticePeriod': 'notice',
  'lifecycle.noticeAlignment': 'notice',
  'lifecycle.type': 'type',
};
/** Word stems (normalised) that mark a column about renewal or notice even when its name is not one we know. */
const HINT_STEMS: [string, LifecycleHint][] = [
  ['renew', 'renewal'],
  ['verlaenger', 'renewal'],
  ['prolong', 'renewal'],
  ['notice', 'notice'],
  ['kuendigungsfrist', 'notice'],
  ['cancellationperiod', 'notice'],
  ['terminationperiod', 'notice'],
];

/** Whether a contract column, by its name, holds renewal or notice terms (or the contract type). */
export function lifecycleHint(header: string, defs: readonly FieldDefinition[] = []): LifecycleHint | null {
  const target = targetOfHeader('contract', header, defs);
  if (target && target in HINT_TARGETS) return HINT_TARGETS[target]!;
  if (target) return null;
  const name = normalizeHeader(header);
  return HINT_STEMS.find(([stem]) => name.includes(stem))?.[1] ?? null;
}
