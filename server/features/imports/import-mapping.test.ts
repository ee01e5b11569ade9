import { describe, expect, it } from 'vitest';
import { importFields } from '../../../common/import-fields.js';
import { GRID_ENTITIES } from '../../../common/schemas/vocabulary.js';
import { de } from '../../../web/src/i18n/de.js';
import { en } from '../../../web/src/i18n/en.js';
import { resolveColumns } from '../exports/columns.js';
import { lifecycleHint, suggestMapping, targetOfHeader, targetsOf } from './import-mapping.js';

const dictionaries = { en: en as Record<string, string>, de: de as Record<string, string> };

describe.each(GRID_ENTITIES)('the %s import mapping', (entity) => {
  const fields = Object.entries(importFields(entity));

  it.each(fields)('recognises %s by the web app’s own English and German label', (target, field) => {
    for (const [lang, dict] of Object.entries(dictionaries)) {
      const label = dict[field.labelKey];
      expect(label, `${lang} ${field.labelKey}`).toBeDefined();
      // The catalogue repeats the label (the server cannot import the web app); a renamed label fails here.
      expect(field.labels[lang as 'en' | 'de'], `${lang} label of ${target}`).toBe(label);
      for (const header of [label!, label!.toUpperCase(), ` ${label!.replace(/ /g, '_')}. `])
        expect(suggestMapping(entity, [header], []), `${lang}: "${header}"`).toEqual({ [header]: target });
    }
  });

  it('recognises the headers of its own export, so an exported file imports again', () => {
    const exported = targetsOf(entity, []).flatMap((key) => {
      try {
        return resolveColumns(entity, [key], []);
      } catch {
        return []; // not a column of the export
      }
    });
    expect(exported.length).toBeGreaterThan(5);
    for (const column of exported) expect(targetOfHeader(entity, column.label), column.label).toBe(column.key);
  });

  it('gives no two fields the same name', () => {
    const seen = new Map<string, string>();
    for (const [target, field] of fields) {
      for (const name of [field.labels.en, field.labels.de, ...field.synonyms]) {
        const key = name.toLowerCase();
        if (seen.has(key) && seen.get(key) !== target)
          throw new Error(`"${name}" names ${seen.get(key)} and ${target}`);
        seen.set(key, target);
      }
    }
  });
});

describe('header recognition', () => {
  it('ignores case, punctuation and how umlauts are written', () => {
    const headers = ['KÜNDIGUNGSFRIST', 'Verlaengert sich um', 'Vertrags-Beginn', 'end_date'];
    expect(suggestMapping('contract', headers, [])).toEqual({
      KÜNDIGUNGSFRIST: 'lifecycle.noticePeriod',
      'Verlaengert sich um': 'lifecycle.renewalTerm',
      'Vertrags-Beginn': 'lifecycle.startDate',
      end_date: 'lifecycle.endDate',
    });
    expect(targetOfHeader('contract', 'Renewal Term')).toBe('lifecycle.renewalTerm');
    expect(targetOfHeader('contract', 'Kundigungsfrist')).toBe('lifecycle.noticePeriod');
    expect(targetOfHeader('contract', 'Ku\u0308ndigungsfrist')).toBe('lifecycle.noticePeriod');
    expect(targetOfHeader('partner', 'Strasse')).toBe('address.street');
  });

  it('suggests each target once, and custom fields by label or key before built-in names', () => {
    const defs = [{ key: 'kostenstelle', label: 'Kostenstelle', type: 'text' }] as never[];
    expect(suggestMapping('contract', ['Renews for', 'Renewal term', 'Kostenstelle'], defs)).toEqual({
      'Renews for': 'lifecycle.renewalTerm',
      'Renewal term': null,
      Kostenstelle: 'cf.kostenstelle',
    });
  });

  it('tells which columns hold renewal, notice or type terms', () => {
    expect(lifecycleHint('Renews for')).toBe('renewal');
    expect(lifecycleHint('Auto-renewal?')).toBe('renewal');
    expect(lifecycleHint('Verlängerungsoption')).toBe('renewal');
    expect(lifecycleHint('Notice deadline')).toBe('notice');
    expect(lifecycleHint('Kündigungsfrist')).toBe('notice');
    expect(lifecycleHint('Vertragsart')).toBe('type');
    expect(lifecycleHint('Notice given on')).toBeNull();
    expect(lifecycleHint('Comment')).toBeNull();
  });
});
