import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, toDayNumber } from '../terms/dates.js';
import { instant, localDay, sendHour, TIME_ZONES, timeZone } from './arbitraries.js';
import { dueDay, instantAt, isTimeZone, type LocalTime, localTime } from './clock.js';

const RUNS = { numRuns: 500 };
const MINUTE = 60_000;
const HOURS = Array.from({ length: 24 }, (_, h) => h);
const at = (iso: string) => new Date(iso);
const local = (date: string, hour: number, minute = 0): LocalTime => ({ date, hour, minute });
/** A wall-clock time as minutes, to compare them in order. */
const wall = ({ date, hour, minute }: LocalTime) => toDayNumber(date) * 1440 + hour * 60 + minute;

describe('Europe/Berlin', () => {
  const tz = 'Europe/Berlin';

  it('spring forward 2027-03-28: 02:00–03:00 does not exist', () => {
    expect(localTime(at('2027-03-28T00:59:00Z'), tz)).toEqual(local('2027-03-28', 1, 59));
    expect(localTime(at('2027-03-28T01:00:00Z'), tz)).toEqual(local('2027-03-28', 3));
    expect(instantAt('2027-03-28', 1, tz)).toEqual(at('2027-03-28T00:00:00Z'));
    // The missing hour begins when the clock jumps past it.
    expect(instantAt('2027-03-28', 2, tz)).toEqual(at('2027-03-28T01:00:00Z'));
    expect(instantAt('2027-03-28', 2, tz, 30)).toEqual(at('2027-03-28T01:00:00Z'));
    expect(instantAt('2027-03-28', 3, tz)).toEqual(at('2027-03-28T01:00:00Z'));
    expect(instantAt('2027-03-28', 4, tz)).toEqual(at('2027-03-28T02:00:00Z'));
    expect(dueDay(at('2027-03-28T00:59:00Z'), tz, 2)).toBe('2027-03-27');
    expect(dueDay(at('2027-03-28T01:00:00Z'), tz, 2)).toBe('2027-03-28');
    expect(dueDay(at('2027-03-28T01:00:00Z'), tz, 3)).toBe('2027-03-28');
    expect(dueDay(at('2027-03-28T01:59:00Z'), tz, 4)).toBe('2027-03-27');
  });

  it('fall back 2027-10-31: 02:00–03:00 happens twice; the first counts', () => {
    expect(localTime(at('2027-10-31T00:00:00Z'), tz)).toEqual(local('2027-10-31', 2));
    expect(localTime(at('2027-10-31T00:59:00Z'), tz)).toEqual(local('2027-10-31', 2, 59));
    expect(localTime(at('2027-10-31T01:00:00Z'), tz)).toEqual(local('2027-10-31', 2));
    expect(localTime(at('2027-10-31T02:00:00Z'), tz)).toEqual(local('2027-10-31', 3));
    expect(instantAt('2027-10-31', 1, tz)).toEqual(at('2027-10-30T23:00:00Z'));
    expect(instantAt('2027-10-31', 2, tz)).toEqual(at('2027-10-31T00:00:00Z'));
    expect(instantAt('2027-10-31', 2, tz, 30)).toEqual(at('2027-10-31T00:30:00Z'));
    expect(instantAt('2027-10-31', 3, tz)).toEqual(at('2027-10-31T02:00:00Z'));
    expect(dueDay(at('2027-10-30T23:59:00Z'), tz, 2)).toBe('2027-10-30');
    expect(dueDay(at('2027-10-31T00:00:00Z'), tz, 2)).toBe('2027-10-31');
    expect(dueDay(at('2027-10-31T01:30:00Z'), tz, 2)).toBe('2027-10-31');
    expect(dueDay(at('2027-10-31T01:59:00Z'), tz, 3)).toBe('2027-10-30');
  });

  it('a day boundary: local midnight is 23:00 or 22:00 UTC', () => {
    expect(localTime(at('2027-01-14T23:00:00Z'), tz)).toEqual(local('2027-01-15', 0));
    expect(localTime(at('2027-07-14T22:00:00Z'), tz)).toEqual(local('2027-07-15', 0));
    expect(instantAt('2027-07-15', 0, tz)).toEqual(at('2027-07-14T22:00:00Z'));
    expect(dueDay(at('2027-07-14T22:00:00Z'), tz, 0)).toBe('2027-07-15');
    expect(dueDay(at('2027-07-14T21:59:00Z'), tz, 0)).toBe('2027-07-14');
  });
});

