import { addDays, daysInMonth, type IsoDate, parseDate, weekday } from '../../../../common/terms/dates.js';
import { addMonths } from '../../../../common/terms/periods.js';

export const VIEWS = ['month', 'week', 'list'] as const;
export type CalendarView = (typeof VIEWS)[number];

export interface Range {
  from: IsoDate;
  to: IsoDate;
}

export function monthStart(date: IsoDate): IsoDate {
  return `${date.slice(0, 7)}-01`;
}

export function monthEnd(date: IsoDate): IsoDate {
  const { year, month } = parseDate(date);
  return `${date.slice(0, 7)}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
}

/** Weeks start on Monday (ISO 8601). */
export function weekStart(date: IsoDate): IsoDate {
  return addDays(date, 1 - weekday(date));
}

/** The days a view shows: whole Monday-first weeks for a month grid, seven days for a week, the month for a list. */
export function rangeOf(view: CalendarView, anchor: IsoDate): Range {
  switch (view) {
    case 'month':
      return { from: weekStart(monthStart(anchor)), to: addDays(weekStart(monthEnd(anchor)), 6) };
    case 'week':
      return { from: weekStart(anchor), to: addDays(weekStart(anchor), 6) };
    case 'list':
      return { from: monthStart(anchor), to: monthEnd(anchor) };
  }
}

/** The anchor one step back or ahead: a week in the week view, a month otherwise. */
export function step(view: CalendarView, anchor: IsoDate, direction: 1 | -1): IsoDate {
  return view === 'week' ? addDays(anchor, 7 * direction) : addMonths(monthStart(anchor), direction);
}

export function daysOf({ from, to }: Range): IsoDate[] {
  const days: IsoDate[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

export function weeksOf(range: Range): IsoDate[][] {
  const days = daysOf(range);
  const weeks: IsoDate[][] = [];
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
  return weeks;
}

/** A date-only value as a Date at noon UTC, so formatting it in UTC never shifts the day. */
export function noonUtc(date: IsoDate): Date {
  return new Date(`${date}T12:00:00Z`);
}

const intlLocale = (locale: string) => (locale === 'de' ? 'de-DE' : 'en-GB');

export function monthTitle(locale: string, date: IsoDate): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    noonUtc(date),
  );
}

export function weekdayLabel(locale: string, date: IsoDate, width: 'short' | 'long' = 'short'): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { weekday: width, timeZone: 'UTC' }).format(noonUtc(date));
}

/** "Monday, 12 June 2025" in the reader's language, for list headings and labels. */
export function longDate(locale: string, date: IsoDate): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'full', timeZone: 'UTC' }).format(noonUtc(date));
}

export function dayOfMonth(date: IsoDate): number {
  return parseDate(date).day;
}
