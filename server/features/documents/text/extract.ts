import { runIsolated } from './isolate.js';
import { findOcrTools, ocrImage, ocrPdfPage } from './ocr.js';
import { textKind } from './text-kinds.js';
import type { ParsedText } from './worker-protocol.js';
import { parsedText } from './worker-replies.js';

export type ExtractResult =
  /** pages[0] is page 1; formats without pages (Word, text, e-mail) have one entry. */
  | { status: 'extracted'; pages: string[]; ocr: boolean }
  | { status: 'no_text' }
  | { status: 'ocr_unavailable' }
  | { status: 'failed'; reason: 'timeout' | 'too_large' | 'unreadable' | 'encrypted' };

export interface ExtractOptions {
  /** For everything: parsing, rendering and OCR. */
  timeoutMs: number;
  /** The text kept, all pages together; later pages are dropped. */
  maxChars: number;
  /** off: images and scanned pages are treated as if tesseract were not installed. */
  ocr: 'auto' | 'off';
}

type Failure = Extract<ExtractResult, { status: 'failed' }>;
const failed = (reason: Failure['reason']): Failure => ({ status: 'failed', reason });

/** At most maxChars in total, cutting the page where it runs out and dropping the rest. */
function finish(pages: string[], ocr: boolean, maxChars: number): ExtractResult {
  const kept: string[] = [];
  let left = maxChars;
  for (const page of pages) {
    if (left <= 0) break;
    kept.push(page.slice(0, left));
    left -= page.length;
  }
  return kept.some((page) => page.length > 0) ? { status: 'extracted', pages: kept, ocr } : { status: 'no_text' };
}

/** Fills the PDF pages that have no text layer by OCR; without OCR they stay empty. */
async function withScannedPages(
  file: string,
  parsed: Extract<ParsedText, { status: 'pages' }>,
  options: ExtractOptions,
  deadline: number,
): Promise<ExtractResult> {
  const pages = [...parsed.pages];
  const tools = parsed.scanned.length > 0 && options.ocr === 'auto' ? await findOcrTools() : null;
  if (parsed.scanned.length > 0 && !tools?.pdftoppm) {
    const result = finish(pages, false, options.maxChars);
    return result.status === 'no_text' ? { status: 'ocr_unavailable' } : result;
  }
  let ocr = false;
  let unreadable = false;
  for (const page of parsed.scanned) {
    const read = await ocrPdfPage(tools!, file, page, deadline);
    if (!read.ok && read.reason === 'timeout') return failed('timeout');
    // A page poppler cannot render or tesseract cannot read stays empty; the other pages still count.
    if (!read.ok) unreadable = true;
    else if (read.pages.join('\n').trim()) {
      pages[page.index] = read.pages.join('\n').trim();
      ocr = true;
    }
  }
  const result = finish(pages, ocr, options.maxChars);
  return result.status === 'no_text' && unreadable ? failed('unreadable') : result;
}

async function ocrWholeImage(file: string, options: ExtractOptions, deadline: number): Promise<ExtractResult> {
  const tools = options.ocr === 'auto' ? await findOcrTools() : null;
  if (!tools) return { status: 'ocr_unavailable' };
  const read = await ocrImage(tools, file, deadline);
  return read.ok ? finish(read.pages, true, options.maxChars) : failed(read.reason);
}

/**
 * The text of a document, read in an isolated process (isolate.ts) so that a file that crashes
 * or hangs its parser yields 'failed', never an exception or a hung caller. Images and PDF pages
 * without a text layer are OCR'd with tesseract (English and German) when it is installed.
 * Throws only when no process can be started at all.
 */
export async function extractText(
  input: { file: string; mimeType: string },
  options: ExtractOptions,
): Promise<ExtractResult> {
  if (textKind(input.mimeType) === 'none') return { status: 'no_text' };
  const deadline = Date.now() + options.timeoutMs;
  const run = await runIsolated(
    { task: 'extract', file: input.file, mimeType: input.mimeType, maxChars: options.maxChars },
    options.timeoutMs,
  );
  if (!run.ok)
    return failed(run.reason === 'timeout' ? 'timeout' : run.reason === 'out_of_memory' ? 'too_large' : 'unreadable');
  const reply = parsedText.safeParse(run.reply);
  if (!reply.success) return failed('unreadable');
  const parsed = reply.data;
  switch (parsed.status) {
    case 'no_text':
    case 'failed':
      return parsed;
    case 'image':
      return ocrWholeImage(input.file, options, deadline);
    case 'pages':
      return withScannedPages(input.file, parsed, options, deadline);
  }
}
