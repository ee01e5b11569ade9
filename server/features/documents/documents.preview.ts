import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DocumentPreview } from '../../../common/schemas/documents.js';
import { readAll, type Sealed } from './documents.content.js';
import { scratchFile } from './documents.receive.js';
import { decodeText } from './text/parse-plain.js';
import { textKind } from './text/text-kinds.js';
import { wordToSafeHtml } from './text/word-html.js';

/** Images every browser draws from a blob: URL. */
const IMAGES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);
/** The start of a text file that is shown. */
export const PREVIEW_TEXT_BYTES = 1024 * 1024;
const MB = 1024 * 1024;

/** Word's conversion runs while the person waits: 15 s, 5 s more per MB, at most 45 s. */
export const wordPreviewTimeMs = (bytes: number) => Math.min(15_000 + Math.ceil((bytes / MB) * 5_000), 45_000);

/** Word as sanitised HTML, converted from a private plaintext copy that is removed whatever happens. */
async function wordPreview(open: () => Promise<Readable>, size: number): Promise<DocumentPreview> {
  const file = await scratchFile();
  try {
    await pipeline(await open(), createWriteStream(file, { flags: 'wx', mode: 0o600 }));
    const html = await wordToSafeHtml(file, { timeoutMs: wordPreviewTimeMs(size) });
    return html === null ? { kind: 'none' } : { kind: 'html', html };
  } finally {
    await rm(file, { force: true });
  }
}

/**
 * What the preview of a version shows. `open` gives its plaintext, checked (openSealed), whole
 * or a byte range; PDFs and images are drawn by the web app from /content, so only their kind is said.
 */
export async function previewOf(
  version: { mimeType: string; sealed: Sealed },
  open: (range?: { from: number; to: number }) => Promise<Readable>,
): Promise<DocumentPreview> {
  const { size } = version.sealed;
  switch (textKind(version.mimeType)) {
    case 'pdf':
      return { kind: 'pdf' };
    case 'image':
      return { kind: IMAGES.has(version.mimeType) ? 'image' : 'none' };
    case 'docx':
      return wordPreview(() => open(), size);
    case 'text': {
      if (size === 0) return { kind: 'text', text: '' };
      const head = await readAll(await open({ from: 0, to: Math.min(size, PREVIEW_TEXT_BYTES) - 1 }));
      return { kind: 'text', text: decodeText(head), truncated: size > PREVIEW_TEXT_BYTES };
    }
    default:
      return { kind: 'none' };
  }
}
