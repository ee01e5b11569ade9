import { date, timestamp } from 'drizzle-orm/pg-core';

/** A point in time, read as a JS Date. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A calendar date, read as `YYYY-MM-DD` so no time zone can shift it. */
export const day = (name: string) => date(name, { mode: 'string' });
