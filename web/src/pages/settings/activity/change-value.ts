import type { MessageKey } from '../../../i18n/en.js';
import { isMessageKey, type Translate } from '../../../i18n/translate.js';

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', de: 'Deutsch' };

export type UnitNames = ReadonlyMap<string, string>;

function unitName(units: UnitNames, id: string): string {
  return units.get(id) ?? id.slice(0, 8);
}

function roleLabel(t: Translate, role: unknown): string {
  const key = `role.${String(role)}`;
  return isMessageKey(key) ? t(key as MessageKey) : String(role);
}

/** Readable text for a before/after value: unit ids become names, roles and booleans are translated. */
export function changeValue(t: Translate, field: string, value: unknown, units: UnitNames): string {
  // An API key without a unit list may use every unit.
  if (field === 'businessUnitIds' && value === null) return t('apiKeys.allUnits');
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (field === 'role') return roleLabel(t, value);
  if (field === 'locale') return LANGUAGE_NAMES[String(value)] ?? String(value);
  if (field === 'roles' && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, role]) => role !== 'none');
    if (entries.length === 0) return '—';
    return entries.map(([id, role]) => `${unitName(units, id)}: ${roleLabel(t, role)}`).join(', ');
  }
  if (field === 'businessUnitIds' && Array.isArray(value)) {
    return value.map((id) => unitName(units, String(id))).join(', ');
  }
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}
