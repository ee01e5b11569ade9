import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Repeat } from '../schemas/reminders.js';
import { addDays, daysInMonth, fromDayNumber, type IsoDate, parseDate, toDayNumber } from '../terms/dates.js';
import { reminderCase } from './arbitraries.js';
import { addMonthsClamped, dueDays, firstDue, nextDue } from './occurrences.js';

const RUNS = { numRuns: 500 };

describe('lead times', () => {
  it('0 is the day of the event', () => {
    expect(dueDays('2027-06-15', [0], 'once', '2027-01-01')).toEqual(['2027-06-15']);
  });

  it('several lead times each give one day, earliest first, whatever their order', () => {
    const days = ['2027-03-17', '2027-05-16', '2027-06-15'];
    expect(dueDays('2027-06-15', [90, 30, 0], 'once', '2027-01-01')).toEqual(days);
    expect(dueDays('2027-06-15', [0, 90, 30], 'once', '2027-01-01')).toEqual(days);
  });

  it('cross a year end', () => {
    expect(dueDays('2028-01-01', [1, 0], 'once', '2027-12-01')).toEqual(['2027-12-31', '2028-01-01']);
    expect(dueDays('2028-01-02', [3], 'daily', '2027-12-01')).toEqual([
      '2027-12-30',
      '2027-12-31',
      '2028-01-01',
      '2028-01-02',
    ]);
  });

  it('count days, not years, across a leap day', () => {
    expect(dueDays('2028-03-01', [365], 'once', '2027-01-01')).toEqual(['2027-03-02']);
    expect(dueDays('2029-03-01', [365], 'once', '2028-01-01')).toEqual(['2028-03-01']);
    expect(dueDays('2029-01-01', [365], 'once', '2027-01-01')).toEqual(['2028-01-02']);
    expect(dueDays('2030-01-01', [1095], 'once', '2026-01-01')).toEqual(['2027-01-02']);
  });

  it('reach an event on Feb 29', () => {
    expect(dueDays('2028-02-29', [366, 365, 0], 'once', '2027-01-01')).toEqual([
      '2027-02-28',
      '2027-03-01',
      '2028-02-29',
    ]);
    expect(dueDays('2028-02-29', [1], 'daily', '2028-01-01')).toEqual(['2028-02-28', '2028-02-29']);
  });
});

