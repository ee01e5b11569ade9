/** fast-check generators of reminders and instants, shared by the property tests of occurrences, clock and their SQL twins. */
import fc from 'fast-check';
import { MAX_LEAD_DAYS, REPEATS, type Repeat } from '../schemas/reminders.js';
import {
  addDays,
  daysInMonth,
  formatDate,
  fromDayNumber,
  type IsoDate,
  lastDayOfMonth,
  parseDate,
  toDayNumber,
  weekday,
} from '../terms/dates.js';

const anyDate = fc.integer({ min: toDayNumber('2000-01-01'), max: toDayNumber('2060-12-31') }).map(fromDayNumber);
const leapYear = fc.integer({ min: 500, max: 515 }).map((n) => n * 4);

/** Event dates with month ends, the 28th–31st, Feb 29 and year ends well represented. */
export const eventDate: fc.Arbitrary<IsoDate> = fc.oneof(
  anyDate,
  anyDate.map(lastDayOfMonth),
  fc.tuple(anyDate, fc.integer({ min: 28, max: 31 })).map(([d, day]) => {
    const { year, month } = parseDate(d);
    return `${d.slice(0, 8)}${String(Math.min(day, daysInMonth(year, month))).padStart(2, '0')}`;
  }),
  leapYear.map((y) => `${y}-02-29`),
  leapYear.map((y) => `${y}-03-01`),
  anyDate.map((d) => `${d.slice(0, 4)}-12-31`),
  anyDate.map((d) => `${d.slice(0, 4)}-01-01`),
);

const leadTime = fc.oneof(
  fc.integer({ min: 0, max: MAX_LEAD_DAYS }),
  fc.integer({ min: 0, max: 40 }),
  fc.constantFrom(0, 1, 7, 14, 28, 29, 30, 31, 60, 90, 180, 365, 366, 730, MAX_LEAD_DAYS),
);

/** Lead times as stored: 1–5 unique days before the event, sorted descending. */
export const leadTimes: fc.Arbitrary<number[]> = fc
  .uniqueArray(leadTime, { minLength: 1, maxLength: 5 })
  .map((a) => [...a].sort((x, y) => y - x));

export const repeat: fc.Arbitrary<Repeat> = fc.constantFrom(...REPEATS);

export interface ReminderCase {
  eventDate: IsoDate;
  leadTimes: number[];
  repeat: Repeat;
  /** The `from` of nextDue or the `createdOn` of firstDue. */
  from: IsoDate;
}

/** A reminder and a day around its schedule: anywhere from before its earliest lead day to after the event, often on or next to a lead day. */
export const reminderCase: fc.Arbitrary<ReminderCase> = fc
  .record({
    eventDate,
    leadTimes,
    repeat,
    shift: fc.oneof(
      fc.integer({ min: -(MAX_LEAD_DAYS + 40), max: 40 }),
      fc.integer({ min: -40, max: 3 }),
      fc.constantFrom(-1, 0, 1),
    ),
    nearLead: fc.boolean(),
    leadIndex: fc.nat(),
  })
  .map(({ eventDate, leadTimes, repeat, shift, nearLead, leadIndex }) => {
    const base = nearLead ? addDays(eventDate, -leadTimes[leadIndex % leadTimes.length]!) : eventDate;
    const offset = nearLead ? Math.max(-3, Math.min(3, shift)) : shift;
    return { eventDate, leadTimes, repeat, from: addDays(base, offset) };
  });

/** Zones with daylight saving in both hemispheres, odd offsets, and changes at midnight. */
export const TIME_ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Australia/Sydney',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'America/Sao_Paulo',
  'Asia/Beirut',
] as const;

export const timeZone = fc.constantFrom(...TIME_ZONES);
/** Send hours, the small ones (where clocks change) more often. */
export const sendHour = fc.oneof(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 4 }));

/** The first, second or last Sunday of a month in which some zone changes its clocks, or a day either side. */
const changeDay: fc.Arbitrary<IsoDate> = fc
  .record({
    year: fc.integer({ min: 2000, max: 2060 }),
    month: fc.constantFrom(2, 3, 4, 9, 10, 11),
    which: fc.constantFrom(1, 2, -1),
    shift: fc.constantFrom(0, 0, 0, -1, 1),
  })
  .map(({ year, month, which, shift }) => {
    const last = daysInMonth(year, month);
    const from = which === -1 ? last - 6 : which === 1 ? 1 : 8;
    const first = formatDate({ year, month, day: from });
    return addDays(first, ((7 - weekday(first)) % 7) + shift);
  });

/** Calendar days from 2000 to 2060, often a day on which clocks change somewhere. */
export const localDay: fc.Arbitrary<IsoDate> = fc.oneof(
  fc.integer({ min: toDayNumber('2000-01-02'), max: toDayNumber('2060-12-30') }).map(fromDayNumber),
  changeDay,
);

/** Instants from 2000 to 2060, often within two days of a clock change. */
export const instant: fc.Arbitrary<Date> = fc
  .oneof(
    fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2060, 11, 31) }),
    fc
      .tuple(changeDay, fc.integer({ min: -2 * 86_400_000, max: 2 * 86_400_000 }))
      .map(([d, ms]) => Date.parse(`${d}T00:00:00Z`) + ms),
  )
  .map((ms) => new Date(ms));
