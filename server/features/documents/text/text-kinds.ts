import { ODF_TYPES } from './parse-office.js';

/** How a sniffed type is read. 'none': a type we keep but take no text from (.msg, archives, …). */
export type TextKind = 'pdf' | 'docx' | 'xlsx' | 'pptx' | 'odf' | 'text' | 'email' | 'image' | 'none';

const KINDS: Record<string, TextKind> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.template': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/vnd.openxmlformats-officedocument.presentationml.slideshow': 'pptx',
  'application/vnd.openxmlformats-officedocument.presentationml.template': 'pptx',
  'text/plain': 'text',
  'text/csv': 'text',
  'message/rfc822': 'email',
  // What tesseract (Leptonica) reads here: PNG, JPEG, TIFF, WebP, GIF and BMP.
  'image/png': 'image',
  'image/jpeg': 'image',
  'image/tiff': 'image',
  'image/webp': 'image',
  'image/gif': 'image',
  'image/bmp': 'image',
  ...Object.fromEntries(ODF_TYPES.map((type) => [type, 'odf' as const])),
};

export function textKind(mimeType: string): TextKind {
  return KINDS[mimeType.split(';')[0]!.trim().toLowerCase()] ?? 'none';
}