describe('America/New_York', () => {
  const tz = 'America/New_York';

  it('spring forward 2027-03-14 at 02:00 EST', () => {
    expect(instantAt('2027-03-14', 1, tz)).toEqual(at('2027-03-14T06:00:00Z'));
    expect(instantAt('2027-03-14', 2, tz)).toEqual(at('2027-03-14T07:00:00Z'));
    expect(instantAt('2027-03-14', 3, tz)).toEqual(at('2027-03-14T07:00:00Z'));
    expect(localTime(at('2027-03-14T07:00:00Z'), tz)).toEqual(local('2027-03-14', 3));
  });

  it('fall back 2027-11-07 at 02:00 EDT: 01:00 twice', () => {
    expect(instantAt('2027-11-07', 0, tz)).toEqual(at('2027-11-07T04:00:00Z'));
    expect(instantAt('2027-11-07', 1, tz)).toEqual(at('2027-11-07T05:00:00Z'));
    expect(localTime(at('2027-11-07T06:00:00Z'), tz)).toEqual(local('2027-11-07', 1));
    expect(instantAt('2027-11-07', 2, tz)).toEqual(at('2027-11-07T07:00:00Z'));
  });

  it('the UTC date runs ahead of the local one in the evening', () => {
    expect(localTime(at('2027-06-01T02:00:00Z'), tz)).toEqual(local('2027-05-31', 22));
    expect(dueDay(at('2027-06-01T02:00:00Z'), tz, 8)).toBe('2027-05-31');
    expect(dueDay(at('2027-06-01T11:59:00Z'), tz, 8)).toBe('2027-05-31');
    expect(dueDay(at('2027-06-01T12:00:00Z'), tz, 8)).toBe('2027-06-01');
  });

  it('send hour 0: due at local midnight', () => {
    expect(dueDay(at('2027-06-01T03:59:00Z'), tz, 0)).toBe('2027-05-31');
    expect(dueDay(at('2027-06-01T04:00:00Z'), tz, 0)).toBe('2027-06-01');
    expect(instantAt('2027-06-01', 0, tz)).toEqual(at('2027-06-01T04:00:00Z'));
  });

  it('send hour 23: the day before until 23:00', () => {
    expect(dueDay(at('2027-06-02T02:59:00Z'), tz, 23)).toBe('2027-05-31');
    expect(dueDay(at('2027-06-02T03:00:00Z'), tz, 23)).toBe('2027-06-01');
    expect(instantAt('2027-06-01', 23, tz)).toEqual(at('2027-06-02T03:00:00Z'));
  });
});

describe('Australia/Sydney (southern hemisphere)', () => {
  const tz = 'Australia/Sydney';

  it('spring forward 2027-10-03 at 02:00 AEST', () => {
    expect(instantAt('2027-10-03', 1, tz)).toEqual(at('2027-10-02T15:00:00Z'));
    expect(instantAt('2027-10-03', 2, tz)).toEqual(at('2027-10-02T16:00:00Z'));
    expect(instantAt('2027-10-03', 3, tz)).toEqual(at('2027-10-02T16:00:00Z'));
    expect(localTime(at('2027-10-02T16:00:00Z'), tz)).toEqual(local('2027-10-03', 3));
  });

  it('fall back 2027-04-04 at 03:00 AEDT: 02:00 twice', () => {
    expect(instantAt('2027-04-04', 2, tz)).toEqual(at('2027-04-03T15:00:00Z'));
    expect(localTime(at('2027-04-03T16:00:00Z'), tz)).toEqual(local('2027-04-04', 2));
    expect(instantAt('2027-04-04', 3, tz)).toEqual(at('2027-04-03T17:00:00Z'));
  });

  it('the local date runs ahead of the UTC one', () => {
    expect(localTime(at('2027-01-10T13:00:00Z'), tz)).toEqual(local('2027-01-11', 0));
    expect(dueDay(at('2027-01-10T13:00:00Z'), tz, 0)).toBe('2027-01-11');
    expect(dueDay(at('2027-01-10T21:59:00Z'), tz, 9)).toBe('2027-01-10');
    expect(dueDay(at('2027-01-10T22:00:00Z'), tz, 9)).toBe('2027-01-11');
  });
});

describe('Asia/Kolkata (+05:30, no daylight saving)', () => {
  const tz = 'Asia/Kolkata';

  it('half-hour offset', () => {
    expect(localTime(at('2027-05-31T18:29:00Z'), tz)).toEqual(local('2027-05-31', 23, 59));
    expect(localTime(at('2027-05-31T18:30:00Z'), tz)).toEqual(local('2027-06-01', 0));
    expect(instantAt('2027-06-01', 9, tz)).toEqual(at('2027-06-01T03:30:00Z'));
    expect(instantAt('2027-06-01', 0, tz)).toEqual(at('2027-05-31T18:30:00Z'));
    expect(dueDay(at('2027-06-01T03:29:00Z'), tz, 9)).toBe('2027-05-31');
    expect(dueDay(at('2027-06-01T03:30:00Z'), tz, 9)).toBe('2027-06-01');
  });
});

