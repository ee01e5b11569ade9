import { describe, expect, it } from 'vitest';
import { makeFormatters } from './format.js';

const en = makeFormatters({ locale: 'en', dateFormat: 'YYYY-MM-DD', timeZone: 'UTC' });
const de = makeFormatters({ locale: 'de', dateFormat: 'DD.MM.YYYY', timeZone: 'UTC' });

describe('file sizes', () => {
  it('counts small files in bytes, in words', () => {
    expect(en.bytes(0)).toBe('0 bytes');
    expect(en.bytes(1)).toBe('1 byte');
    expect(en.bytes(999)).toBe('999 bytes');
    expect(de.bytes(999)).toBe('999 Byte');
  });

  it('moves to the next unit at each thousand, with one decimal in the reader’s notation', () => {
    expect(en.bytes(1000)).toBe('1 kB');
    expect(en.bytes(1234)).toBe('1.2 kB');
    expect(de.bytes(1234)).toBe('1,2 kB');
    expect(en.bytes(104_857_600)).toBe('104.9 MB');
    expect(en.bytes(3_500_000_000)).toBe('3.5 GB');
  });

  it('never shows "1000 kB": a value that would round up takes the larger unit', () => {
    expect(en.bytes(999_949)).toBe('999.9 kB');
    expect(en.bytes(999_960)).toBe('1 MB');
  });
});
