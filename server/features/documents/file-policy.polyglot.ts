import { type ByteSource, findEndRecord, ZIP_SIGNATURE } from '../../platform/files/zip-directory.js';

/** Markup a browser would run if it ever took the file for HTML or SVG. */
const MARKUP = /<(script|html|svg|iframe|body|object|embed|!doctype\s+html|meta\s+http-equiv|\?php)[\s>/]|javascript:/i;
/** Script in image metadata (comments, EXIF, XMP, text chunks), where no picture needs it. */
const SCRIPT = /\b(eval|alert|fetch)\s*\(|document\s*\.\s*(cookie|write|location)|window\s*\.\s*location/;
const FIRST_KB = 1024;
const TAIL = 22 + 0xffff;
const IMAGES = new Set(['png', 'jpg', 'gif', 'webp', 'tif', 'heic']);
const LOCAL_HEADER = Buffer.from('PK\x03\x04', 'latin1');
/** "/*": the bytes that turn a GIF's width or a JPEG's first segment length into the start of a JS comment. */
const COMMENT_START = 0x2f2a;

/** Where the format's own content ends in `tail`, as far as a marker tells: PDF %%EOF, PNG IEND, JPEG EOI. */
function contentEnd(tail: Buffer, extension: string): number {
  const last = (marker: string, after: number) => {
    const at = tail.lastIndexOf(Buffer.from(marker, 'latin1'));
    return at < 0 ? -1 : at + after;
  };
  if (extension === 'pdf') return last('%%EOF', 5);
  if (extension === 'png') return last('IEND', 8);
  if (extension === 'jpg') return last('\xff\xd9', 2);
  return -1;
}

/** A zip archive after the content: its end record points back at a central directory. */
async function appendedZip(source: ByteSource, extension: string): Promise<boolean> {
  const tailStart = Math.max(0, source.size - TAIL);
  const tail = await source.read(tailStart, source.size - tailStart);
  const end = contentEnd(tail, extension);
  if (end >= 0 && tail.indexOf(LOCAL_HEADER, end) >= 0) return true;
  const record = findEndRecord(tail);
  if (record < 0) return false;
  const directory = tailStart + record - tail.readUInt32LE(record + 12);
  if (directory < 0) return false;
  const signature = await source.read(directory, 4);
  return signature.length === 4 && signature.readUInt32LE(0) === ZIP_SIGNATURE.central;
}

/**
 * Why a PDF or image is also something dangerous, or null: markup in its first kilobyte (or
 * anywhere in an image's header), a GIF or JPEG header that is also JavaScript, or a ZIP
 * appended to it. (A ZIP's entries are its content: a stored HTML page in one is no polyglot.)
 */
export async function polyglotProblem(source: ByteSource, head: Buffer, extension: string): Promise<string | null> {
  const image = IMAGES.has(extension);
  const start = head.subarray(0, image ? head.length : FIRST_KB).toString('latin1');
  if (MARKUP.test(start)) return `${image ? 'its header' : 'its first kilobyte'} also holds HTML or SVG markup`;
  if (image && SCRIPT.test(start)) return 'its header holds JavaScript';
  if (extension === 'gif' && head.length >= 8 && head.readUInt16BE(6) === COMMENT_START)
    return 'its GIF header is also the start of a script';
  if (extension === 'jpg' && head.length >= 6 && head.readUInt16BE(4) === COMMENT_START)
    return 'its JPEG header is also the start of a script';
  if (await appendedZip(source, extension)) return `a ZIP archive is appended to the ${extension.toUpperCase()}`;
  return null;
}
