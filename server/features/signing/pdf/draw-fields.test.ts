import { createRequire } from 'node:module';
import path from 'node:path';
import { degrees, PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { drawFields } from './draw-fields.js';
import { place } from './geometry.js';
import { TINY_PNG } from './signing.fixtures.js';

const PDFJS_DIR = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

interface Seen {
  text: string;
  /** The glyph origin as the reader sees it: from the visible top-left corner, in points. */
  x: number;
  y: number;
  /** Whether the text runs left to right for the reader (not turned with the page). */
  upright: boolean;
  page: { width: number; height: number };
}

/** Text as pdf.js places it on the page a reader sees (viewport with the page's rotation and CropBox). */
async function seenText(pdf: Uint8Array): Promise<Seen[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: pdf,
    standardFontDataUrl: `${path.join(PDFJS_DIR, 'standard_fonts')}/`,
    disableFontFace: true,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  const seen: Seen[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 1 });
    for (const item of (await page.getTextContent()).items as { str: string; transform: number[] }[]) {
      if (!item.str.trim()) continue;
      const [a, b, , , e, f] = item.transform as [number, number, number, number, number, number];
      const [x, y] = viewport.convertToViewportPoint(e, f) as [number, number];
      const [x2, y2] = viewport.convertToViewportPoint(e + a, f + b) as [number, number];
      seen.push({
        text: item.str,
        x,
        y,
        upright: x2 > x && Math.abs(y2 - y) < 0.01,
        page: { width: viewport.width, height: viewport.height },
      });
    }
  }
  return seen;
}

describe('fields drawn onto the pages', () => {
  it('land where the sender placed them on the page as shown, upright, on every rotation and with a cropped page', async () => {
    const doc = await PDFDocument.create();
    for (const rotation of [0, 90, 180, 270]) {
      const page = doc.addPage([400, 600]);
      page.setCropBox(10, 20, 370, 540); // x, y, width, height
      page.setRotation(degrees(rotation));
    }
    const rect = { x: 0.1, y: 0.2, w: 0.5, h: 0.06 };
    await drawFields(
      doc,
      [0, 1, 2, 3].flatMap((page) => [
        { page, rect, type: 'name' as const, text: `Jürgen Groß ${page}` },
        { page, rect: { x: 0.6, y: 0.8, w: 0.2, h: 0.08 }, type: 'signature' as const, png: TINY_PNG },
        { page, rect: { x: 0.05, y: 0.9, w: 0.04, h: 0.03 }, type: 'checkbox' as const, checked: true },
      ]),
    );
    const seen = await seenText(await doc.save());
    expect(seen.map((s) => s.text)).toEqual(['Jürgen Groß 0', 'Jürgen Groß 1', 'Jürgen Groß 2', 'Jürgen Groß 3']);
    for (const [i, s] of seen.entries()) {
      const size = i % 2 === 0 ? { width: 370, height: 540 } : { width: 540, height: 370 };
      expect(s.page).toEqual(size);
      expect(s.upright, `page ${i}`).toBe(true);
      // Starts at the box's left edge (plus padding), its baseline inside the box.
      expect(Math.abs(s.x - (rect.x * size.width + 2)), `page ${i} x`).toBeLessThan(2);
      expect(s.y, `page ${i} y`).toBeGreaterThan(rect.y * size.height);
      expect(s.y, `page ${i} y`).toBeLessThan((rect.y + rect.h) * size.height);
    }
  });

  it('shrinks a long single line to fit its box, and wraps multiline text within it', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([595, 842]);
    const narrow = { x: 0.1, y: 0.1, w: 0.2, h: 0.03 };
    const box = { x: 0.1, y: 0.3, w: 0.3, h: 0.2 };
    const long = 'Acme Facility Services GmbH & Co. KG, Niederlassung Süd';
    await drawFields(doc, [
      { page: 0, rect: narrow, type: 'text', text: long, multiline: false },
      { page: 0, rect: box, type: 'text', text: `${long}. ${long}. ${long}.`, multiline: true },
    ]);
    const p = place(page, narrow);
    expect(p.width).toBeCloseTo(119, 0);
    const seen = await seenText(await doc.save());
    const lines = seen.filter((s) => s.y > box.y * 842);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) {
      expect(line.y).toBeLessThan((box.y + box.h) * 842);
      expect(line.x).toBeGreaterThanOrEqual(box.x * 595);
    }
    expect(seen[0]!.text).toBe(long);
  });
});
