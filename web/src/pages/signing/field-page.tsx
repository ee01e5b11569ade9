import type { CSSProperties, ReactNode } from 'react';
import { useT } from '../../i18n/i18n-context.js';
import { usePage, usePageDrawing } from '../documents/pdf-page.js';
import type { PDFDocumentProxy } from '../documents/pdfjs.js';
import classes from './signing.module.css';

type Props = {
  pdf: PDFDocumentProxy;
  number: number;
  /** The page's size in points as a reader sees it (the envelope's measure). */
  size: { w: number; h: number };
  width: number;
  label: string;
  layerRef: (element: HTMLDivElement | null) => void;
  children: ReactNode;
};

/**
 * One page drawn on a canvas with a layer exactly over it: the sheet, canvas and layer share one
 * box, so a field's fractions of the layer are fractions of the page.
 */
export function FieldPage({ pdf, number, size, width, label, layerRef, children }: Props) {
  const page = usePage(pdf, number);
  const scale = width > 0 ? width / size.w : 0;
  const { canvasRef, drawn } = usePageDrawing(page, scale, false);
  const box: CSSProperties = { width: Math.floor(size.w * scale), height: Math.floor(size.h * scale) };
  return (
    <section className={classes.sheet} style={box} aria-label={label} data-drawn={drawn || undefined}>
      <canvas ref={canvasRef} aria-hidden />
      <div ref={layerRef} className={classes.layer} data-testid={`field-layer-${number}`}>
        {children}
      </div>
    </section>
  );
}

type PagesProps = {
  pdf: PDFDocumentProxy;
  pages: { w: number; h: number }[];
  width: number;
  layerRef?: (number: number, element: HTMLDivElement | null) => void;
  /** What lies on page `number` (1-based). */
  children: (number: number) => ReactNode;
};

/** Every page of the document, one below the other, each with its layer. */
export function FieldPages({ pdf, pages, width, layerRef, children }: PagesProps) {
  const t = useT();
  return pages.map((size, index) => {
    const number = index + 1;
    return (
      <FieldPage
        key={number}
        pdf={pdf}
        number={number}
        size={size}
        width={width}
        label={t('documents.pdf.page', { page: number })}
        layerRef={(element) => layerRef?.(number, element)}
      >
        {children(number)}
      </FieldPage>
    );
  });
}
