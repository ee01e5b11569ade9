import type { Writable } from 'node:stream';
import type { Ctx, Deps } from '../../platform/context.js';
import type { Cell, Column } from '../exports/columns.js';
import type { Locale } from '../exports/labels.js';
import { csvWriter } from '../exports/writers.js';
import type { Row } from './account-exports.data.repo.js';
import { type ExportZip, writeText } from './account-exports.zip.js';

export interface ContentsEnv {
  deps: Deps;
  orgId: string;
  locale: Locale;
  /** One short transaction in the org (a page each), so a long export holds no connection. */
  read: <T>(fn: (ctx: Ctx) => Promise<T>) => Promise<T>;
  /** Told the total once, then every item (row or file) written. */
  progress: { total(n: number): Promise<void>; add(n: number): Promise<void> };
}

/** A value as one CSV cell: timestamps as ISO text, lists and objects as JSON. */
export function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

export const plainColumns = (keys: readonly string[]): Column[] =>
  keys.map((key) => ({ key, label: key, value: ({ record }) => cellOf(record[key]) }));

export const asCells = (columns: Column[], rows: Row[]): Cell[][] =>
  rows.map((record) => columns.map((c) => c.value({ record, names: () => null, word: () => null })));

/** `[`, one record per line, `]`: valid JSON that a reader can also take line by line. */
export async function jsonLines(out: Writable, pages: AsyncIterable<Row[]>, onPage: (n: number) => Promise<void>) {
  await writeText(out, '[\n');
  let first = true;
  for await (const rows of pages) {
    let chunk = '';
    for (const row of rows) {
      chunk += `${first ? '' : ',\n'}${JSON.stringify(row)}`;
      first = false;
    }
    await writeText(out, chunk);
    await onPage(rows.length);
  }
  await writeText(out, first ? ']\n' : '\n]\n');
  out.end();
}

/** The grid export's CSV writer (dialect and BOM by locale), fed page by page. */
export async function csvFile(
  out: Writable,
  env: ContentsEnv,
  columns: Column[],
  pages: AsyncIterable<Row[]>,
  onPage: (n: number) => Promise<void>,
) {
  const writer = csvWriter(out, env.locale);
  await writer.header(columns);
  for await (const rows of pages) {
    await writer.rows(asCells(columns, rows));
    await onPage(rows.length);
  }
  await writer.finish();
}

/** Both files of a kind of record, each from its own pass over the pages. */
export async function writeBoth(
  zip: ExportZip,
  env: ContentsEnv,
  name: string,
  columns: Column[],
  pages: () => AsyncIterable<Row[]>,
  csvPages?: () => AsyncIterable<Row[]>,
): Promise<number> {
  let rows = 0;
  await zip.write(`data/${name}.json`, true, (out) =>
    jsonLines(out, pages(), (n) => {
      rows += n;
      return env.progress.add(n);
    }),
  );
  // Rows of another shape (documents.csv has one per version) count as one step per record of the JSON.
  const csvProgress = csvPages ? async () => {} : env.progress.add;
  await zip.write(`data/${name}.csv`, true, (out) => csvFile(out, env, columns, (csvPages ?? pages)(), csvProgress));
  if (csvPages) await env.progress.add(rows);
  return rows;
}
