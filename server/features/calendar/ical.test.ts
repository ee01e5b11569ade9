import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, icalDate, icalDateTime, writeCalendar } from './ical.js';

const octets = (s: string) => Buffer.byteLength(s, 'utf8');
const unfold = (s: string) => s.replace(/\r\n /g, '');

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and every kind of line break', () => {
    expect(escapeText('a\\b;c,d')).toBe('a\\\\b\\;c\\,d');
    expect(escapeText('one\r\ntwo\nthree\rfour')).toBe('one\\ntwo\\nthree\\nfour');
    expect(escapeText('already \\n')).toBe('already \\\\n');
  });

  it('keeps tabs and colons but drops other control characters', () => {
    expect(escapeText('a\tb:c\u0000d\u0007e\u007f')).toBe('a\tb:cde');
  });
});

describe('foldLine', () => {
  it('leaves lines of up to 75 octets alone', () => {
    const line = 'x'.repeat(75);
    expect(foldLine(line)).toBe(line);
  });

  it('folds longer lines with CRLF and one space, each physical line at most 75 octets', () => {
    const line = `SUMMARY:${'abcdefghij'.repeat(20)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBe(3);
    expect(physical[0]).toHaveLength(75);
    expect(physical[1]!.startsWith(' ')).toBe(true);
    for (const part of physical) expect(octets(part)).toBeLessThanOrEqual(75);
    expect(unfold(folded)).toBe(line);
  });

  it('never splits a multi-byte character, whatever its width', () => {
    for (const char of ['ä', '—', '€', '😀']) {
      for (let prefix = 0; prefix < 4; prefix++) {
        const line = `${'p'.repeat(prefix)}DESCRIPTION:${char.repeat(60)}`;
        const folded = foldLine(line);
        const physical = folded.split('\r\n');
        expect(physical.length).toBeGreaterThan(1);
        for (const part of physical) {
          expect(octets(part)).toBeLessThanOrEqual(75);
          // A split inside a sequence would leave a replacement character after a round trip.
          expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
          expect(part.includes('\uFFFD')).toBe(false);
        }
        expect(unfold(folded)).toBe(line);
      }
    }
  });

  it('fills a line up to the limit before folding at a multi-byte character', () => {
    // 73 ASCII octets then a 3-octet character: it does not fit (76), so it opens the next line.
    const folded = foldLine(`${'a'.repeat(73)}€b`);
    expect(folded).toBe(`${'a'.repeat(73)}\r\n €b`);
  });
});

describe('dates', () => {
  it('writes DATE and UTC DATE-TIME values', () => {
    expect(icalDate('2025-01-31')).toBe('20250131');
    expect(icalDateTime(new Date('2025-03-09T07:05:04.123Z'))).toBe('20250309T070504Z');
  });
});

describe('writeCalendar', () => {
  const calendar = {
    prodId: '-//Deedbox//Calendar//EN',
    name: 'Deedbox; Legal, Team',
    refresh: 'PT4H',
    stamp: new Date('2025-06-01T10:00:00Z'),
    events: [
      {
        uid: 'e1@deedbox',
        date: '2024-12-31',
        summary: 'Notice deadline — Lease; Büro, Straße 1',
        description: `Contract: CT-1\nPartner: Müller & Söhne\n${'Lange Beschreibung mit Umlauten äöü '.repeat(5)}`,
        url: 'https://deedbox.test/contracts/c1',
        categories: ['Notice deadline'],
      },
      { uid: 'e2@deedbox', date: '2028-02-29', summary: 'Start — Plain' },
    ],
  };

  it('ends every line with CRLF and no physical line exceeds 75 octets', () => {
    const text = writeCalendar(calendar);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
  });

  it('carries the calendar properties a subscribing client needs', () => {
    const text = unfold(writeCalendar(calendar));
    for (const line of [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Deedbox//Calendar//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:Deedbox\\; Legal\\, Team',
      'REFRESH-INTERVAL;VALUE=DURATION:PT4H',
      'X-PUBLISHED-TTL:PT4H',
      'DTSTAMP:20250601T100000Z',
      'DTSTART;VALUE=DATE:20241231',
      'DTEND;VALUE=DATE:20250101',
      'DTEND;VALUE=DATE:20280301',
    ]) {
      expect(text).toContain(`${line}\r\n`);
    }
  });

  it('round-trips through ical.js: dates, texts and categories come back unchanged', () => {
    const root = new ICAL.Component(ICAL.parse(writeCalendar(calendar)));
    // ical.js keeps properties it does not know (X-WR-CALNAME, RFC 7986 NAME) as written.
    expect(root.getFirstPropertyValue('x-wr-calname')).toBe('Deedbox\\; Legal\\, Team');
    const events = root.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events.map((e) => e.uid)).toEqual(['e1@deedbox', 'e2@deedbox']);
    const [first, second] = events;
    expect(first!.summary).toBe('Notice deadline — Lease; Büro, Straße 1');
    expect(first!.description).toBe(calendar.events[0]!.description);
    expect(first!.startDate.isDate).toBe(true);
    expect(first!.startDate.toString()).toBe('2024-12-31');
    expect(first!.endDate.toString()).toBe('2025-01-01');
    expect(first!.component.getFirstPropertyValue('url')).toBe('https://deedbox.test/contracts/c1');
    expect(first!.component.getFirstPropertyValue('categories')).toBe('Notice deadline');
    expect(second!.startDate.toString()).toBe('2028-02-29');
    expect(second!.endDate.toString()).toBe('2028-03-01');
    expect(second!.description).toBeNull();
  });
});
