// The isolated process that parses a hostile file (isolate.ts forks it with a small heap, a
// time limit and no secrets in its environment). It answers one task and is then killed.
import { open, readFile } from 'node:fs/promises';
import { imageSize } from './image-size.js';
import { docxText, odfText, officeZipExcess, pptxText, xlsxText } from './parse-office.js';
import { pdfText } from './parse-pdf.js';
import { emailText, plainText } from './parse-plain.js';
import { textKind } from './text-kinds.js';
import { failed, type ParsedHtml, type ParsedText, type WorkerTask } from './worker-protocol.js';

/** Images over this many pixels are refused before tesseract would decode them (a 600 dpi A4 scan is 35 million). */
export const MAX_IMAGE_PIXELS = 60_000_000;

/** The first bytes of a text file: at most 4 per character for maxChars characters. */
async function head(file: string, bytes: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function image(file: string): Promise<ParsedText> {
  const size = imageSize(await readFile(file));
  if (!size || size.width === 0 || size.height === 0) return failed('unreadable');
  return size.width * size.height > MAX_IMAGE_PIXELS ? failed('too_large') : { status: 'image' };
}

async function extract({ file, mimeType, maxChars }: Extract<WorkerTask, { task: 'extract' }>): Promise<ParsedText> {
  const kind = textKind(mimeType);
  switch (kind) {
    case 'none':
      return { status: 'no_text' };
    case 'text':
      return plainText(await head(file, maxChars * 4));
    case 'image':
      return image(file);
    case 'email':
      return emailText(await readFile(file));
    case 'pdf':
      return pdfText(await readFile(file), maxChars);
    case 'docx':
    case 'xlsx':
    case 'pptx':
    case 'odf': {
      const data = await readFile(file);
      const problem = await officeZipExcess(data);
      if (problem) return problem;
      if (kind === 'docx') return docxText(data);
      if (kind === 'xlsx') return xlsxText(data, maxChars);
      return kind === 'pptx' ? pptxText(data) : odfText(data, mimeType);
    }
  }
}

async function wordHtml({ file, maxChars }: Extract<WorkerTask, { task: 'word-html' }>): Promise<ParsedHtml> {
  const data = await readFile(file);
  const problem = await officeZipExcess(data);
  if (problem) return problem.status === 'failed' ? problem : failed('unreadable');
  const mammoth = (await import('mammoth')).default;
  // Images are dropped by the sanitiser, so mammoth need not read and encode them.
  const convertImage = mammoth.images.imgElement(async () => ({ src: '' }));
  const { value } = await mammoth.convertToHtml({ buffer: data }, { convertImage });
  return { status: 'html', html: value.slice(0, maxChars) };
}

function run(task: WorkerTask): Promise<ParsedText | ParsedHtml> {
  return task.task === 'extract' ? extract(task) : wordHtml(task);
}

if (process.send) {
  // Without its parent there is no one to answer; a killed parent must not leave this running.
  process.on('disconnect', () => process.exit(1));
  process.once('message', (task: WorkerTask) => {
    run(task)
      .catch(() => failed('unreadable'))
      .then((reply) => process.send?.(reply));
  });
}
