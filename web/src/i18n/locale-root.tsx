import { createContext, type ReactNode, useContext, useState } from 'react';
import { useMe } from '../api/use-me.js';
import type { DateFormat } from './format.js';
import { I18nProvider } from './i18n-context.js';
import { browserTimeZone, preferredLocale, storePreferredLocale } from './preferred-locale.js';
import type { Locale } from './translate.js';

type LanguageChoice = { locale: Locale; choose: (locale: Locale) => void };
const LanguageChoiceContext = createContext<LanguageChoice | null>(null);

const GUEST_DATE_FORMAT: Record<Locale, DateFormat> = { en: 'YYYY-MM-DD', de: 'DD.MM.YYYY' };

/** Signed in, the user's settings decide language and formats; before that, the browser or the switch. */
export function LocaleRoot({ children }: { children: ReactNode }) {
  const { data: me } = useMe();
  const [preferred, setPreferred] = useState<Locale>(preferredLocale);
  const locale = me?.user.locale ?? preferred;
  const choose = (next: Locale) => {
    storePreferredLocale(next);
    setPreferred(next);
  };
  return (
    <LanguageChoiceContext.Provider value={{ locale, choose }}>
      <I18nProvider
        locale={locale}
        dateFormat={me?.user.dateFormat ?? GUEST_DATE_FORMAT[locale]}
        timeZone={me?.user.timeZone ?? browserTimeZone()}
      >
        {children}
      </I18nProvider>
    </LanguageChoiceContext.Provider>
  );
}

export function useLanguageChoice(): LanguageChoice {
  const value = useContext(LanguageChoiceContext);
  if (!value) throw new Error('useLanguageChoice must be used inside LocaleRoot');
  return value;
}
