import { type CSSProperties, type PointerEvent, useRef, useState } from 'react';
import { type Box, boxForKey, moveBy, resizeBy } from './field-geometry.js';
import classes from './signing.module.css';

type Drag = { mode: 'move' | 'resize'; startX: number; startY: number; width: number; height: number; from: Box };

type Props = {
  box: Box;
  text: string;
  label: string;
  colour: string;
  selected: boolean;
  onSelect: () => void;
  onChange: (box: Box) => void;
  onDelete: () => void;
};

/**
 * A placed field: drag it to move, drag its corner to resize; with the keyboard, arrows move it by
 * 0.5 %, Shift+arrows resize, Delete removes. The box follows the pointer and is saved once let go.
 */
export function FieldBox({ box, text, label, colour, selected, onSelect, onChange, onDelete }: Props) {
  const drag = useRef<Drag | null>(null);
  const [live, setLiveState] = useState<Box | null>(null);
  // The last box the pointer made, read when it is let go (its state may not have rendered yet).
  const latest = useRef<Box | null>(null);
  const setLive = (next: Box | null) => {
    latest.current = next;
    setLiveState(next);
  };
  const shown = live ?? box;

  const start = (event: PointerEvent<HTMLElement>, mode: Drag['mode']) => {
    if (event.button !== 0) return;
    const layer = (event.currentTarget.closest('[data-testid^="field-layer-"]') as HTMLElement).getBoundingClientRect();
    event.preventDefault();
    event.stopPropagation();
    onSelect();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = {
      mode,
      startX: event.clientX,
      startY: event.clientY,
      width: layer.width,
      height: layer.height,
      from: box,
    };
  };
  const follow = (event: PointerEvent<HTMLElement>) => {
    const d = drag.current;
    if (!d) return;
    const dx = (event.clientX - d.startX) / d.width;
    const dy = (event.clientY - d.startY) / d.height;
    setLive(d.mode === 'move' ? moveBy(d.from, dx, dy) : resizeBy(d.from, dx, dy));
  };
  const finish = () => {
    if (!drag.current) return;
    drag.current = null;
    if (latest.current) onChange(latest.current);
    setLive(null);
  };

  const style = {
    left: `${shown.x * 100}%`,
    top: `${shown.y * 100}%`,
    width: `${shown.w * 100}%`,
    height: `${shown.h * 100}%`,
    '--signer': colour,
  } as CSSProperties;
  return (
    <button
      type="button"
      className={classes.field}
      style={style}
      aria-label={label}
      aria-pressed={selected}
      data-testid="placed-field"
      onFocus={onSelect}
      onPointerDown={(event) => start(event, 'move')}
      onPointerMove={follow}
      onPointerUp={finish}
      onPointerCancel={finish}
      onKeyDown={(event) => {
        if (event.key === 'Delete' || event.key === 'Backspace') {
          event.preventDefault();
          onDelete();
          return;
        }
        const next = boxForKey(box, event.key, event.shiftKey);
        if (!next) return;
        event.preventDefault();
        onChange(next);
      }}
    >
      {text}
      <span
        className={classes.handle}
        data-testid="resize-handle"
        aria-hidden
        onPointerDown={(event) => start(event, 'resize')}
        onPointerMove={follow}
        onPointerUp={finish}
        onPointerCancel={finish}
      />
    </button>
  );
}
