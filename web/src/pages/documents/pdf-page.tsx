import { useInViewport } from '@mantine/hooks';
import { type CSSProperties, useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/i18n-context.js';
import classes from './documents.module.css';
import type { Zoom } from './pdf-viewer.js';
import { type PDFDocumentProxy, TextLayer } from './pdfjs.js';

type PageProxy = Awaited<ReturnType<PDFDocumentProxy['getPage']>>;
type Task = { cancel: () => void };

/**
 * Draws one page on a canvas at the device's pixel density; `withText` lays pdf.js's
 * transparent text over it. Cancels its drawing when the page, scale or component goes.
 */
export function usePageDrawing(page: PageProxy | null, scale: number, withText: boolean) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!page || !canvas || scale <= 0) return;
    setDrawn(false);
    const viewport = page.getViewport({ scale });
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.style.width = `${Math.floor(viewport.width)}px`;
    canvas.style.height = `${Math.floor(viewport.height)}px`;
    const tasks: Task[] = [];
    const render = page.render({
      canvas,
      viewport,
      transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
    });
    tasks.push(render);
    render.promise
      .then(async () => {
        const container = textRef.current;
        if (withText && container) {
          container.replaceChildren();
          const text = new TextLayer({ textContentSource: page.streamTextContent(), container, viewport });
          tasks.push(text);
          await text.render();
        }
        setDrawn(true);
      })
      // A cancelled drawing (another page or zoom was chosen) rejects; nothing to report.
      .catch(() => undefined);
    return () => {
      for (const task of tasks) task.cancel();
    };
  }, [page, scale, withText]);
  return { canvasRef, textRef, drawn };
}

/** A page of the document once pdf.js has parsed it; page 0 stands for none (yet). */
export function usePage(pdf: PDFDocumentProxy, pageNumber: number) {
  const [page, setPage] = useState<PageProxy | null>(null);
  useEffect(() => {
    if (pageNumber < 1) return;
    let current = true;
    pdf.getPage(pageNumber).then(
      (p) => current && setPage(p),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [pdf, pageNumber]);
  return page?.pageNumber === pageNumber ? page : null;
}

type PageProps = {
  pdf: PDFDocumentProxy;
  pageNumber: number;
  zoom: Zoom;
  /** The width there is to fit the page into. */
  width: number;
  onScale: (scale: number) => void;
};

export function PdfPage({ pdf, pageNumber, zoom, width, onScale }: PageProps) {
  const page = usePage(pdf, pageNumber);
  const natural = page?.getViewport({ scale: 1 }).width ?? 0;
  const scale = zoom === 'fit' ? (natural > 0 ? width / natural : 0) : zoom;
  const { canvasRef, textRef, drawn } = usePageDrawing(page, scale, true);
  useEffect(() => {
    if (scale > 0) onScale(scale);
  }, [scale, onScale]);
  return (
    <div
      className={classes.page}
      style={{ '--scale-factor': scale, width: 'fit-content' } as CSSProperties}
      data-testid="pdf-page"
      data-drawn={drawn || undefined}
    >
      <canvas ref={canvasRef} aria-hidden />
      <div ref={textRef} className={classes.textLayer} />
    </div>
  );
}

const THUMB_WIDTH = 120;

/** The pages as small pictures to jump to; each is drawn once it scrolls into view. */
export function PdfThumbnails({
  pdf,
  current,
  onChoose,
}: {
  pdf: PDFDocumentProxy;
  current: number;
  onChoose: (page: number) => void;
}) {
  const t = useT();
  return (
    <nav aria-label={t('documents.pdf.pages')}>
      {Array.from({ length: pdf.numPages }, (_, index) => index + 1).map((number) => (
        <Thumbnail
          key={number}
          pdf={pdf}
          number={number}
          current={number === current}
          label={t('documents.pdf.page', { page: number })}
          onChoose={() => onChoose(number)}
        />
      ))}
    </nav>
  );
}

type ThumbProps = { pdf: PDFDocumentProxy; number: number; current: boolean; label: string; onChoose: () => void };

function Thumbnail({ pdf, number, current, label, onChoose }: ThumbProps) {
  const { ref, inViewport } = useInViewport<HTMLButtonElement>();
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    if (inViewport) setSeen(true);
  }, [inViewport]);
  const page = usePage(pdf, seen ? number : 0);
  const natural = page?.getViewport({ scale: 1 }).width ?? 0;
  const { canvasRef } = usePageDrawing(page, natural > 0 ? THUMB_WIDTH / natural : 0, false);
  const button = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    if (current) button.current?.scrollIntoView({ block: 'nearest' });
  }, [current]);
  return (
    <button
      type="button"
      ref={(element) => {
        ref(element);
        button.current = element;
      }}
      className={classes.thumb}
      aria-current={current ? 'page' : undefined}
      onClick={onChoose}
    >
      <canvas ref={canvasRef} className={classes.thumbCanvas} aria-hidden />
      {label}
    </button>
  );
}
