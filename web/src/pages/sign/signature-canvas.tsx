import { Button, Group, Stack, Text } from '@mantine/core';
import { type PointerEvent, useEffect, useRef } from 'react';
import { useT } from '../../i18n/i18n-context.js';
import classes from './sign.module.css';

// CSS size of the drawing area; its pixels are at most twice that (the server takes up to 1600 × 800).
const WIDTH = 560;
const HEIGHT = 200;
const MAX_RATIO = 2;

type Props = {
  /** Whether anything is drawn; the PNG is made only when asked (`canvasPng`). */
  onDrawn: (drawn: boolean) => void;
  canvasRef: React.RefObject<HTMLCanvasElement | null>;
};

/**
 * A pad to draw a signature with a mouse, pen or finger (Pointer Events). The keyboard's way to
 * sign is the typed signature beside it.
 */
export function SignatureCanvas({ onDrawn, canvasRef }: Props) {
  const t = useT();
  const last = useRef<{ x: number; y: number } | null>(null);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const ratio = Math.min(window.devicePixelRatio || 1, MAX_RATIO);
    canvas.width = WIDTH * ratio;
    canvas.height = HEIGHT * ratio;
    const pen = canvas.getContext('2d');
    if (!pen) return;
    pen.scale(ratio, ratio);
    pen.lineWidth = 2.5;
    pen.lineCap = 'round';
    pen.lineJoin = 'round';
    pen.strokeStyle = '#111';
  }, [canvasRef]);

  const point = (event: PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return {
      x: ((event.clientX - box.left) / box.width) * WIDTH,
      y: ((event.clientY - box.top) / box.height) * HEIGHT,
    };
  };
  const start = (event: PointerEvent<HTMLCanvasElement>) => {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    last.current = point(event);
    line(event.currentTarget, last.current, { x: last.current.x + 0.1, y: last.current.y + 0.1 });
    onDrawn(true);
  };
  const follow = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!last.current) return;
    const next = point(event);
    line(event.currentTarget, last.current, next);
    last.current = next;
  };
  const stop = () => {
    last.current = null;
  };
  const clear = () => {
    const canvas = canvasRef.current;
    canvas?.getContext('2d')?.clearRect(0, 0, WIDTH, HEIGHT);
    onDrawn(false);
  };
  return (
    <Stack gap="xs">
      <canvas
        ref={canvasRef}
        className={classes.pad}
        role="img"
        aria-label={t('signPage.draw.area')}
        data-testid="signature-pad"
        onPointerDown={start}
        onPointerMove={follow}
        onPointerUp={stop}
        onPointerCancel={stop}
      />
      <Group justify="space-between" wrap="nowrap">
        <Text size="xs" c="dimmed">
          {t('signPage.draw.hint')}
        </Text>
        <Button variant="default" size="xs" onClick={clear}>
          {t('signPage.draw.clear')}
        </Button>
      </Group>
    </Stack>
  );
}

function line(canvas: HTMLCanvasElement, from: { x: number; y: number }, to: { x: number; y: number }) {
  const pen = canvas.getContext('2d');
  if (!pen) return;
  pen.beginPath();
  pen.moveTo(from.x, from.y);
  pen.lineTo(to.x, to.y);
  pen.stroke();
}

/** The drawing as a PNG, base64 without the data-URL prefix (what POST …/sign takes). */
export function canvasPng(canvas: HTMLCanvasElement): Promise<string> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (!blob) return reject(new Error('no PNG'));
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '');
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(blob);
    }, 'image/png');
  });
}
