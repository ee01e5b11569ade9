/**
 * Calendar dates as `YYYY-MM-DD` strings. All arithmetic runs on day numbers (days since
 * 1970-01-01 in the proleptic Gregorian calendar), never on JS `Date`, so no time zone or
 * daylight-saving shift can move a date.
 */

/** A calendar date `YYYY-MM-DD`, year 0001–9999. */
export type IsoDate = string;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
export type WeekdayName = (typeof WEEKDAY_NAMES)[number];

export const MIN_YEAR = 1;
export const MAX_YEAR = 9999;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Why `text` is not a calendar date, or null when it is one. */
export function dateProblem(text: string): string | null {
  const match = DATE_PATTERN.exec(text);
  if (!match) return 'must be a date written YYYY-MM-DD, e.g. 2025-01-31';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < MIN_YEAR) return 'must have a year from 0001 to 9999';
  if (month < 1 || month > 12) return `has no month ${match[2]}`;
  if (day < 1 || day > daysInMonth(year, month))
    return `does not exist: ${match[1]}-${match[2]} has no day ${match[3]}`;
  return null;
}

export function isValidDate(text: string): boolean {
  return dateProblem(text) === null;
}

/**
 * The dates a person or a program may enter. Any real contract fits, and the engine's
 * arithmetic on them (terms, renewals, notice) stays far inside the years 0001–9999.
 */
export const FIRST_INPUT_DATE = '1900-01-01';
export const LAST_INPUT_DATE = '2200-12-31';

export type DateInputProblem =
  | { rule: 'invalid_date'; message: string }
  | { rule: 'date_out_of_range'; message: string; params: { min: string; max: string } };

/** Why `text` is not a date we accept as input, or null when it is one. */
export function dateInputProblem(text: string): DateInputProblem | null {
  const problem = dateProblem(text);
  if (problem) return { rule: 'invalid_date', message: problem };
  if (text < FIRST_INPUT_DATE || text > LAST_INPUT_DATE) {
    return {
      rule: 'date_out_of_range',
      message: `must be between ${FIRST_INPUT_DATE} and ${LAST_INPUT_DATE}`,
      params: { min: FIRST_INPUT_DATE, max: LAST_INPUT_DATE },
    };
  }
  return null;
}

/** Parses a calendar date; throws a RangeError naming the problem when it is not one. */
export function parseDate(text: IsoDate): DateParts {
  // Every date the engine touches passes here, so the valid case skips the regular expression.
  if (text.length === 10 && text.charCodeAt(4) === DASH && text.charCodeAt(7) === DASH) {
    const year = digits(text, 0, 4);
    const month = digits(text, 5, 7);
    const day = digits(text, 8, 10);
    if (year >= MIN_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) {
      return { year, month, day };
    }
  }
  throw new RangeError(`${JSON.stringify(text)} ${dateProblem(text) ?? 'is not a date'}`);
}

const DASH = 45;

/** The decimal number in text[from, to), or NaN when a character there is not a digit. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    n = n * 10 + d;
  }
  return n;
}

/** Formats parts as `YYYY-MM-DD`; throws when the year leaves 0001–9999 or the day does not exist. */
export function formatDate({ year, month, day }: DateParts): IsoDate {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`year ${year} is outside ${MIN_YEAR}–${MAX_YEAR}`);
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`${year}-${month}-${day} is not a calendar date`);
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil). */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parseDate(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The date `dayNumber` days after 1970-01-01 (H. Hinnant's civil_from_days). */
export function fromDayNumber(dayNumber: number): IsoDate {
  if (!Number.isSafeInteger(dayNumber)) throw new RangeError(`${dayNumber} is not a whole day number`);
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return formatDate({ year, month, day });
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const diff = toDayNumber(a) - toDayNumber(b);
  return diff < 0 ? -1 : diff > 0 ? 1 : 0;
}

export function isBefore(a: IsoDate, b: IsoDate): boolean {
  return compareDates(a, b) < 0;
}

export function isAfter(a: IsoDate, b: IsoDate): boolean {
  return compareDates(a, b) > 0;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return isAfter(b, a) ? b : a;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return isBefore(b, a) ? b : a;
}

export function weekday(date: IsoDate): Weekday {
  // 1970-01-01 was a Thursday (ISO weekday 4).
  return (((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1) as Weekday;
}

export function weekdayName(date: IsoDate): WeekdayName {
  return WEEKDAY_NAMES[weekday(date) - 1]!;
}

export function isWeekend(date: IsoDate): boolean {
  return weekday(date) >= 6;
}

export function lastDayOfMonth(date: IsoDate): IsoDate {
  const { year, month } = parseDate(date);
  return formatDate({ year, month, day: daysInMonth(year, month) });
}

export function isLastDayOfMonth(date: IsoDate): boolean {
  const { year, month, day } = parseDate(date);
  return day === daysInMonth(year, month);
}

/** Today's calendar date in an IANA time zone, e.g. `todayIn('Europe/Berlin')`. */
export function todayIn(timeZone: string, now: Date = new Date()): IsoDate {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(now)
    .reduce<Record<string, string>>((acc, part) => {
      acc[part.type] = part.value;
      return acc;
    }, {});
  return formatDate({ year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) });
}
