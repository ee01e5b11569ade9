import { type FieldType, SIGNING_LIMITS } from '../../../../common/schemas/signing.js';

/** A field's box as fractions (0–1) of the page as a reader sees it, origin top left. */
export type Box = { x: number; y: number; w: number; h: number };
export type PageSize = { w: number; h: number };

/** One keyboard step: 0.5 % of the page. */
export const STEP = 0.005;
const MIN = SIGNING_LIMITS.minFieldSide;
// A hair inside the right and bottom edge: the database keeps single-precision numbers, whose rounding could poke out.
const EDGE = 0.0001;

/** The size a new field gets, in points, so it looks the same on a letter or an A3 page. */
const SIZE_PT: Record<FieldType, { w: number; h: number }> = {
  signature: { w: 160, h: 44 },
  initials: { w: 64, h: 36 },
  date_signed: { w: 110, h: 22 },
  name: { w: 150, h: 22 },
  text: { w: 150, h: 22 },
  checkbox: { w: 18, h: 18 },
};

const round = (n: number) => Math.round(n * 10_000) / 10_000;
const within = (n: number, low: number, high: number) => Math.min(Math.max(n, low), high);

/** The box kept on the page: no side smaller than the minimum, nothing outside. */
export function clampBox(box: Box): Box {
  const w = round(within(box.w, MIN, 1 - EDGE));
  const h = round(within(box.h, MIN, 1 - EDGE));
  return { x: round(within(box.x, 0, 1 - EDGE - w)), y: round(within(box.y, 0, 1 - EDGE - h)), w, h };
}

/** A new field of the type centred on a point of the page (fractions). */
export function boxAt(type: FieldType, page: PageSize, centre: { x: number; y: number }): Box {
  const size = SIZE_PT[type];
  const w = size.w / page.w;
  const h = size.h / page.h;
  return clampBox({ x: centre.x - w / 2, y: centre.y - h / 2, w, h });
}

export const moveBy = (box: Box, dx: number, dy: number): Box => clampBox({ ...box, x: box.x + dx, y: box.y + dy });

/** Grows or shrinks from the top-left corner, never past the page. */
export const resizeBy = (box: Box, dw: number, dh: number): Box =>
  clampBox({ ...box, w: Math.min(box.w + dw, 1 - EDGE - box.x), h: Math.min(box.h + dh, 1 - EDGE - box.y) });

const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-STEP, 0],
  ArrowRight: [STEP, 0],
  ArrowUp: [0, -STEP],
  ArrowDown: [0, STEP],
};

/** What an arrow key does to a box: moves it, or with Shift resizes it; null for other keys. */
export function boxForKey(box: Box, key: string, shift: boolean): Box | null {
  const delta = ARROWS[key];
  if (!delta) return null;
  return shift ? resizeBy(box, delta[0], delta[1]) : moveBy(box, delta[0], delta[1]);
}
