import { describe, expect, it } from 'vitest';
import { boxAt, boxForKey, clampBox, moveBy, resizeBy } from './field-geometry.js';

const A4 = { w: 595, h: 842 };

describe('field geometry', () => {
  it('centres a new field on the point, sized in points', () => {
    const box = boxAt('signature', A4, { x: 0.5, y: 0.5 });
    expect(box.x + box.w / 2).toBeCloseTo(0.5, 3);
    expect(box.w).toBeCloseTo(160 / 595, 3);
  });

  it('keeps fields on the page', () => {
    expect(moveBy({ x: 0.9, y: 0.9, w: 0.2, h: 0.05 }, 0.5, 0.5)).toEqual({ x: 0.7999, y: 0.9499, w: 0.2, h: 0.05 });
    expect(moveBy({ x: 0.1, y: 0.1, w: 0.2, h: 0.05 }, -1, -1)).toMatchObject({ x: 0, y: 0 });
    expect(clampBox({ x: 0.5, y: 0.5, w: 0, h: 2 })).toMatchObject({ w: 0.005, h: 0.9999, y: 0 });
    const grown = resizeBy({ x: 0.7, y: 0.1, w: 0.2, h: 0.05 }, 0.5, 0);
    expect(grown.x + grown.w).toBeLessThanOrEqual(1);
  });

  it('moves by half a percent on arrows and resizes with Shift', () => {
    const box = { x: 0.2, y: 0.2, w: 0.1, h: 0.1 };
    expect(boxForKey(box, 'ArrowRight', false)).toEqual({ ...box, x: 0.205 });
    expect(boxForKey(box, 'ArrowDown', true)).toEqual({ ...box, h: 0.105 });
    expect(boxForKey(box, 'Enter', false)).toBeNull();
  });
});
