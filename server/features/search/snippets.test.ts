import { describe, expect, it } from 'vitest';
import { excerpt, fold, matchKeys } from './snippets.js';

const matched = (parts: string[] | null) => (parts ?? []).filter((_, i) => i % 2 === 1);

describe('snippets', () => {
  it('folds case and accents as unaccent does', () => {
    expect(fold('Verträge ÜBER Straße Café')).toBe('vertrage uber strasse cafe');
  });

  it('marks words that share a stem or prefix with the search, whatever their case and accents', () => {
    const keys = matchKeys('vertrag kündigung', ['vertrag', 'kundig']);
    const parts = excerpt('Die VERTRÄGE und der Vertrag: Kündigungsfrist drei Monate.', keys);
    expect(matched(parts)).toEqual(['VERTRÄGE', 'Vertrag', 'Kündigungsfrist']);
    expect(parts!.join('')).toBe('Die VERTRÄGE und der Vertrag: Kündigungsfrist drei Monate.');
  });

  it('marks words the English stemmer wrote with i for y', () => {
    expect(matched(excerpt('One study, two studies.', matchKeys('studies', ['studi'])))).toEqual(['study', 'studies']);
  });

  it('matches keys shorter than three letters only as whole words', () => {
    expect(matched(excerpt('an answer to an ant', matchKeys('an')))).toEqual(['an', 'an']);
  });

  it('cuts a long text around the first match at spaces, with ellipses, alternating plain and match', () => {
    const before = 'lorem '.repeat(50);
    const after = ' ipsum'.repeat(100);
    const parts = excerpt(`${before}termination notice${after}`, matchKeys('termination'))!;
    expect(parts.length).toBe(3);
    expect(parts[0]!.startsWith('…lorem')).toBe(true);
    expect(parts[0]!.length).toBeLessThan(70);
    expect(parts[1]).toBe('termination');
    expect(parts[2]!.endsWith('ipsum…')).toBe(true);
    expect(parts.join('').length).toBeLessThan(260);
  });

  it('starts with an empty plain part when the text starts with a match, and collapses white space', () => {
    expect(excerpt('Lease\n\n  agreement', matchKeys('lease'))).toEqual(['', 'Lease', ' agreement']);
  });

  it('answers null when nothing matches', () => {
    expect(excerpt('nothing to see', matchKeys('lease'))).toBeNull();
  });
});
