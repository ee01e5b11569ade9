import type { Locale } from './translate.js';

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

const intlLocale = (locale: Locale) => (locale === 'de' ? 'de-DE' : 'en-GB');

/**
 * A decimal string ("1234.5") in the reader's notation ("1,234.50" / "1.234,50") with at least
 * two decimals. Digits are never turned into a float: the integer part is grouped as a BigInt.
 */
export function formatDecimal(value: string, locale: Locale): string {
  const match = DECIMAL.exec(value.trim());
  if (!match) return value;
  const [, sign = '', whole = '0', fraction = ''] = match;
  const intl = intlLocale(locale);
  const grouped = new Intl.NumberFormat(intl).format(BigInt(whole));
  const separator = new Intl.NumberFormat(intl).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  return `${sign}${grouped}${separator}${fraction.padEnd(2, '0')}`;
}

export function formatMoney(amount: string, currency: string, locale: Locale): string {
  return `${formatDecimal(amount, locale)} ${currency}`;
}

/** Takes "1.234,50" or "1,234.50" as typed and gives the API's "1234.50"; anything else is left for the checker. */
export function decimalFromInput(text: string): string {
  const compact = text.trim().replace(/[\s']/g, '');
  const lastComma = compact.lastIndexOf(',');
  const lastDot = compact.lastIndexOf('.');
  // Whichever separator comes last is the decimal one; the other groups thousands.
  if (lastComma > lastDot) return compact.replace(/\./g, '').replace(',', '.');
  if (lastDot > lastComma && lastComma !== -1) return compact.replace(/,/g, '');
  return compact;
}
