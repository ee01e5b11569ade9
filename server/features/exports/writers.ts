import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell, Column } from './columns.js';

/** Receives pages of cells and turns them into bytes on `out`, waiting when the reader is slow. */
export interface SheetWriter {
  header(columns: Column[]): Promise<void>;
  rows(rows: Cell[][]): Promise<void>;
  finish(): Promise<void>;
}

/** Spreadsheet apps run cells that start like a formula; a leading apostrophe keeps them text. */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'object') return 'date' in cell ? cell.date : `${cell.amount} ${cell.currency}`.trim();
  if (typeof cell !== 'string') return String(cell);
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** RFC 4180: quote when needed, double the quotes inside. */
function csvField(cell: Cell): string {
  const s = csvText(cell);
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Waits for the reader; a closed stream (the client went away) ends the wait too. */
async function drained(out: Writable) {
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

export function csvWriter(out: Writable): SheetWriter {
  return {
    // The BOM tells Excel the file is UTF-8.
    header: (columns) => write(out, `\uFEFF${columns.map((c) => csvField(c.label)).join(',')}\r\n`),
    rows: (rows) => write(out, rows.map((r) => `${r.map(csvField).join(',')}\r\n`).join('')),
    finish: async () => {
      out.end();
    },
  };
}

/** A date as Excel wants it: midnight UTC of that day. */
const excelDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

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

/** Streams an .xlsx: rows are committed as they come, so memory stays flat. */
export function xlsxWriter(out: Writable, sheetName: string): SheetWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName);
  return {
    header: async (columns) => {
      sheet.columns = columns.map((c) => ({ header: c.label, key: c.key, width: Math.max(12, c.label.length + 2) }));
      sheet.getRow(1).font = { bold: true };
      sheet.getRow(1).commit();
    },
    rows: async (rows) => {
      for (const cells of rows) {
        const row = sheet.addRow([]);
        for (const [i, value] of cells.entries()) setCell(row.getCell(i + 1), value);
        row.commit();
      }
      await drained(out);
    },
    finish: async () => {
      sheet.commit();
      await workbook.commit();
    },
  };
}
