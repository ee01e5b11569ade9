import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReminderCase, reminderCase } from '../../common/reminders/arbitraries.js';
import { firstDue, nextDue } from '../../common/reminders/occurrences.js';
import { REPEATS } from '../../common/schemas/reminders.js';
import { addDays, type IsoDate } from '../../common/terms/dates.js';
import { type Harness, startHarness } from '../test/harness.js';
import { rowsOf } from './client.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

type Case = Omit<ReminderCase, 'eventDate'> & { eventDate: IsoDate | null };
interface Answer {
  next: IsoDate | null;
  first: IsoDate | null;
}

/** Both SQL functions for every case, in one statement. */
async function inSql(cases: readonly Case[]): Promise<Answer[]> {
  const result = await h.database.db.execute(sql`
    select reminder_next_due(c.event_date, c.lead_times, c.repeat, c.from_day)::text as next,
           reminder_first_due(c.event_date, c.lead_times, c.repeat, c.from_day)::text as first
    from jsonb_array_elements(${JSON.stringify(cases)}::jsonb) with ordinality as j(c, i)
    cross join lateral (
      select (j.c ->> 'eventDate')::date as event_date,
             array(select jsonb_array_elements_text(j.c -> 'leadTimes')::int) as lead_times,
             j.c ->> 'repeat' as repeat,
             (j.c ->> 'from')::date as from_day
    ) c
    order by j.i`);
  return rowsOf<Answer>(result).map((r) => ({ next: r.next, first: r.first }));
}

function inTypeScript(c: Case): Answer {
  return {
    next: c.eventDate === null ? null : nextDue(c.eventDate, c.leadTimes, c.repeat, c.from),
    first: firstDue(c.eventDate, c.leadTimes, c.repeat, c.from),
  };
}

/** Each case with its answers, so a failure shows which case differs. */
const labelled = (cases: readonly Case[], answers: readonly Answer[]) => cases.map((c, i) => ({ ...c, ...answers[i] }));

async function expectTwins(cases: readonly Case[]) {
  expect(labelled(cases, await inSql(cases))).toEqual(labelled(cases, cases.map(inTypeScript)));
}

describe('reminder_next_due and reminder_first_due equal nextDue and firstDue', () => {
  it('on a grid of month ends, leap days and year ends, every repetition and days around each lead day', async () => {
    const events = ['2027-04-30', '2027-06-15', '2028-02-29', '2028-03-01', '2027-12-31', '2029-01-01', '2029-03-31'];
    const leadSets = [[0], [1095], [366, 365, 0], [90, 30, 7], [89], [397, 31], [29, 28, 1]];
    const cases: Case[] = [];
    for (const eventDate of events) {
      for (const leadTimes of leadSets) {
        for (const repeat of REPEATS) {
          const days = new Set([...leadTimes.map((l) => addDays(eventDate, -l)), eventDate]);
          for (const day of days) {
            for (const shift of [-8, -1, 0, 1, 3, 8, 31])
              cases.push({ eventDate, leadTimes, repeat, from: addDays(day, shift) });
          }
        }
      }
    }
    cases.push({ eventDate: null, leadTimes: [30], repeat: 'daily', from: '2027-01-01' });
    expect(cases.length).toBeGreaterThan(2000);
    await expectTwins(cases);
  });

  it('on generated reminders', async () => {
    const batch = fc.array(
      fc.oneof(
        { weight: 9, arbitrary: reminderCase as fc.Arbitrary<Case> },
        { weight: 1, arbitrary: reminderCase.map((c): Case => ({ ...c, eventDate: null })) },
      ),
      { minLength: 1, maxLength: 20 },
    );
    await fc.assert(
      fc.asyncProperty(batch, async (cases) => {
        await expectTwins(cases);
      }),
      { numRuns: 300 },
    );
  });
});
