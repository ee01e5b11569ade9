import type { PDFPage } from 'pdf-lib';

/**
 * A field's place as the sender put it: fractions (0–1) of the page as a reader shows it — after the
 * page's /Rotate, within its CropBox — measured from the top-left corner, as pdf.js's viewport does.
 */
export interface FractionRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Where to draw in the page's own coordinates, and by how much to turn what is drawn so it reads upright. */
export interface Placement {
  /** The visible rectangle's bottom-left corner, in PDF user space. */
  x: number;
  y: number;
  /** Along the reader's horizontal and vertical, in points. */
  width: number;
  height: number;
  /** Degrees counter-clockwise: the page's /Rotate, so text and images stand upright for the reader. */
  rotate: 0 | 90 | 180 | 270;
}

export function pageRotation(page: PDFPage): 0 | 90 | 180 | 270 {
  const r = (((page.getRotation().angle % 360) + 360) % 360) as number;
  return r === 90 || r === 180 || r === 270 ? r : 0;
}

/** The size a reader sees: the CropBox, turned by /Rotate. */
export function visibleSize(page: PDFPage): { width: number; height: number } {
  const box = page.getCropBox();
  return pageRotation(page) % 180 === 0
    ? { width: box.width, height: box.height }
    : { width: box.height, height: box.width };
}

/**
 * Maps a point the reader sees (from the visible top-left corner, in points) to PDF user space. The
 * page is shown turned clockwise by /Rotate: at 90°, the CropBox's bottom-left corner is the reader's
 * top-left; at 180°, its top-right; at 270°, its top-right turned the other way.
 */
export function toUserSpace(page: PDFPage, vx: number, vy: number): { x: number; y: number } {
  const { x: x0, y: y0, width, height } = page.getCropBox();
  const [x1, y1] = [x0 + width, y0 + height];
  switch (pageRotation(page)) {
    case 0:
      return { x: x0 + vx, y: y1 - vy };
    case 90:
      return { x: x0 + vy, y: y0 + vx };
    case 180:
      return { x: x1 - vx, y: y0 + vy };
    case 270:
      return { x: x1 - vy, y: y1 - vx };
  }
}

/** A field's rectangle as drawing instructions for its page. */
export function place(page: PDFPage, rect: FractionRect): Placement {
  const visible = visibleSize(page);
  const width = rect.w * visible.width;
  const height = rect.h * visible.height;
  const corner = toUserSpace(page, rect.x * visible.width, (rect.y + rect.h) * visible.height);
  return { ...corner, width, height, rotate: pageRotation(page) };
}

/** A point inside a placement, `dx` along the reader's horizontal and `dy` up the reader's vertical. */
export function offset(p: Placement, dx: number, dy: number): { x: number; y: number } {
  switch (p.rotate) {
    case 0:
      return { x: p.x + dx, y: p.y + dy };
    case 90:
      return { x: p.x - dy, y: p.y + dx };
    case 180:
      return { x: p.x - dx, y: p.y - dy };
    case 270:
      return { x: p.x + dy, y: p.y - dx };
  }
}
