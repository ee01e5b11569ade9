import { type PointerEvent, useRef, useState } from 'react';
import type { FieldType } from '../../../../common/schemas/signing.js';

export type Ghost = { type: FieldType; x: number; y: number };
export type Drop = { type: FieldType; page: number; x: number; y: number };

// Less than this many pixels of movement is a click (choosing the type), not a drag.
const DRAG_PX = 4;

/**
 * Drags a field type from the palette onto a page with Pointer Events: the palette button keeps
 * the pointer, a ghost follows it, and letting go over a page's layer drops the type there
 * (as fractions of that layer). `layers` maps page numbers to their layers.
 */
export function usePaletteDrag(layers: Map<number, HTMLElement>, onDrop: (drop: Drop) => void) {
  const [ghost, setGhost] = useState<Ghost | null>(null);
  const start = useRef<{ type: FieldType; x: number; y: number; moved: boolean } | null>(null);

  const pageAt = (x: number, y: number) => {
    for (const [page, layer] of layers) {
      const r = layer.getBoundingClientRect();
      if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) {
        return { page, x: (x - r.left) / r.width, y: (y - r.top) / r.height };
      }
    }
    return null;
  };

  const handlers = (type: FieldType) => ({
    onPointerDown: (event: PointerEvent<HTMLElement>) => {
      if (event.button !== 0) return;
      event.currentTarget.setPointerCapture(event.pointerId);
      start.current = { type, x: event.clientX, y: event.clientY, moved: false };
    },
    onPointerMove: (event: PointerEvent<HTMLElement>) => {
      const s = start.current;
      if (!s) return;
      if (!s.moved && Math.hypot(event.clientX - s.x, event.clientY - s.y) < DRAG_PX) return;
      s.moved = true;
      setGhost({ type, x: event.clientX, y: event.clientY });
    },
    onPointerUp: (event: PointerEvent<HTMLElement>) => {
      const s = start.current;
      start.current = null;
      setGhost(null);
      if (!s?.moved) return;
      const spot = pageAt(event.clientX, event.clientY);
      if (spot) onDrop({ type, ...spot });
    },
    onPointerCancel: () => {
      start.current = null;
      setGhost(null);
    },
  });
  return { ghost, handlers };
}
