import pg from 'pg';

/** Where the benches' databases live: BENCH_PG_URL, or PostgreSQL on loopback as the superuser. */
export const BENCH_PG_ROOT = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';

/** One statement as the superuser on the maintenance database: creating and dropping the benches' databases. */
export async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${BENCH_PG_ROOT}/postgres` });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
