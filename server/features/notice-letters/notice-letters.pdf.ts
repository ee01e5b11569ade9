import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { fontsFor, wrap } from '../signing/pdf/fonts.js';

/** A letter as printed: the drafted blocks with the subject and body as the writer left them. */
export interface LetterPrint {
  senderLine: string;
  sender: string[];
  recipient: string[];
  placeAndDate: string;
  subject: string;
  body: string;
  signature: string[];
  /** "Page {page} of {pages}" in the letter's language, for letters longer than a page. */
  pageLabel: (page: number, pages: number) => string;
}

const MM = 72 / 25.4;
const A4 = { width: 210 * MM, height: 297 * MM };
const LEFT = 25 * MM;
const RIGHT = 20 * MM;
const WIDTH = A4.width - LEFT - RIGHT;
const BOTTOM = 25 * MM;
const TOP_NEXT = 25 * MM;
const SIZE = 11;
const LEADING = 14.5;
const INK = rgb(0.1, 0.1, 0.1);
const GREY = rgb(0.35, 0.35, 0.35);

/** Distance from the page's top edge, in millimetres, as DIN 5008 gives its positions. */
const fromTop = (mm: number) => A4.height - mm * MM;

function rightAligned(page: PDFPage, text: string, font: PDFFont, size: number, y: number) {
  page.drawText(text, { x: A4.width - RIGHT - font.widthOfTextAtSize(text, size), y, size, font, color: INK });
}

/** Fold marks at 105 and 210 mm and the punch mark at 148.5 mm, at the left edge (DIN 5008 form B). */
function marks(page: PDFPage) {
  for (const [mm, length] of [
    [105, 5],
    [148.5, 8],
    [210, 5],
  ] as const) {
    const y = fromTop(mm);
    page.drawLine({ start: { x: 5 * MM, y }, end: { x: (5 + length) * MM, y }, thickness: 0.4, color: GREY });
  }
}

/**
 * An A4 letter laid out after DIN 5008 form B: the sender at the top right, the return line and the
 * recipient in the window (45 mm from the top, 25 mm from the left), place and date, the subject in
 * bold, the body wrapped at 165 mm, and room and a rule for the signature. Longer letters go on to
 * further pages, numbered.
 */
export async function renderLetter(letter: LetterPrint): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const texts = [
    letter.senderLine,
    ...letter.sender,
    ...letter.recipient,
    letter.placeAndDate,
    letter.subject,
    letter.body,
    ...letter.signature,
    letter.pageLabel(1, 1),
  ];
  const fonts = await fontsFor(doc, texts);
  doc.setTitle(letter.subject);
  doc.setAuthor(letter.sender[0] ?? '');
  doc.setCreator('Deedbox');
  doc.setProducer('Deedbox');

  let page = doc.addPage([A4.width, A4.height]);
  marks(page);
  letter.sender.forEach((line, i) => {
    rightAligned(page, line, i === 0 ? fonts.bold : fonts.regular, 9, fromTop(20) - i * 11);
  });
  // The return line fits the window's width: shortened rather than overflowing it.
  const returnLine = wrap(fonts.regular, letter.senderLine, 7, 80 * MM)[0] ?? '';
  page.drawText(returnLine, { x: LEFT, y: fromTop(50), size: 7, font: fonts.regular, color: GREY });
  page.drawLine({
    start: { x: LEFT, y: fromTop(50) - 2 },
    end: { x: LEFT + fonts.regular.widthOfTextAtSize(returnLine, 7), y: fromTop(50) - 2 },
    thickness: 0.3,
    color: GREY,
  });
  let y = fromTop(62);
  for (const line of letter.recipient.flatMap((l) => wrap(fonts.regular, l, 10, 80 * MM))) {
    page.drawText(line, { x: LEFT, y, size: 10, font: fonts.regular, color: INK });
    y -= 12;
  }
  rightAligned(page, letter.placeAndDate, fonts.regular, 10, fromTop(100));

  y = fromTop(112);
  const next = () => {
    if (y >= BOTTOM) return;
    page = doc.addPage([A4.width, A4.height]);
    marks(page);
    y = A4.height - TOP_NEXT;
  };
  for (const line of wrap(fonts.bold, letter.subject, SIZE, WIDTH)) {
    next();
    page.drawText(line, { x: LEFT, y, size: SIZE, font: fonts.bold, color: INK });
    y -= LEADING;
  }
  y -= LEADING;
  for (const line of wrap(fonts.regular, letter.body, SIZE, WIDTH)) {
    next();
    if (line) page.drawText(line, { x: LEFT, y, size: SIZE, font: fonts.regular, color: INK });
    y -= LEADING;
  }
  // Room to sign, then the rule and who signs: kept together on one page.
  const block = 3 * LEADING + letter.signature.length * 12 + 4;
  if (y - block < BOTTOM) {
    y = BOTTOM - 1;
    next();
  }
  y -= 3 * LEADING;
  page.drawLine({ start: { x: LEFT, y }, end: { x: LEFT + 70 * MM, y }, thickness: 0.5, color: INK });
  y -= 12;
  for (const line of letter.signature) {
    page.drawText(line, { x: LEFT, y, size: 10, font: fonts.regular, color: INK });
    y -= 12;
  }

  const pages = doc.getPages();
  if (pages.length > 1) {
    pages.forEach((p, i) => {
      const label = letter.pageLabel(i + 1, pages.length);
      p.drawText(label, {
        x: A4.width - RIGHT - fonts.regular.widthOfTextAtSize(label, 8),
        y: 12 * MM,
        size: 8,
        font: fonts.regular,
        color: GREY,
      });
    });
  }
  return Buffer.from(await doc.save());
}
