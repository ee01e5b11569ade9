import { customType, date, timestamp } from 'drizzle-orm/pg-core';

/** A point in time, read as a JS Date. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A calendar date, read as `YYYY-MM-DD` so no time zone can shift it. */
export const day = (name: string) => date(name, { mode: 'string' });

/** A full-text search document; only ever written by PostgreSQL as a generated column. */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** Binary data, read as a Buffer whichever driver (pg gives Buffers, PGlite Uint8Arrays). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) =>
    Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength),
});
