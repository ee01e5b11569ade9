import { addDays, type IsoDate } from '../../../common/terms/dates.js';

/** RFC 5545: a content line is at most 75 octets before its line break. */
const MAX_OCTETS = 75;
const CRLF = '\r\n';

/** An all-day event: DTSTART is its date, DTEND the next day (RFC 5545 §3.6.1: DTEND is exclusive). */
export interface IcalEvent {
  uid: string;
  date: IsoDate;
  summary: string;
  description?: string | null;
  url?: string | null;
  categories?: string[];
}

export interface IcalCalendar {
  prodId: string;
  name: string;
  /** ISO 8601 duration a client should wait before fetching again, e.g. PT4H. */
  refresh: string;
  /** When the feed was produced: every event's DTSTAMP. */
  stamp: Date;
  events: IcalEvent[];
}

// Control characters other than tab may not appear in a content line (§3.1, CONTROL).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** TEXT values (§3.3.11): backslash, semicolon, comma and line breaks are escaped. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(CONTROL, '');
}

/**
 * Folds a content line (§3.1): after 75 octets a CRLF and one space, never inside a UTF-8
 * sequence; the leading space counts towards the next line's 75.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > MAX_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

/** `20250131` from `2025-01-31`. */
export function icalDate(date: IsoDate): string {
  return date.replaceAll('-', '');
}

/** `20250131T081500Z`: a UTC date-time (§3.3.5, form 2). */
export function icalDateTime(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function eventLines(event: IcalEvent, stamp: string): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${icalDate(event.date)}`,
    `DTEND;VALUE=DATE:${icalDate(addDays(event.date, 1))}`,
    `SUMMARY:${escapeText(event.summary)}`,
  ];
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.url) lines.push(`URL:${event.url}`);
  if (event.categories && event.categories.length > 0) {
    lines.push(`CATEGORIES:${event.categories.map(escapeText).join(',')}`);
  }
  // A deadline is a reminder, not a meeting: it must not mark the day busy.
  lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
  return lines;
}

/** A whole VCALENDAR as published text: folded lines, each ending in CRLF. */
export function writeCalendar(calendar: IcalCalendar): string {
  const stamp = icalDateTime(calendar.stamp);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${calendar.prodId}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    `NAME:${escapeText(calendar.name)}`,
    `REFRESH-INTERVAL;VALUE=DURATION:${calendar.refresh}`,
    `X-PUBLISHED-TTL:${calendar.refresh}`,
    ...calendar.events.flatMap((event) => eventLines(event, stamp)),
    'END:VCALENDAR',
  ];
  return lines.map((line) => foldLine(line) + CRLF).join('');
}
