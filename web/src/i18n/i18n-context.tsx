import { createContext, type ReactNode, useContext, useEffect, useMemo } from 'react';
import { type DateFormat, type Formatters, makeFormatters } from './format.js';
import { type Locale, makeTranslate, type Translate } from './translate.js';

type I18n = { locale: Locale; t: Translate; fmt: Formatters; timeZone: string; dateFormat: DateFormat };

const I18nContext = createContext<I18n | null>(null);

type Props = { locale: Locale; dateFormat: DateFormat; timeZone: string; children: ReactNode };

export function I18nProvider({ locale, dateFormat, timeZone, children }: Props) {
  const value = useMemo(
    () => ({
      locale,
      dateFormat,
      timeZone,
      t: makeTranslate(locale),
      fmt: makeFormatters({ locale, dateFormat, timeZone }),
    }),
    [locale, dateFormat, timeZone],
  );
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside I18nProvider');
  return value;
}

export function useT(): Translate {
  return useI18n().t;
}