describe('repetition from the earliest lead day up to the event', () => {
  it('once: only the lead days', () => {
    expect(dueDays('2027-06-15', [3], 'once', '2027-01-01')).toEqual(['2027-06-12']);
  });

  it('daily: every day through the event day, a later lead day adds nothing', () => {
    const days = ['2027-06-12', '2027-06-13', '2027-06-14', '2027-06-15'];
    expect(dueDays('2027-06-15', [3], 'daily', '2027-01-01')).toEqual(days);
    expect(dueDays('2027-06-15', [3, 1], 'daily', '2027-01-01')).toEqual(days);
  });

  it('weekly: every 7 days from the anchor; the lead days still count', () => {
    expect(dueDays('2027-06-15', [20], 'weekly', '2027-01-01')).toEqual(['2027-05-26', '2027-06-02', '2027-06-09']);
    expect(dueDays('2027-06-15', [20, 0], 'weekly', '2027-01-01')).toEqual([
      '2027-05-26',
      '2027-06-02',
      '2027-06-09',
      '2027-06-15',
    ]);
    expect(dueDays('2027-06-15', [20, 10], 'weekly', '2027-01-01')).toEqual([
      '2027-05-26',
      '2027-06-02',
      '2027-06-05',
      '2027-06-09',
    ]);
    expect(dueDays('2027-06-15', [14], 'weekly', '2027-01-01')).toEqual(['2027-06-01', '2027-06-08', '2027-06-15']);
  });

  it('monthly: the anchor day of every month before the event', () => {
    expect(dueDays('2027-06-15', [100], 'monthly', '2027-01-01')).toEqual([
      '2027-03-07',
      '2027-04-07',
      '2027-05-07',
      '2027-06-07',
    ]);
    expect(dueDays('2027-06-15', [100, 0], 'monthly', '2027-01-01')).toEqual([
      '2027-03-07',
      '2027-04-07',
      '2027-05-07',
      '2027-06-07',
      '2027-06-15',
    ]);
  });

  it('monthly from Jan 31 clamps to Feb 28 and returns to Mar 31 (counted from the anchor, not chained)', () => {
    expect(dueDays('2027-04-30', [89], 'monthly', '2027-01-01')).toEqual([
      '2027-01-31',
      '2027-02-28',
      '2027-03-31',
      '2027-04-30',
    ]);
    expect(dueDays('2028-04-30', [90], 'monthly', '2028-01-01')).toEqual([
      '2028-01-31',
      '2028-02-29',
      '2028-03-31',
      '2028-04-30',
    ]);
  });

  it('monthly from Feb 29 keeps the 29th, clamped to Feb 28 in a common year', () => {
    expect(dueDays('2029-04-01', [397], 'monthly', '2028-01-01')).toEqual([
      '2028-02-29',
      '2028-03-29',
      '2028-04-29',
      '2028-05-29',
      '2028-06-29',
      '2028-07-29',
      '2028-08-29',
      '2028-09-29',
      '2028-10-29',
      '2028-11-29',
      '2028-12-29',
      '2029-01-29',
      '2029-02-28',
      '2029-03-29',
    ]);
  });

  it('addMonthsClamped moves the anchor across years and month ends', () => {
    expect(addMonthsClamped('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonthsClamped('2027-01-31', 2)).toBe('2027-03-31');
    expect(addMonthsClamped('2027-12-31', 2)).toBe('2028-02-29');
    expect(addMonthsClamped('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonthsClamped('2028-02-29', 48)).toBe('2032-02-29');
    expect(addMonthsClamped('2027-03-31', -1)).toBe('2027-02-28');
  });
});

describe('lead times already past when the reminder is created', () => {
  const event = '2027-06-15';
  const leads = [90, 30, 0];

  it('are skipped', () => {
    expect(firstDue(event, leads, 'once', '2027-05-01')).toBe('2027-05-16');
    expect(dueDays(event, leads, 'once', '2027-05-01')).toEqual(['2027-05-16', '2027-06-15']);
    expect(firstDue(event, leads, 'once', '2027-05-16')).toBe('2027-05-16');
    expect(firstDue(event, leads, 'once', '2027-05-17')).toBe('2027-06-15');
  });

  it('all past while the event is ahead: one catch-up on the creation day', () => {
    expect(firstDue(event, [90, 30], 'once', '2027-06-01')).toBe('2027-06-01');
    expect(dueDays(event, [90, 30], 'once', '2027-06-01')).toEqual(['2027-06-01']);
    expect(dueDays(event, [30], 'once', event)).toEqual([event]);
  });

  it('all past with repetition: the catch-up, then the schedule as it would have run', () => {
    // Weekly from 2027-05-16: 05-23, 05-30, 06-06, 06-13.
    expect(dueDays(event, [30], 'weekly', '2027-06-01')).toEqual(['2027-06-01', '2027-06-06', '2027-06-13']);
    expect(dueDays(event, [30], 'weekly', '2027-06-06')).toEqual(['2027-06-06', '2027-06-13']);
    expect(dueDays(event, [30], 'weekly', '2027-06-14')).toEqual(['2027-06-14']);
    expect(dueDays(event, [10], 'daily', '2027-06-12')).toEqual([
      '2027-06-12',
      '2027-06-13',
      '2027-06-14',
      '2027-06-15',
    ]);
    // Monthly from 2027-01-31: 02-28, 03-31, 04-30.
    expect(dueDays('2027-04-30', [89], 'monthly', '2027-03-01')).toEqual(['2027-03-01', '2027-03-31', '2027-04-30']);
  });

  it('some past with repetition: the next due day, no catch-up', () => {
    expect(dueDays(event, [30, 7], 'weekly', '2027-06-01')).toEqual(['2027-06-06', '2027-06-08', '2027-06-13']);
    expect(dueDays('2027-04-30', [89, 0], 'monthly', '2027-03-01')).toEqual(['2027-03-31', '2027-04-30']);
  });

  it('the event is past, or has no date, or no lead times: nothing', () => {
    expect(firstDue(event, leads, 'daily', '2027-06-16')).toBeNull();
    expect(dueDays(event, leads, 'daily', '2027-06-16')).toEqual([]);
    expect(firstDue(null, leads, 'daily', '2027-01-01')).toBeNull();
    expect(firstDue(event, [], 'daily', '2027-01-01')).toBeNull();
  });
});

describe('nextDue is the first due day on or after from', () => {
  const event = '2027-06-15';

  it('counts from itself and stops at the event', () => {
    expect(nextDue(event, [30, 0], 'once', '2027-05-16')).toBe('2027-05-16');
    expect(nextDue(event, [30, 0], 'once', '2027-05-17')).toBe(event);
    expect(nextDue(event, [30, 0], 'once', event)).toBe(event);
    expect(nextDue(event, [30, 0], 'daily', '2027-06-16')).toBeNull();
    expect(nextDue(event, [30], 'once', '2027-05-17')).toBeNull();
    expect(nextDue(event, [], 'daily', '2027-01-01')).toBeNull();
  });

  it('before the anchor it is the anchor, whatever the repetition', () => {
    for (const repeat of ['once', 'daily', 'weekly', 'monthly'] as const) {
      expect(nextDue(event, [30, 7], repeat, '2027-01-01')).toBe('2027-05-16');
    }
  });

  it('weekly: a step day itself, the day after moves to the next step, none past the event', () => {
    expect(nextDue(event, [30], 'weekly', '2027-05-23')).toBe('2027-05-23');
    expect(nextDue(event, [30], 'weekly', '2027-05-24')).toBe('2027-05-30');
    expect(nextDue(event, [30], 'weekly', '2027-06-14')).toBeNull();
  });

  it('monthly: the clamped day in the month of from, else the next month', () => {
    expect(nextDue('2027-04-30', [89], 'monthly', '2027-02-28')).toBe('2027-02-28');
    expect(nextDue('2027-04-30', [89], 'monthly', '2027-02-01')).toBe('2027-02-28');
    expect(nextDue('2027-04-30', [89], 'monthly', '2027-03-01')).toBe('2027-03-31');
    expect(nextDue('2027-04-30', [89], 'monthly', '2027-04-01')).toBe('2027-04-30');
    expect(nextDue('2027-04-29', [88], 'monthly', '2027-04-01')).toBeNull();
  });
});

/** The rules of occurrences.ts restated day by day: is the reminder due on `day`? */
function isDueDay(eventDay: number, leads: readonly number[], repeat: Repeat, day: number): boolean {
  const before = eventDay - day;
  if (before < 0) return false;
  if (leads.includes(before)) return true;
  const anchorBefore = Math.max(...leads);
  if (repeat === 'once' || before > anchorBefore) return false;
  switch (repeat) {
    case 'daily':
      return true;
    case 'weekly':
      return (anchorBefore - before) % 7 === 0;
    case 'monthly': {
      const a = parseDate(fromDayNumber(eventDay - anchorBefore));
      const d = parseDate(fromDayNumber(day));
      return d.day === Math.min(a.day, daysInMonth(d.year, d.month));
    }
  }
}

function referenceNext(event: IsoDate, leads: readonly number[], repeat: Repeat, from: IsoDate): IsoDate | null {
  const eventDay = toDayNumber(event);
  const start = Math.max(toDayNumber(from), eventDay - Math.max(...leads));
  for (let day = start; day <= eventDay; day++) if (isDueDay(eventDay, leads, repeat, day)) return fromDayNumber(day);
  return null;
}

function referenceFirst(event: IsoDate, leads: readonly number[], repeat: Repeat, created: IsoDate): IsoDate | null {
  if (toDayNumber(created) > toDayNumber(event)) return null;
  const allPast = leads.every((l) => toDayNumber(addDays(event, -l)) < toDayNumber(created));
  return allPast ? created : referenceNext(event, leads, repeat, created);
}

describe('properties against the rules restated day by day', () => {
  it('nextDue is the first due day on or after from', () => {
    fc.assert(
      fc.property(reminderCase, ({ eventDate, leadTimes, repeat, from }) => {
        expect(nextDue(eventDate, leadTimes, repeat, from)).toBe(referenceNext(eventDate, leadTimes, repeat, from));
      }),
      RUNS,
    );
  });

  it('firstDue skips past lead days and catches up once when all are past', () => {
    fc.assert(
      fc.property(reminderCase, ({ eventDate, leadTimes, repeat, from }) => {
        expect(firstDue(eventDate, leadTimes, repeat, from)).toBe(referenceFirst(eventDate, leadTimes, repeat, from));
      }),
      RUNS,
    );
  });

  it('dueDays lists the first due day and then every due day up to the event, in order', () => {
    fc.assert(
      fc.property(reminderCase, ({ eventDate, leadTimes, repeat, from }) => {
        const first = referenceFirst(eventDate, leadTimes, repeat, from);
        const expected: IsoDate[] = [];
        if (first !== null) {
          expected.push(first);
          const eventDay = toDayNumber(eventDate);
          for (let day = toDayNumber(first) + 1; day <= eventDay; day++) {
            if (isDueDay(eventDay, leadTimes, repeat, day)) expected.push(fromDayNumber(day));
          }
        }
        expect(dueDays(eventDate, leadTimes, repeat, from, 2000)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('dueDays stops at its limit', () => {
    expect(dueDays('2030-01-01', [1095], 'daily', '2027-01-01')).toHaveLength(400);
    expect(dueDays('2030-01-01', [1095], 'daily', '2027-01-01', 3)).toEqual(['2027-01-02', '2027-01-03', '2027-01-04']);
  });
});
