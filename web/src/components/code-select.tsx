import { type ComboboxItem, type OptionsFilter, Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { COUNTRY_CODES, CURRENCY_CODES } from '../../../common/iso-codes.js';
import { countryName, currencyName } from '../i18n/display-names.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { Locale } from '../i18n/translate.js';

type CodeSelectProps = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'filter'> & {
  value: string | null;
  onChange: (code: string | null) => void;
};

/** Matches the name anywhere or the code from its start: "deut", "germ" and "DE" all find Germany. */
const byNameOrCode: OptionsFilter = ({ options, search }) => {
  const needle = search.trim().toLowerCase();
  if (!needle) return options;
  return (options as ComboboxItem[]).filter(
    (option) => option.label.toLowerCase().includes(needle) || option.value.toLowerCase().startsWith(needle),
  );
};

function useOptions(codes: readonly string[], name: (code: string, locale: Locale) => string, withCode: boolean) {
  const { locale } = useI18n();
  return useMemo(() => {
    const collator = new Intl.Collator(locale);
    return codes
      .map((code) => ({ value: code, label: withCode ? `${code} – ${name(code, locale)}` : name(code, locale) }))
      .sort((a, b) => collator.compare(a.label, b.label));
  }, [codes, name, locale, withCode]);
}

/**
 * A searchable list of ISO codes named in the reader's language. A stored value that is not on
 * the list (saved before codes were checked) stays visible with a warning until it is replaced.
 */
function CodeSelect({
  options,
  invalidMessage,
  value,
  onChange,
  error,
  ...props
}: CodeSelectProps & { options: ComboboxItem[]; invalidMessage: string }) {
  const known = value === null || options.some((option) => option.value === value);
  const data = known ? options : [{ value: value!, label: value! }, ...options];
  return (
    <Select
      searchable
      clearable
      // Picking the chosen option again keeps it; clearing is what the clear button is for.
      allowDeselect={false}
      data={data}
      value={value}
      filter={byNameOrCode}
      onChange={onChange}
      error={error ?? (known ? undefined : invalidMessage)}
      comboboxProps={{ withinPortal: true }}
      {...props}
    />
  );
}

/** ISO 3166-1 countries, by name ("Germany", "Deutschland"); the value is the code. */
export function CountrySelect(props: CodeSelectProps) {
  const { t } = useI18n();
  const options = useOptions(COUNTRY_CODES, countryName, false);
  return (
    <CodeSelect
      options={options}
      invalidMessage={t('validation.unknown_country')}
      nothingFoundMessage={t('common.noMatch')}
      {...props}
    />
  );
}

/** ISO 4217 currencies as "EUR – Euro", the code first so a narrow field still shows it; the value is the code. */
export function CurrencySelect(props: CodeSelectProps) {
  const { t } = useI18n();
  const options = useOptions(CURRENCY_CODES, currencyName, true);
  return (
    <CodeSelect
      options={options}
      invalidMessage={t('validation.unknown_currency')}
      nothingFoundMessage={t('common.noMatch')}
      {...props}
    />
  );
}
