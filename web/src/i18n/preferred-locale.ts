import { type Locale, toLocale } from './translate.js';

const STORAGE_KEY = 'dbx_locale';

/** Before sign-in: the language picked on a public page, else the browser's. */
export function preferredLocale(): Locale {
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be blocked (private mode, policies); the browser language still works.
  }
  return toLocale(stored) ?? toLocale(navigator.language) ?? 'en';
}

export function storePreferredLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not persisted; the choice still applies for this visit.
  }
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
