import { type DragEvent, useState } from 'react';

/**
 * Reordering by native HTML5 drag and drop: rows are draggable, dropping on a row puts the
 * dragged one in its place. Keyboard users get up/down buttons that call `move` instead.
 */
export function useDragOrder<T extends { id: string }>(items: T[], onOrder: (ids: string[]) => void) {
  const [dragged, setDragged] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);

  const move = (id: string, to: number) => {
    const ids = items.map((item) => item.id).filter((other) => other !== id);
    ids.splice(Math.max(0, Math.min(to, ids.length)), 0, id);
    if (ids.join() !== items.map((item) => item.id).join()) onOrder(ids);
  };

  const rowProps = (id: string) => ({
    draggable: true,
    'data-dragging': dragged === id || undefined,
    'data-drop-target': (over === id && dragged !== id) || undefined,
    onDragStart: (event: DragEvent) => {
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', id);
      setDragged(id);
    },
    onDragOver: (event: DragEvent) => {
      event.preventDefault();
      setOver(id);
    },
    onDragLeave: () => setOver((current) => (current === id ? null : current)),
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      const source = event.dataTransfer.getData('text/plain') || dragged;
      if (source && source !== id)
        move(
          source,
          items.findIndex((item) => item.id === id),
        );
      setDragged(null);
      setOver(null);
    },
    onDragEnd: () => {
      setDragged(null);
      setOver(null);
    },
  });

  return { rowProps, move };
}
