import { de } from './de.js';
import { en, type MessageKey, type Messages } from './en.js';

export const LOCALE_OPTIONS = ['en', 'de'] as const;
export type Locale = (typeof LOCALE_OPTIONS)[number];
export type TranslateVars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: TranslateVars) => string;

const catalogues: Record<Locale, Messages> = { en, de };

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

export function makeTranslate(locale: Locale): Translate {
  const messages = catalogues[locale];
  return (key, vars) =>
    messages[key].replace(/\{(\w+)\}/g, (placeholder, name: string) =>
      vars && name in vars ? String(vars[name]) : placeholder,
    );
}

export function toLocale(value: string | null | undefined): Locale | null {
  const short = value?.slice(0, 2).toLowerCase();
  return LOCALE_OPTIONS.find((locale) => locale === short) ?? null;
}
