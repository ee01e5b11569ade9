import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { spreadsheetText } from '../../../common/spreadsheet-text.js';
import type { Cell, Column } from './columns.js';
import { header, type Locale } from './labels.js';

/** Receives pages of cells and turns them into bytes on `out`, waiting when the reader is slow. */
export interface SheetWriter {
  header(columns: Column[]): Promise<void>;
  rows(rows: Cell[][]): Promise<void>;
  finish(): Promise<void>;
}

/** How the reader's Excel splits fields and reads numbers and dates when it opens a CSV. */
interface CsvDialect {
  separator: string;
  decimal: string;
  date: (iso: string) => string;
}

const DIALECTS: Record<Locale, CsvDialect> = {
  en: { separator: ',', decimal: '.', date: (iso) => iso },
  // German Excel splits at semicolons, reads 1234,5 as a number and 31.12.2026 as a date.
  de: { separator: ';', decimal: ',', date: (iso) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` },
};

/** A decimal as written in JSON ("-1234.5"), with the reader's decimal mark and no grouping. */
const decimal = (d: CsvDialect, value: string) => value.replace('.', d.decimal);

function csvText(d: CsvDialect, cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'object') {
    if ('date' in cell) return d.date(cell.date);
    return `${decimal(d, cell.amount)} ${cell.currency}`.trim();
  }
  if (typeof cell === 'number') return decimal(d, String(cell));
  if (typeof cell !== 'string') return String(cell);
  return spreadsheetText(cell);
}

/** RFC 4180 with the dialect's separator: quote when needed, double the quotes inside. */
function csvField(d: CsvDialect, cell: Cell): string {
  const s = csvText(d, cell);
  const special = s.includes(d.separator) || /["\r\n]/.test(s) || s !== s.trim();
  return special ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The header of a column in the reader's language. */
const title = (locale: Locale, c: Column) => header(locale, c.label, c.key.startsWith('cf.'));

/** Waits for the reader; a closed stream (the client went away) ends the wait too. */
export async function drained(out: Writable) {
  if (!out.writableNeedDrain || out.destroyed) return;
  const ac = new AbortController();
  await Promise.race([once(out, 'drain', { signal: ac.signal }), once(out, 'close', { signal: ac.signal })]).finally(
    () => ac.abort(),
  );
}

async function write(out: Writable, chunk: string) {
  if (out.destroyed) return;
  out.write(chunk);
  await drained(out);
}

export function csvWriter(out: Writable, locale: Locale): SheetWriter {
  const d = DIALECTS[locale];
  const line = (cells: Cell[]) => `${cells.map((c) => csvField(d, c)).join(d.separator)}\r\n`;
  return {
    // The BOM tells Excel the file is UTF-8.
    header: (columns) => write(out, `\uFEFF${line(columns.map((c) => title(locale, c)))}`),
    rows: (rows) => write(out, rows.map(line).join('')),
    finish: async () => {
      out.end();
    },
  };
}

/** A date as Excel wants it: midnight UTC of that day. */
const excelDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Text goes in as a string cell, which Excel shows and never runs; only an object with `formula` would be one. */
function setCell(cell: ExcelJS.Cell, value: Cell) {
  if (value === null) return;
  if (typeof value !== 'object') {
    cell.value = value;
    return;
  }
  if ('date' in value) {
    cell.value = excelDate(value.date);
    cell.numFmt = 'yyyy-mm-dd';
  } else if (value.exact) {
    cell.value = Number(value.amount);
    cell.numFmt = `#,##0.00${value.currency ? ` "${value.currency}"` : ''}`;
  } else {
    cell.value = `${value.amount} ${value.currency}`.trim();
  }
}

/**
 * Streams an .xlsx: rows are committed as they come, so memory stays flat. The workbook library
 * is loaded with the first call (a server that never exports never holds it).
 */
export function xlsxWriter(out: Writable, sheetName: string, locale: Locale): SheetWriter {
  let opened: Promise<{ workbook: ExcelJS.stream.xlsx.WorkbookWriter; sheet: ExcelJS.Worksheet }> | undefined;
  const open = () => {
    opened ??= import('exceljs').then(({ default: Excel }) => {
      const workbook = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
      return { workbook, sheet: workbook.addWorksheet(sheetName) };
    });
    return opened;
  };
  return {
    header: async (columns) => {
      const { sheet } = await open();
      sheet.columns = columns.map((c) => {
        const text = title(locale, c);
        return { header: text, key: c.key, width: Math.max(12, text.length + 2) };
      });
      sheet.getRow(1).font = { bold: true };
      sheet.getRow(1).commit();
    },
    rows: async (rows) => {
      const { sheet } = await open();
      for (const cells of rows) {
        const row = sheet.addRow([]);
        for (const [i, value] of cells.entries()) setCell(row.getCell(i + 1), value);
        row.commit();
      }
      await drained(out);
    },
    finish: async () => {
      const { workbook, sheet } = await open();
      sheet.commit();
      await workbook.commit();
    },
  };
}
