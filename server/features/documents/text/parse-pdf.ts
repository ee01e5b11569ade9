import { createRequire } from 'node:module';
import path from 'node:path';
import { failed, type ParsedText, type ScannedPage } from './worker-protocol.js';

/** pdf.js's character maps and standard font data, read from its package on disk: nothing is fetched. */
const PDFJS_DIR = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

interface TextItem {
  str?: string;
  hasEOL?: boolean;
}

function pageText(items: TextItem[]): string {
  let text = '';
  for (const item of items) {
    if (typeof item.str === 'string') text += item.str;
    if (item.hasEOL) text += '\n';
  }
  return text.trim();
}

/** Text per page from the PDF's text layer; pages without one are listed for OCR. */
export async function pdfText(data: Buffer, maxChars: number): Promise<ParsedText> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  try {
    doc = await pdfjs.getDocument({
      data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
      cMapUrl: `${path.join(PDFJS_DIR, 'cmaps')}/`,
      cMapPacked: true,
      standardFontDataUrl: `${path.join(PDFJS_DIR, 'standard_fonts')}/`,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      enableXfa: false,
      isOffscreenCanvasSupported: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    return failed(error instanceof Error && error.name === 'PasswordException' ? 'encrypted' : 'unreadable');
  }
  const pages: string[] = [];
  const scanned: ScannedPage[] = [];
  let chars = 0;
  for (let number = 1; number <= doc.numPages && chars < maxChars; number++) {
    const page = await doc.getPage(number);
    const text = pageText((await page.getTextContent()).items as TextItem[]);
    if (!text) {
      const { width, height } = page.getViewport({ scale: 1 });
      // A degenerate MediaBox renders as A4 rather than spoiling the answer for the whole file.
      const size = (n: number, a4: number) => (Number.isFinite(n) && n > 0 ? n : a4);
      scanned.push({ index: number - 1, width: size(width, 595), height: size(height, 842) });
    }
    pages.push(text);
    chars += text.length;
    page.cleanup();
  }
  return { status: 'pages', pages, scanned };
}
