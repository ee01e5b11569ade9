import { degrees, type PDFDocument, type PDFFont, rgb } from 'pdf-lib';
import { type Fonts, fontsFor, wrap } from './fonts.js';
import { type FractionRect, offset, type Placement, place } from './geometry.js';

export { FIELD_TYPES, type FieldType } from '../../../../common/schemas/signing.js';

/** A filled field: its page (0-based), where on it, and what the signer gave. */
export type FilledField = { page: number; rect: FractionRect } & (
  | { type: 'signature' | 'initials'; png: Buffer }
  | { type: 'date_signed' | 'name'; text: string }
  | { type: 'text'; text: string; multiline: boolean }
  | { type: 'checkbox'; checked: boolean }
);

const INK = rgb(0.05, 0.1, 0.3);
const PAD = 2;
const MAX_SIZE = 12;
const MIN_SIZE = 5;

/** The largest size (≤ 12 pt) at which the text fits the box: one line, or wrapped lines when multiline. */
function fitted(font: PDFFont, text: string, p: Placement, multiline: boolean): { size: number; lines: string[] } {
  const width = Math.max(1, p.width - 2 * PAD);
  const height = Math.max(1, p.height - 2 * PAD);
  for (let size = Math.min(MAX_SIZE, height); size > MIN_SIZE; size -= 0.5) {
    const lines = multiline ? wrap(font, text, size, width) : [text];
    const tall = lines.length * size * 1.15;
    if (tall <= height && lines.every((l) => font.widthOfTextAtSize(l, size) <= width)) return { size, lines };
  }
  return { size: MIN_SIZE, lines: multiline ? wrap(font, text, MIN_SIZE, width) : [text] };
}

function drawText(doc: PDFDocument, pageIndex: number, p: Placement, font: PDFFont, text: string, multiline: boolean) {
  const page = doc.getPage(pageIndex);
  const { size, lines } = fitted(font, text, p, multiline);
  const leading = size * 1.15;
  // Single lines sit in the middle of the box; wrapped text starts at its top.
  const top = multiline ? p.height - PAD : (p.height + lines.length * leading) / 2;
  lines.forEach((line, i) => {
    const baseline = top - (i + 1) * leading + size * 0.25;
    page.drawText(line, { ...offset(p, PAD, baseline), size, font, color: INK, rotate: degrees(p.rotate) });
  });
}

async function drawImage(doc: PDFDocument, pageIndex: number, p: Placement, png: Buffer) {
  const image = await doc.embedPng(png);
  const scale = Math.min(p.width / image.width, p.height / image.height);
  const [w, h] = [image.width * scale, image.height * scale];
  doc.getPage(pageIndex).drawImage(image, {
    ...offset(p, (p.width - w) / 2, (p.height - h) / 2),
    width: w,
    height: h,
    rotate: degrees(p.rotate),
  });
}

function drawCheckbox(doc: PDFDocument, pageIndex: number, p: Placement, checked: boolean) {
  const page = doc.getPage(pageIndex);
  const side = Math.min(p.width, p.height);
  const [dx, dy] = [(p.width - side) / 2, (p.height - side) / 2];
  page.drawRectangle({
    ...offset(p, dx, dy),
    width: side,
    height: side,
    borderColor: INK,
    borderWidth: Math.max(0.5, side / 16),
    rotate: degrees(p.rotate),
  });
  if (!checked) return;
  const thickness = Math.max(0.8, side / 9);
  const at = (fx: number, fy: number) => offset(p, dx + fx * side, dy + fy * side);
  page.drawLine({ start: at(0.2, 0.5), end: at(0.42, 0.25), thickness, color: INK });
  page.drawLine({ start: at(0.42, 0.25), end: at(0.8, 0.78), thickness, color: INK });
}

/**
 * Draws the filled fields into the pages' content — nothing interactive remains, so what was signed
 * is what every reader shows. Each lands where the sender placed it on the page as the reader sees it,
 * upright on rotated pages too.
 */
export async function drawFields(doc: PDFDocument, fields: FilledField[]): Promise<void> {
  const texts = fields.flatMap((f) => ('text' in f ? [f.text] : []));
  const fonts: Fonts = await fontsFor(doc, texts);
  for (const field of fields) {
    const p = place(doc.getPage(field.page), field.rect);
    switch (field.type) {
      case 'signature':
      case 'initials':
        await drawImage(doc, field.page, p, field.png);
        break;
      case 'checkbox':
        drawCheckbox(doc, field.page, p, field.checked);
        break;
      case 'text':
        drawText(doc, field.page, p, fonts.regular, field.text, field.multiline);
        break;
      default:
        drawText(doc, field.page, p, fonts.regular, field.text, false);
    }
  }
}
