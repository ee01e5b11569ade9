import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { cellText } from '../../../platform/files/xlsx-cell.js';
import { openZip, readZipPart, zipUnpackProblem } from '../../../platform/files/zip.js';
import { scanMarkup } from './markup.js';
import { failed, type ParsedText } from './worker-protocol.js';

/** An office file may unpack to this much, in at most this many parts, before any reader expands it. */
export const OFFICE_LIMITS = { unpacked: 200 * 1024 * 1024, entries: 5_000 } as const;

const pages = (texts: string[]): ParsedText => ({ status: 'pages', pages: texts.map((t) => t.trim()), scanned: [] });

/** Null when the zip may be read; otherwise the failure to report. */
export async function officeZipExcess(data: Buffer): Promise<ParsedText | null> {
  if (!(await openZip(data, OFFICE_LIMITS.entries))) return failed('unreadable');
  return (await zipUnpackProblem(data, OFFICE_LIMITS)) ? failed('too_large') : null;
}

export async function docxText(data: Buffer): Promise<ParsedText> {
  const mammoth = (await import('mammoth')).default;
  const { value } = await mammoth.extractRawText({ buffer: data });
  return pages([value]);
}

/** One page per worksheet: its name, then its rows with cells separated by tabs. */
export async function xlsxText(data: Buffer, maxChars: number): Promise<ParsedText> {
  const ExcelJS = (await import('exceljs')).default;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([data]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  const sheets: string[] = [];
  let chars = 0;
  for await (const sheet of reader) {
    const name = (sheet as unknown as { name?: string }).name ?? '';
    let text = `${name}\n`;
    for await (const row of sheet) {
      const cells = (row.values as ExcelJS.CellValue[]).slice(1).map((v) => cellText(v));
      text += `${cells.join('\t').trimEnd()}\n`;
      if (chars + text.length >= maxChars) break;
    }
    sheets.push(text);
    chars += text.length;
    if (chars >= maxChars) break;
  }
  return pages(sheets);
}

/** Text of a DrawingML part (PowerPoint slides): runs in a:t, a line per paragraph. */
function drawingText(xml: string): string {
  let text = '';
  let inRun = 0;
  for (const token of scanMarkup(xml)) {
    if (token.type === 'open' && token.name === 'a:t' && !token.selfClosing) inRun++;
    else if (token.type === 'close' && token.name === 'a:t') inRun = Math.max(0, inRun - 1);
    else if (token.type === 'close' && token.name === 'a:p') text += '\n';
    else if (token.type === 'open' && (token.name === 'a:br' || token.name === 'a:tab'))
      text += token.name === 'a:br' ? '\n' : '\t';
    else if (token.type === 'text' && inRun > 0) text += token.text;
  }
  return text;
}

const SLIDE = /^ppt\/slides\/slide(\d+)\.xml$/;

/** One page per slide, in the order of the slide parts' numbers. */
export async function pptxText(data: Buffer): Promise<ParsedText> {
  const zip = await openZip(data, OFFICE_LIMITS.entries);
  if (!zip) return failed('unreadable');
  const slides = zip.entries
    .map((part) => ({ part, number: Number(SLIDE.exec(part.name)?.[1] ?? Number.NaN) }))
    .filter((slide) => Number.isInteger(slide.number))
    .sort((a, b) => a.number - b.number);
  if (slides.length === 0) return failed('unreadable');
  const texts: string[] = [];
  for (const { part } of slides) {
    const xml = await readZipPart(zip, part);
    if (!xml) return failed('unreadable');
    texts.push(drawingText(xml.toString('utf8')));
  }
  return pages(texts);
}

/** Where an OpenDocument's content.xml starts a new page: a sheet, a slide, or nowhere (text). */
const ODF_PAGE: Record<string, string | null> = {
  'application/vnd.oasis.opendocument.text': null,
  'application/vnd.oasis.opendocument.text-template': null,
  'application/vnd.oasis.opendocument.spreadsheet': 'table:table',
  'application/vnd.oasis.opendocument.spreadsheet-template': 'table:table',
  'application/vnd.oasis.opendocument.presentation': 'draw:page',
  'application/vnd.oasis.opendocument.presentation-template': 'draw:page',
  'application/vnd.oasis.opendocument.graphics': 'draw:page',
  'application/vnd.oasis.opendocument.graphics-template': 'draw:page',
};
export const ODF_TYPES = Object.keys(ODF_PAGE);

/** Text of content.xml: paragraphs and headings, spaces, tabs and line breaks; a sheet or slide per page. */
export async function odfText(data: Buffer, mimeType: string): Promise<ParsedText> {
  const zip = await openZip(data, OFFICE_LIMITS.entries);
  const part = zip?.entries.find((p) => p.name === 'content.xml');
  const xml = zip && part && (await readZipPart(zip, part));
  if (!xml) return failed('unreadable');
  const pageElement = ODF_PAGE[mimeType] ?? null;
  const texts: string[] = [];
  let current = '';
  let inParagraph = 0;
  let inCell = 0;
  for (const token of scanMarkup(xml.toString('utf8'))) {
    if (token.type === 'text') {
      if (inParagraph > 0) current += token.text;
    } else if (token.type === 'open') {
      if (token.name === pageElement) {
        current = `${token.attrs.get('table:name') ?? token.attrs.get('draw:name') ?? ''}\n`;
      } else if (token.selfClosing) {
        if (token.name === 'text:s') current += ' '.repeat(Math.min(Number(token.attrs.get('text:c') ?? 1) || 1, 100));
        else if (token.name === 'text:tab') current += '\t';
        else if (token.name === 'text:line-break') current += '\n';
      } else if (token.name === 'text:p' || token.name === 'text:h') inParagraph++;
      else if (token.name === 'table:table-cell') inCell++;
    } else if (token.name === 'text:p' || token.name === 'text:h') {
      inParagraph = Math.max(0, inParagraph - 1);
      current += inCell > 0 ? ' ' : '\n';
    } else if (token.name === 'table:table-cell') {
      inCell = Math.max(0, inCell - 1);
      current = `${current.trimEnd()}\t`;
    } else if (token.name === 'table:table-row') {
      current = `${current.trimEnd()}\n`;
    } else if (token.name === pageElement) {
      texts.push(current);
      current = '';
    }
  }
  if (pageElement === null || current.trim()) texts.push(current);
  return pages(texts);
}
