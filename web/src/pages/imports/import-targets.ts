import { CONTRACT_FIELDS, type ImportField, PARTNER_FIELDS } from '../../../../common/import-fields.js';
import type { GridEntity } from '../../../../common/schemas/vocabulary.js';
import type { CustomField } from '../../api/use-classification.js';
import type { ImportMapping } from '../../api/use-imports.js';
import type { MessageKey } from '../../i18n/en.js';
import type { Translate } from '../../i18n/translate.js';

/** The fields an import fills and the message key of each label: the catalogue the server suggests from. */
const labelKeys = (fields: Record<string, ImportField>) =>
  Object.fromEntries(Object.entries(fields).map(([target, f]) => [target, f.labelKey as MessageKey]));
const CONTRACT_TARGETS = labelKeys(CONTRACT_FIELDS);
const PARTNER_TARGETS = labelKeys(PARTNER_FIELDS);

/** The server refuses a check unless these are mapped. */
export const REQUIRED_TARGETS: Record<GridEntity, string[]> = {
  contract: ['title', 'lifecycle.startDate'],
  partner: ['name'],
};

export type TargetGroup = { group: string; items: { value: string; label: string }[] };

export function targetLabel(t: Translate, entity: GridEntity, fields: CustomField[], target: string): string {
  const key = (entity === 'contract' ? CONTRACT_TARGETS : PARTNER_TARGETS)[target];
  if (key) return t(key);
  const field = target.startsWith('cf.') ? fields.find((f) => `cf.${f.key}` === target) : undefined;
  return field?.label ?? target;
}

/** Select options: built-in fields, then the entity's custom fields in their own group. */
export function targetOptions(t: Translate, entity: GridEntity, fields: CustomField[]): TargetGroup[] {
  const builtIn = Object.keys(entity === 'contract' ? CONTRACT_TARGETS : PARTNER_TARGETS).map((value) => ({
    value,
    label: targetLabel(t, entity, fields, value),
  }));
  const groups: TargetGroup[] = [{ group: t(`imports.entity.${entity}`), items: builtIn }];
  if (fields.length > 0) {
    const custom = [...fields].sort((a, b) => a.position - b.position);
    groups.push({
      group: t('imports.customFields'),
      items: custom.map((f) => ({ value: `cf.${f.key}`, label: f.label })),
    });
  }
  return groups;
}

/** Sets one header's target; a target used by another header moves here, since each is mapped once. */
export function assignTarget(mapping: ImportMapping, header: string, target: string | null): ImportMapping {
  const next: ImportMapping = {};
  for (const [h, v] of Object.entries(mapping)) next[h] = target !== null && v === target ? null : v;
  next[header] = target;
  return next;
}

/** A new file's mapping keeps the user's choices for headers it still has; new headers take the suggestion. */
export function carryOver(previous: ImportMapping, headers: string[], suggested: ImportMapping): ImportMapping {
  let next: ImportMapping = Object.fromEntries(headers.map((h) => [h, null]));
  for (const h of headers) {
    const target = h in previous ? (previous[h] ?? null) : (suggested[h] ?? null);
    if (target !== null && !Object.values(next).includes(target)) next = { ...next, [h]: target };
  }
  return next;
}

export function missingRequired(entity: GridEntity, mapping: ImportMapping): string[] {
  const used = new Set(Object.values(mapping));
  return REQUIRED_TARGETS[entity].filter((target) => !used.has(target));
}