describe('Pacific/Chatham (+12:45 / +13:45)', () => {
  const tz = 'Pacific/Chatham';

  it('spring forward 2027-09-26 at 02:45: 02:45–03:45 does not exist', () => {
    expect(localTime(at('2027-09-25T13:59:00Z'), tz)).toEqual(local('2027-09-26', 2, 44));
    expect(localTime(at('2027-09-25T14:00:00Z'), tz)).toEqual(local('2027-09-26', 3, 45));
    expect(instantAt('2027-09-26', 2, tz)).toEqual(at('2027-09-25T13:15:00Z'));
    expect(instantAt('2027-09-26', 3, tz)).toEqual(at('2027-09-25T14:00:00Z'));
    expect(instantAt('2027-09-26', 4, tz)).toEqual(at('2027-09-25T14:15:00Z'));
    expect(dueDay(at('2027-09-25T13:59:00Z'), tz, 3)).toBe('2027-09-25');
    expect(dueDay(at('2027-09-25T14:00:00Z'), tz, 3)).toBe('2027-09-26');
  });

  it('fall back 2027-04-04 at 03:45: 02:45–03:45 twice', () => {
    expect(instantAt('2027-04-04', 2, tz)).toEqual(at('2027-04-03T12:15:00Z'));
    expect(instantAt('2027-04-04', 3, tz)).toEqual(at('2027-04-03T13:15:00Z'));
    expect(localTime(at('2027-04-03T14:15:00Z'), tz)).toEqual(local('2027-04-04', 3));
    expect(instantAt('2027-04-04', 4, tz)).toEqual(at('2027-04-03T15:15:00Z'));
  });

  it('local midnight is 11:15 UTC in summer', () => {
    expect(localTime(at('2027-01-01T00:00:00Z'), tz)).toEqual(local('2027-01-01', 13, 45));
    expect(instantAt('2027-01-02', 0, tz)).toEqual(at('2027-01-01T10:15:00Z'));
  });
});

describe('isTimeZone', () => {
  it('accepts IANA names', () => {
    for (const name of [...TIME_ZONES, 'Etc/GMT+5']) expect(isTimeZone(name)).toBe(true);
  });

  it('refuses other text', () => {
    for (const name of ['', 'Mars/Olympus', 'America/New York', 'Berlin', 'GMT+25'])
      expect(isTimeZone(name)).toBe(false);
  });
});

/** The checks of the property below, for one wall-clock hour. */
function checkInstantAt(d: string, h: number, tz: string) {
  const t = instantAt(d, h, tz).getTime();
  const seen = localTime(new Date(t), tz);
  const justBefore = localTime(new Date(t - MINUTE), tz);
  const wanted = wall(local(d, h));
  // It is the first instant at which the wall clock reads d h:00 or later…
  expect(wall(justBefore)).toBeLessThan(wanted);
  expect(wall(seen)).toBeGreaterThanOrEqual(wanted);
  // …and reads exactly that unless the clock jumped past it at that instant.
  if (wall(seen) - wall(justBefore) === 1) expect(seen).toEqual(local(d, h));
  else expect(seen.date).toBe(d);
}

describe('properties', () => {
  it('instantAt finds every hour around each clock change of 2016 and 2027, in every zone', () => {
    const noonOffset = (d: string, tz: string) => wall(localTime(at(`${d}T12:00:00Z`), tz)) - wall(local(d, 12));
    let changes = 0;
    for (const tz of TIME_ZONES) {
      for (const year of [2016, 2027]) {
        for (let d = `${year}-01-02`; d <= `${year}-12-30`; d = addDays(d, 1)) {
          const near = noonOffset(addDays(d, -1), tz) !== noonOffset(addDays(d, 1), tz);
          if (near && noonOffset(d, tz) !== noonOffset(addDays(d, 1), tz)) changes++;
          for (const h of near ? HOURS : [0, 12, 23]) checkInstantAt(d, h, tz);
        }
      }
    }
    // Berlin, New York, Sydney, Chatham and Beirut twice a year; Sao Paulo twice in 2016 only.
    expect(changes).toBe(5 * 2 * 2 + 2);
  });

  it('instantAt then localTime gives back the date and hour whenever that hour exists', () => {
    fc.assert(
      fc.property(localDay, sendHour, timeZone, (d, h, tz) => checkInstantAt(d, h, tz)),
      RUNS,
    );
  });

  it('in Asia/Kolkata and UTC every hour exists and comes back', () => {
    fc.assert(
      fc.property(
        localDay,
        sendHour,
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom('Asia/Kolkata', 'UTC'),
        (d, h, m, tz) => {
          expect(localTime(instantAt(d, h, tz, m), tz)).toEqual(local(d, h, m));
        },
      ),
      RUNS,
    );
  });

  it('dueDay is d from instantAt(d, h) until instantAt(d + 1, h)', () => {
    fc.assert(
      fc.property(instant, sendHour, timeZone, (now, h, tz) => {
        const d = dueDay(now, tz, h);
        expect(instantAt(d, h, tz).getTime()).toBeLessThanOrEqual(now.getTime());
        expect(instantAt(addDays(d, 1), h, tz).getTime()).toBeGreaterThan(now.getTime());
      }),
      RUNS,
    );
  });

  it('dueDay never goes back as time passes, and moves at most a day per day', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 3 * 86_400_000 }), sendHour, timeZone, (now, later, h, tz) => {
        const a = toDayNumber(dueDay(now, tz, h));
        const b = toDayNumber(dueDay(new Date(now.getTime() + later), tz, h));
        expect(b).toBeGreaterThanOrEqual(a);
        expect(b - a).toBeLessThanOrEqual(Math.ceil(later / 86_400_000) + 1);
      }),
      RUNS,
    );
  });
});
