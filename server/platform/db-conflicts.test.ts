import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conflictOf } from './db-conflicts.js';

const client = new PGlite();
const db = drizzle(client);
beforeAll(async () => {
  await db.execute(sql`create table categories (name text not null)`);
  await db.execute(sql`create unique index categories_name_key on categories (lower(name))`);
  await db.execute(sql`create table other (v int not null)`);
  await db.execute(sql`create unique index other_key on other (v)`);
});
afterAll(() => client.close());

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (err: unknown) => err,
  );

describe('a lost race becomes a 409', () => {
  it('names the field of a known unique key, through the wrapper drizzle puts around the error', async () => {
    await db.execute(sql`insert into categories values ('Leases')`);
    const err = await failure(db.execute(sql`insert into categories values ('LEASES')`));
    expect(conflictOf(err)).toMatchObject({
      code: 'conflict',
      details: { reason: 'duplicate', errors: [{ field: 'name', rule: 'unique' }] },
    });
  });

  it('still answers 409 for a key it cannot name, without a field', async () => {
    await db.execute(sql`insert into other values (1)`);
    const err = await failure(db.execute(sql`insert into other values (1)`));
    const conflict = conflictOf(err);
    expect(conflict).toMatchObject({ code: 'conflict', details: { reason: 'duplicate' } });
    expect(conflict?.details.errors).toBeUndefined();
  });

  it('answers a deadlock or serialization failure with a retry hint', () => {
    const pgError = Object.assign(new Error('deadlock detected'), { code: '40P01' });
    expect(conflictOf(new Error('Failed query', { cause: pgError }))).toMatchObject({
      details: { reason: 'concurrent_change' },
    });
  });

  it('leaves every other error alone', async () => {
    expect(conflictOf(await failure(db.execute(sql`select * from nowhere`)))).toBeNull();
    expect(conflictOf(new Error('boom'))).toBeNull();
    expect(conflictOf('text')).toBeNull();
  });
});
