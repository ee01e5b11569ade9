import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors.js';
import { cellText } from '../../platform/files/xlsx-cell.js';
import { hasUnstorableText } from '../../platform/http/input-guard.js';
import { type QuoteProblem, quoteProblems } from './csv-quotes.js';
import { LIMITS } from './import-limits.js';
import { checkUnpackedSize } from './xlsx-size.js';

/** One data row: its row number in the file (the header is row 1) and its cells as text. */
export interface FileRow {
  line: number;
  cells: string[];
}

export interface Table {
  format: 'csv' | 'xlsx';
  headers: string[];
  rows: FileRow[];
}

const bad = (rule: string, message: string, params?: Record<string, string | number>) =>
  new AppError('validation_failed', `file ${message}`, {
    errors: [{ field: 'file', rule, message, ...(params ? { params } : {}) }],
  });

const QUOTE_MESSAGES: Record<Exclude<QuoteProblem['kind'], 'quote_in_value'>, string> = {
  unclosed_quote: 'opens a quoted value that is never closed. Close the quote, or remove it.',
  text_after_quote:
    'has text right after a closing quote. Put the whole value in quotes and double any quote inside it ("").',
};

/** Counts rows, columns and characters while a file is read, and refuses it the moment one is over its limit. */
class Budget {
  private rows = 0;
  private text = 0;

  take(cells: string[], line: number) {
    if (cells.length > LIMITS.columns)
      throw bad('too_many_columns', `row ${line} has ${cells.length} columns; at most ${LIMITS.columns} are read.`, {
        row: line,
        max: LIMITS.columns,
      });
    let filled = false;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]!;
      if (cell.length > LIMITS.cell)
        throw bad('cell_too_large', `row ${line}, column ${i + 1}: a cell holds more than ${LIMITS.cell} characters.`, {
          row: line,
          column: i + 1,
          max: LIMITS.cell,
        });
      if (hasUnstorableText(cell))
        throw bad(
          'text_characters',
          `row ${line}, column ${i + 1}: a cell contains a NUL character or a broken surrogate pair.`,
          {
            row: line,
            column: i + 1,
          },
        );
      this.text += cell.length;
      filled ||= cell.trim() !== '';
    }
    if (this.text > LIMITS.text)
      throw bad('too_much_text', `holds more than ${LIMITS.text / 1_000_000} million characters of text.`, {
        max: LIMITS.text,
      });
    // The header is the first filled row; data rows after it count against the limit.
    if (filled && ++this.rows > LIMITS.rows + 1)
      throw bad('too_many_rows', `has more than ${LIMITS.rows} rows; split it into several imports.`, {
        max: LIMITS.rows,
      });
  }
}

const isZip = (b: Buffer) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** The delimiter used most in the header line, outside quotes: comma, semicolon or tab. */
export function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text.slice(0, 64 * 1024)) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch]! += 1;
  }
  const [best, n] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]!;
  return n > 0 ? best : ',';
}

function decodeUtf8(content: Buffer): string {
  try {
    // fatal: a broken byte sequence is an error, not a silent U+FFFD; the BOM is dropped.
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw bad('encoding', 'is not valid UTF-8 text. Save the file as "CSV UTF-8" and upload it again.');
  }
}

function readCsv(content: Buffer, budget: Budget): string[][] {
  if (content.subarray(0, 8192).includes(0)) {
    throw new AppError('unsupported_media_type', 'The file is neither CSV text nor an Excel (.xlsx) workbook.');
  }
  const text = decodeUtf8(content);
  const delimiter = detectDelimiter(text);
  const problems = quoteProblems(text, delimiter);
  for (const { kind, row, column } of problems) {
    if (kind !== 'quote_in_value')
      throw bad(`csv_${kind}`, `row ${row}, column ${column}: ${QUOTE_MESSAGES[kind]}`, { row, column });
  }
  let line = 0;
  try {
    return parse(text, {
      delimiter,
      relax_column_count: true,
      // A quote inside an unquoted value (12" screen) is kept as a character; the scan above refused the rest.
      relax_quotes: problems.length > 0,
      max_record_size: LIMITS.cell * 4,
      on_record: (record: string[]) => {
        budget.take(record, ++line);
        return record;
      },
    }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) {
      const row = (error as CsvError & { lines?: number }).lines ?? 1;
      if (error.code === 'CSV_MAX_RECORD_SIZE')
        throw bad('cell_too_large', `has a row larger than ${LIMITS.cell * 4} characters near row ${row}`, {
          row,
          max: LIMITS.cell,
        });
      throw bad('csv_syntax', `could not be read as CSV near row ${row}.`, { row });
    }
    throw error;
  }
}

/** The first worksheet, read as a stream so big workbooks never sit in memory twice. */
async function readXlsx(content: Buffer, budget: Budget): Promise<{ lines: number[]; rows: string[][] }> {
  await checkUnpackedSize(content);
  const { default: Excel } = await import('exceljs');
  const reader = new Excel.stream.xlsx.WorkbookReader(Readable.from([content]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  const rows: string[][] = [];
  const lines: number[] = [];
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = (row.values as ExcelJS.CellValue[]).slice(1);
        const cells = Array.from(values, (v) => cellText(v));
        budget.take(cells, row.number);
        rows.push(cells);
        lines.push(row.number);
      }
      break;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw bad('xlsx_unreadable', 'could not be read as an Excel workbook (.xlsx).');
  }
  return { lines, rows };
}

/** Reads an upload into headers and non-empty data rows, refusing what is not a usable table. */
export async function readTable(content: Buffer): Promise<Table> {
  if (content.length === 0) throw bad('empty', 'is empty.');
  const format = isZip(content) ? 'xlsx' : 'csv';
  const budget = new Budget();
  const { lines, rows } =
    format === 'xlsx' ? await readXlsx(content, budget) : { lines: null, rows: readCsv(content, budget) };
  const all = rows.map((cells, i) => ({ line: lines ? lines[i]! : i + 1, cells }));
  const nonEmpty = all.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [head, ...data] = nonEmpty;
  if (!head) throw bad('empty', 'has no header row.');
  const headers = head.cells.map((h, i) => h.trim() || `Column ${i + 1}`);
  const long = headers.findIndex((h) => h.length > LIMITS.header);
  if (long >= 0)
    throw bad('header_too_long', `column ${long + 1} has a name longer than ${LIMITS.header} characters.`, {
      column: long + 1,
      max: LIMITS.header,
    });
  const dup = headers.find((h, i) => headers.findIndex((x) => x.toLowerCase() === h.toLowerCase()) !== i);
  if (dup) throw bad('duplicate_header', `has the column "${dup}" twice; give each column its own name.`);
  if (data.length === 0) throw bad('no_rows', 'has a header but no data rows.');
  return { format, headers, rows: data };
}
