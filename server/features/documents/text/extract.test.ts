import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtractResult, extractText } from './extract.js';
import { findOcrTools } from './ocr.js';
import { docx, encryptedPdf, odf, pdf, pptx, renderGray, renderPng, wordParagraph, zip } from './text.fixtures.js';

// Generous, for a busy machine; the time-limit test sets its own.
const OPTIONS = { timeoutMs: 45_000, maxChars: 100_000, ocr: 'auto' } as const;
const MIME = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
};
/** A small page (cheap to OCR) with an English and a German word, as the scanner saw it. */
const SCAN_SIZE: [number, number] = [420, 160];
const SCAN_LINES = ['Termination notice', 'Kündigungsfrist drei Monate'];

let dir: string;
const file = (name: string, content: Buffer | string) => {
  const at = path.join(dir, name);
  writeFileSync(at, content);
  return at;
};
const pages = (result: ExtractResult) => (result.status === 'extracted' ? result.pages : []);

/** Our child processes still alive (Linux /proc): a worker left running would be listed. */
function childWorkers(): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return ppid === process.pid && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('text.worker');
      } catch {
        return false;
      }
    })
    .map(Number);
}

let scannedPdf: string;
let scanPng: string;

beforeAll(async () => {
  // OCR is part of what is tested: a machine without tesseract fails here (npm run test:prereqs installs it).
  const tools = await findOcrTools();
  expect(tools, 'tesseract with eng and deu, and pdftoppm (npm run test:prereqs)').toMatchObject({
    languages: 'eng+deu',
    pdftoppm: expect.any(String),
  });
  dir = mkdtempSync(path.join(tmpdir(), 'deedbox-extract-'));
  const source = file('scan-source.pdf', pdf([{ lines: SCAN_LINES, size: SCAN_SIZE }]));
  scannedPdf = file(
    'scanned.pdf',
    pdf([{ lines: ['Cover page with text'] }, { ...renderGray(source, 1, 150), size: SCAN_SIZE }]),
  );
  scanPng = renderPng(source, 1, 150, path.join(dir, 'scan'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('extractText', { timeout: 90_000 }, () => {
  it('reads a PDF page by page, umlauts and € intact', async () => {
    const at = file(
      'two.pdf',
      pdf([{ lines: ['Lease agreement', 'Müller GmbH pays 1.500 €'] }, { lines: ['Kündigung (notice)'] }]),
    );
    const result = await extractText({ file: at, mimeType: MIME.pdf }, OPTIONS);
    expect(result).toEqual({
      status: 'extracted',
      pages: ['Lease agreement\nMüller GmbH pays 1.500 €', 'Kündigung (notice)'],
      ocr: false,
    });
  });

  it('keeps only maxChars characters, cutting the page where they run out', async () => {
    const at = file('cut.pdf', pdf([{ lines: ['abcdefghij'] }, { lines: ['second page'] }]));
    const result = await extractText({ file: at, mimeType: MIME.pdf }, { ...OPTIONS, maxChars: 4 });
    expect(result).toEqual({ status: 'extracted', pages: ['abcd'], ocr: false });
  });

  it('OCRs a PDF page without a text layer in English and German, keeping the page number', async () => {
    const result = await extractText({ file: scannedPdf, mimeType: MIME.pdf }, OPTIONS);
    expect(result).toMatchObject({ status: 'extracted', ocr: true });
    expect(pages(result)[0]).toBe('Cover page with text');
    expect(pages(result)[1]).toContain('Termination');
    expect(pages(result)[1]).toContain('Kündigungsfrist');
  });

  it('OCRs an image', async () => {
    const result = await extractText({ file: scanPng, mimeType: 'image/png' }, OPTIONS);
    expect(result).toMatchObject({ status: 'extracted', ocr: true });
    expect(pages(result)).toHaveLength(1);
    expect(pages(result)[0]).toMatch(/Termination notice[\s\S]*Kündigungsfrist/);
  });

  it('without OCR keeps the text pages of a PDF and leaves the scanned page empty', async () => {
    expect(await extractText({ file: scannedPdf, mimeType: MIME.pdf }, { ...OPTIONS, ocr: 'off' })).toEqual({
      status: 'extracted',
      pages: ['Cover page with text', ''],
      ocr: false,
    });
  });

  it('without OCR says so for an image and for a PDF that is only scans', async () => {
    const off = { ...OPTIONS, ocr: 'off' } as const;
    expect(await extractText({ file: scanPng, mimeType: 'image/png' }, off)).toEqual({ status: 'ocr_unavailable' });
    const scanOnly = file('scan-only.pdf', pdf([{ ...renderGray(scannedPdf, 2, 30), size: SCAN_SIZE }]));
    expect(await extractText({ file: scanOnly, mimeType: MIME.pdf }, off)).toEqual({ status: 'ocr_unavailable' });
  });

  it('reads Word, with € and umlauts', async () => {
    const at = file(
      'nda.docx',
      docx(
        wordParagraph('Non-Disclosure Agreement', 'Heading1') + wordParagraph('Vertragsstrafe: 50.000 € für Müller'),
      ),
    );
    expect(await extractText({ file: at, mimeType: MIME.docx }, OPTIONS)).toEqual({
      status: 'extracted',
      pages: ['Non-Disclosure Agreement\n\nVertragsstrafe: 50.000 € für Müller'],
      ocr: false,
    });
  });

  it('reads Excel as one page per sheet: its name, then rows with tab-separated cells', async () => {
    const book = new ExcelJS.Workbook();
    const fees = book.addWorksheet('Gebühren');
    fees.addRow(['Posten', 'Betrag', 'Fällig']);
    fees.addRow(['Miete', 1500.5, new Date(Date.UTC(2025, 2, 1))]);
    fees.addRow(['Summe', { formula: 'B2*2', result: 3001 }]);
    book.addWorksheet('Notes').addRow(['Kaution in €']);
    const at = file('fees.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    expect(await extractText({ file: at, mimeType: MIME.xlsx }, OPTIONS)).toEqual({
      status: 'extracted',
      pages: ['Gebühren\nPosten\tBetrag\tFällig\nMiete\t1500.5\t2025-03-01\nSumme\t3001', 'Notes\nKaution in €'],
      ocr: false,
    });
  });

  it('reads PowerPoint as one page per slide, in slide order', async () => {
    const at = file('deck.pptx', pptx([['Agenda', 'Übersicht'], ['Preise in €'], ['Fragen?']]));
    expect(await extractText({ file: at, mimeType: MIME.pptx }, OPTIONS)).toEqual({
      status: 'extracted',
      pages: ['Agenda\nÜbersicht', 'Preise in €', 'Fragen?'],
      ocr: false,
    });
  });

  it('reads OpenDocument text and spreadsheets (a page per sheet) from content.xml', async () => {
    const odt = file(
      'letter.odt',
      odf(
        MIME.odt,
        '<office:text><text:h>Kündigung</text:h><text:p>Sehr<text:s/>geehrte <text:span>Frau Weiß</text:span>, 20 €</text:p></office:text>',
      ),
    );
    expect(await extractText({ file: odt, mimeType: MIME.odt }, OPTIONS)).toEqual({
      status: 'extracted',
      pages: ['Kündigung\nSehr geehrte Frau Weiß, 20 €'],
      ocr: false,
    });
    const cells = (...values: string[]) =>
      `<table:table-row>${values.map((v) => `<table:table-cell><text:p>${v}</text:p></table:table-cell>`).join('')}</table:table-row>`;
    const ods = file(
      'sheet.ods',
      odf(
        MIME.ods,
        `<office:spreadsheet><table:table table:name="Kosten">${cells('Miete', '900 €')}</table:table><table:table table:name="Fristen">${cells('Ende', '2026-12-31')}</table:table></office:spreadsheet>`,
      ),
    );
    expect(await extractText({ file: ods, mimeType: MIME.ods }, OPTIONS)).toEqual({
      status: 'extracted',
      pages: ['Kosten\nMiete\t900 €', 'Fristen\nEnde\t2026-12-31'],
      ocr: false,
    });
  });

  it('reads text and CSV as UTF-8, and as Windows-1252 when the bytes are not UTF-8', async () => {
    const utf8 = file('notes.txt', 'Kündigungsfrist: 3 Monate, 100 €\n');
    expect(await extractText({ file: utf8, mimeType: 'text/plain' }, OPTIONS)).toEqual({
      status: 'extracted',
      pages: ['Kündigungsfrist: 3 Monate, 100 €'],
      ocr: false,
    });
    const legacy = file('fees.csv', Buffer.from([...Buffer.from('Geb'), 0xfc, ...Buffer.from('hr;5 '), 0x80]));
    expect(await extractText({ file: legacy, mimeType: 'text/csv' }, OPTIONS)).toEqual({
      status: 'extracted',
      pages: ['Gebühr;5 €'],
      ocr: false,
    });
  });

  it('reads an e-mail: subject, sender, recipients, date and body, not its attachments', async () => {
    const eml = [
      'From: Anna Müller <anna@example.com>',
      'To: legal@example.com',
      'Subject: =?UTF-8?Q?K=C3=BCndigung_Mietvertrag?=',
      'Date: Tue, 03 Mar 2026 10:00:00 +0000',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      'Hiermit kündige ich zum 30.06. – Kaution 900 €.',
      '--b',
      'Content-Type: text/plain; name="secret.txt"',
      'Content-Disposition: attachment; filename="secret.txt"',
      '',
      'attachment words',
      '--b--',
      '',
    ].join('\r\n');
    const result = await extractText({ file: file('mail.eml', eml), mimeType: 'message/rfc822' }, OPTIONS);
    expect(result).toEqual({
      status: 'extracted',
      pages: [
        'Subject: Kündigung Mietvertrag\nFrom: "Anna Müller" <anna@example.com>\nTo: legal@example.com\nDate: 2026-03-03T10:00:00.000Z\n\nHiermit kündige ich zum 30.06. – Kaution 900 €.',
      ],
      ocr: false,
    });
  });

  it('takes no text from a type it does not read (.msg)', async () => {
    const at = file('mail.msg', Buffer.from('d0cf11e0a1b11ae1', 'hex'));
    expect(await extractText({ file: at, mimeType: 'application/vnd.ms-outlook' }, OPTIONS)).toEqual({
      status: 'no_text',
    });
  });

  it('says unreadable for a garbage PDF or a Word file that is no zip', async () => {
    const garbage = file(
      'garbage.pdf',
      Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4096, 0x41), Buffer.from('\n%%EOF')]),
    );
    expect(await extractText({ file: garbage, mimeType: MIME.pdf }, OPTIONS)).toEqual({
      status: 'failed',
      reason: 'unreadable',
    });
    const notZip = file('fake.docx', 'PK but not really a zip');
    expect(await extractText({ file: notZip, mimeType: MIME.docx }, OPTIONS)).toEqual({
      status: 'failed',
      reason: 'unreadable',
    });
  });

  it('says encrypted for a password-protected PDF', async () => {
    const at = file('locked.pdf', encryptedPdf([{ lines: ['Geheim'] }], 'secret'));
    expect(await extractText({ file: at, mimeType: MIME.pdf }, OPTIONS)).toEqual({
      status: 'failed',
      reason: 'encrypted',
    });
  });

  it('says too large for a zip bomb before anything unpacks it', async () => {
    const bomb = zip([['word/document.xml', '<w:document/>']], { 'word/document.xml': 3_000_000_000 });
    const at = file('bomb.docx', bomb);
    expect(await extractText({ file: at, mimeType: MIME.docx }, OPTIONS)).toEqual({
      status: 'failed',
      reason: 'too_large',
    });
  });

  it('says too large for an image whose header claims more pixels than tesseract may decode', async () => {
    const header = Buffer.alloc(33);
    Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').copy(header);
    header.writeUInt32BE(100_000, 16);
    header.writeUInt32BE(100_000, 20);
    const at = file('huge.png', header);
    expect(await extractText({ file: at, mimeType: 'image/png' }, OPTIONS)).toEqual({
      status: 'failed',
      reason: 'too_large',
    });
  });
});

describe('extractText time limit', () => {
  it('kills a worker that hangs at the time limit and leaves no process behind', async () => {
    // A named pipe nobody writes to: opening it blocks forever, as a parser stuck on a hostile file would.
    const fifo = path.join(dir, 'endless.txt');
    execFileSync('mkfifo', [fifo]);
    const result = await extractText({ file: fifo, mimeType: 'text/plain' }, { ...OPTIONS, timeoutMs: 1_500 });
    expect(result).toEqual({ status: 'failed', reason: 'timeout' });
    expect(childWorkers()).toEqual([]);
  });
});
