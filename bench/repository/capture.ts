import pg from 'pg';

/** One statement as the app sent it to PostgreSQL. */
export interface Statement {
  text: string;
  values: unknown[];
  rowMode?: 'array';
}

let sink: Statement[] | null = null;

/**
 * Wraps `pg.Client#query` so the statements the in-process server sends can be recorded; the
 * server and this benchmark load the same `pg` module, so the wrapper sees every query.
 */
export function installCapture() {
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    if (sink) sink.push(statementOf(args[0], args[1]));
    return original.apply(this, args);
  } as typeof pg.Client.prototype.query;
}

function statementOf(config: unknown, values: unknown): Statement {
  if (typeof config === 'string') return { text: config, values: Array.isArray(values) ? values : [] };
  const c = config as { text: string; values?: unknown[]; rowMode?: 'array' };
  return { text: c.text, values: c.values ?? (Array.isArray(values) ? values : []), rowMode: c.rowMode };
}

/** The statements issued while `fn` runs (nothing else may use the database meanwhile). */
export async function capture(fn: () => Promise<unknown>): Promise<Statement[]> {
  sink = [];
  try {
    await fn();
    return sink;
  } finally {
    sink = null;
  }
}

/** The list query: the statement that reads contracts page by page. */
export function mainIndex(statements: Statement[]): number {
  return statements.findIndex((s) => /from "contracts"/i.test(s.text) && /\blimit\b/i.test(s.text));
}

/** The statements to replay: the request's transaction without its occasional writes (last-used stamps). */
export function readOnly(statements: Statement[]): Statement[] {
  return statements.filter((s) => !/^\s*(update|insert|delete)\b/i.test(s.text));
}

/** Sends the captured transaction again through `pg`; returns total and list-query milliseconds. */
export async function replay(pool: pg.Pool, statements: Statement[], main: number) {
  const client = await pool.connect();
  try {
    const start = process.hrtime.bigint();
    let mainMs = 0;
    for (const [i, s] of statements.entries()) {
      const t = process.hrtime.bigint();
      await (s.rowMode
        ? client.query({ text: s.text, values: s.values, rowMode: 'array' })
        : client.query(s.text, s.values));
      if (i === main) mainMs = Number(process.hrtime.bigint() - t) / 1e6;
    }
    return { totalMs: Number(process.hrtime.bigint() - start) / 1e6, mainMs };
  } finally {
    client.release();
  }
}

/** EXPLAIN (ANALYZE, BUFFERS) of the list query, inside the transaction as the app runs it (role, claims, RLS). */
export async function explain(pool: pg.Pool, statements: Statement[], main: number): Promise<string> {
  const client = await pool.connect();
  try {
    for (const s of statements.slice(0, main)) await client.query({ text: s.text, values: s.values });
    const s = statements[main]!;
    const { rows } = await client.query({ text: `explain (analyze, buffers) ${s.text}`, values: s.values });
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    await client.query('rollback');
    client.release();
  }
}
