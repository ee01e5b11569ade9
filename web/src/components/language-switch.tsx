import { SegmentedControl } from '@mantine/core';
import { useT } from '../i18n/i18n-context.js';
import { useLanguageChoice } from '../i18n/locale-root.js';
import { LOCALE_OPTIONS, toLocale } from '../i18n/translate.js';

export function LanguageSwitch() {
  const t = useT();
  const { locale, choose } = useLanguageChoice();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('common.language')}
      value={locale}
      onChange={(value) => choose(toLocale(value) ?? 'en')}
      data={LOCALE_OPTIONS.map((option) => ({ value: option, label: option.toUpperCase() }))}
    />
  );
}
