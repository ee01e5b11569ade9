import type { DATE_FORMATS } from '../../../common/schemas/auth.js';
import { formatMoney } from './money.js';
import type { Locale } from './translate.js';

export type DateFormat = (typeof DATE_FORMATS)[number];
export type FormatSettings = { locale: Locale; dateFormat: DateFormat; timeZone: string };

export type Formatters = {
  /** A calendar date; date-only strings (YYYY-MM-DD) are taken as they are, never shifted by time zone. */
  date: (value: string | Date) => string;
  dateTime: (value: string | Date) => string;
  time: (value: string | Date) => string;
  number: (value: number) => string;
  /** An exact decimal amount (a string, never a float) with its currency, in the reader's notation. */
  money: (amount: string, currency: string) => string;
  /** A file size, human readable: "512 bytes", "1.2 MB" (powers of 1000, as the units say). */
  bytes: (value: number) => string;
};

const BYTE_UNITS = ['kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

function bytesFormatter(intlLocale: string): (value: number) => string {
  const plain = new Intl.NumberFormat(intlLocale, { style: 'unit', unit: 'byte', unitDisplay: 'long' });
  const units = BYTE_UNITS.map(
    (unit) =>
      new Intl.NumberFormat(intlLocale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }),
  );
  return (value) => {
    if (value < 1000) return plain.format(value);
    let scaled = value;
    let index = -1;
    // 999,960 bytes would round to "1,000 kB": such a value moves up a unit too.
    while (index < units.length - 1 && scaled >= 999.95) {
      scaled /= 1000;
      index += 1;
    }
    return units[index]!.format(scaled);
  };
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

function safeTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

function ymdParts(value: string | Date, timeZone: string): [string, string, string] {
  if (typeof value === 'string') {
    const match = DATE_ONLY.exec(value);
    if (match) return [match[1] ?? '', match[2] ?? '', match[3] ?? ''];
  }
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(value));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return [part('year'), part('month'), part('day')];
}

function applyPattern(pattern: DateFormat, [year, month, day]: [string, string, string]): string {
  return pattern.replace('YYYY', year).replace('MM', month).replace('DD', day);
}

export function makeFormatters({ locale, dateFormat, timeZone }: FormatSettings): Formatters {
  const zone = safeTimeZone(timeZone);
  const intlLocale = locale === 'de' ? 'de-DE' : 'en-GB';
  // Whoever writes dates month-first usually reads a 12-hour clock too.
  const hourCycle = dateFormat === 'MM/DD/YYYY' ? 'h12' : 'h23';
  const timeFormat = new Intl.DateTimeFormat(hourCycle === 'h12' ? 'en-US' : intlLocale, {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle,
  });
  const numberFormat = new Intl.NumberFormat(intlLocale);
  const date = (value: string | Date) => applyPattern(dateFormat, ymdParts(value, zone));
  const time = (value: string | Date) => timeFormat.format(new Date(value));
  return {
    date,
    time,
    dateTime: (value) => `${date(value)} ${time(value)}`,
    number: (value) => numberFormat.format(value),
    money: (amount, currency) => formatMoney(amount, currency, locale),
    bytes: bytesFormatter(intlLocale),
  };
}

/** Local hour (0–23) in a time zone, for greetings. */
export function hourIn(timeZone: string, now = new Date()): number {
  const hour = new Intl.DateTimeFormat('en-GB', {
    timeZone: safeTimeZone(timeZone),
    hour: '2-digit',
    hourCycle: 'h23',
  }).format(now);
  return Number.parseInt(hour, 10);
}
