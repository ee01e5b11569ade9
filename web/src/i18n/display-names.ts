import type { Locale } from './translate.js';

const cache = new Map<string, Intl.DisplayNames>();

function names(locale: Locale, type: 'region' | 'currency'): Intl.DisplayNames {
  const id = `${locale}:${type}`;
  let found = cache.get(id);
  if (!found) {
    found = new Intl.DisplayNames([locale === 'de' ? 'de-DE' : 'en-GB'], { type, fallback: 'code' });
    cache.set(id, found);
  }
  return found;
}

/** "Germany" / "Deutschland" for DE; the code itself when the runtime does not know it or it is malformed. */
export function countryName(code: string, locale: Locale): string {
  try {
    return names(locale, 'region').of(code) ?? code;
  } catch {
    return code;
  }
}

/** "Euro" for EUR, in the reader's language; the code itself when unknown or malformed. */
export function currencyName(code: string, locale: Locale): string {
  try {
    return names(locale, 'currency').of(code) ?? code;
  } catch {
    return code;
  }
}
