import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { type PDFDocument, type PDFFont, StandardFonts } from 'pdf-lib';

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  oblique: PDFFont;
}

const dejavuDir = () =>
  path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** Whether a standard (WinAnsi) font can write the text: Latin-1 and a few more, not Greek or Cyrillic. */
function encodable(font: PDFFont, text: string): boolean {
  try {
    font.encodeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The fonts for the given texts: Helvetica when all of them fit WinAnsi (nothing embedded), else DejaVu
 * Sans embedded whole — Latin, Greek and Cyrillic. Whole, because fontkit's subsets of TrueType fonts
 * come out damaged (a short `loca` table) and readers then show nothing.
 */
export async function fontsFor(doc: PDFDocument, texts: Iterable<string>): Promise<Fonts> {
  const helvetica = await doc.embedFont(StandardFonts.Helvetica);
  if ([...texts].every((t) => encodable(helvetica, t))) {
    return {
      regular: helvetica,
      bold: await doc.embedFont(StandardFonts.HelveticaBold),
      oblique: await doc.embedFont(StandardFonts.HelveticaOblique),
    };
  }
  doc.registerFontkit(fontkit);
  const embed = async (file: string) => doc.embedFont(await readFile(path.join(dejavuDir(), file)), { subset: false });
  return {
    regular: await embed('DejaVuSans.ttf'),
    bold: await embed('DejaVuSans-Bold.ttf'),
    oblique: await embed('DejaVuSans-Oblique.ttf'),
  };
}

/** Lines of at most `width` points at `size`, broken at spaces, and inside words that are longer than a line. */
export function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}
