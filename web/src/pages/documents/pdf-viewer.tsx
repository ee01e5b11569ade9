import { ActionIcon, Box, Button, Group, Paper, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { IconChevronLeft, IconChevronRight, IconFileAlert, IconZoomIn, IconZoomOut } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { EmptyBox, PageLoader } from '../../components/states.js';
import { useT } from '../../i18n/i18n-context.js';
import classes from './documents.module.css';
import { PdfPage, PdfThumbnails } from './pdf-page.js';
import { openPdf, type PDFDocumentProxy } from './pdfjs.js';

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];
export type Zoom = number | 'fit';

type Loaded = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ready'; pdf: PDFDocumentProxy };

/** A PDF drawn by pdf.js: one page at a time, thumbnails to jump, zoom in, out and to the width. */
export function PdfViewer({
  bytes,
  name,
  initialPage = 1,
}: {
  bytes: ArrayBuffer;
  name: string;
  initialPage?: number;
}) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    const task = openPdf(bytes);
    task.promise.then(
      (pdf) => setLoaded({ state: 'ready', pdf }),
      (error: unknown) => setLoaded({ state: 'error', error }),
    );
    return () => void task.destroy();
  }, [bytes]);
  if (loaded.state === 'loading') return <PageLoader />;
  if (loaded.state === 'error') return <PdfError />;
  return <PdfPages pdf={loaded.pdf} name={name} initialPage={initialPage} />;
}

function PdfError() {
  const t = useT();
  return (
    <EmptyBox
      icon={<IconFileAlert />}
      title={t('documents.pdf.unreadable')}
      description={t('documents.pdf.unreadableText')}
    />
  );
}

function PdfPages({ pdf, name, initialPage }: { pdf: PDFDocumentProxy; name: string; initialPage: number }) {
  const t = useT();
  const [pageNumber, setPageNumber] = useState(() => Math.min(Math.max(initialPage, 1), pdf.numPages));
  const [zoom, setZoom] = useState<Zoom>('fit');
  const [scale, setScale] = useState(1);
  const room = useElementSize();
  const stageRef = useRef<HTMLElement | null>(null);
  const pages = pdf.numPages;
  const go = (page: number) => {
    setPageNumber(Math.min(Math.max(page, 1), pages));
    stageRef.current?.scrollTo({ top: 0 });
  };
  const zoomIn = () => setZoom(ZOOMS.find((z) => z > scale + 0.01) ?? ZOOMS[ZOOMS.length - 1]!);
  const zoomOut = () => setZoom([...ZOOMS].reverse().find((z) => z < scale - 0.01) ?? ZOOMS[0]!);
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <Group justify="space-between" gap="xs" p="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group gap={4}>
          <ActionIcon
            variant="default"
            aria-label={t('documents.pdf.previous')}
            disabled={pageNumber <= 1}
            onClick={() => go(pageNumber - 1)}
          >
            <IconChevronLeft size={16} />
          </ActionIcon>
          <Text size="sm" px="xs" aria-live="polite" data-testid="pdf-page-of">
            {t('documents.pdf.pageOf', { page: pageNumber, pages })}
          </Text>
          <ActionIcon
            variant="default"
            aria-label={t('documents.pdf.next')}
            disabled={pageNumber >= pages}
            onClick={() => go(pageNumber + 1)}
          >
            <IconChevronRight size={16} />
          </ActionIcon>
        </Group>
        <Group gap={4}>
          <ActionIcon
            variant="default"
            aria-label={t('documents.pdf.zoomOut')}
            disabled={scale <= ZOOMS[0]! + 0.01}
            onClick={zoomOut}
          >
            <IconZoomOut size={16} />
          </ActionIcon>
          <Text size="sm" w={52} ta="center" data-testid="pdf-zoom">
            {Math.round(scale * 100)} %
          </Text>
          <ActionIcon
            variant="default"
            aria-label={t('documents.pdf.zoomIn')}
            disabled={scale >= ZOOMS[ZOOMS.length - 1]! - 0.01}
            onClick={zoomIn}
          >
            <IconZoomIn size={16} />
          </ActionIcon>
          <Button
            size="compact-sm"
            variant={zoom === 'fit' ? 'light' : 'default'}
            aria-pressed={zoom === 'fit'}
            onClick={() => setZoom('fit')}
          >
            {t('documents.pdf.fit')}
          </Button>
        </Group>
      </Group>
      <div className={classes.viewer}>
        <Box visibleFrom="sm" className={classes.rail}>
          <PdfThumbnails pdf={pdf} current={pageNumber} onChoose={go} />
        </Box>
        <section
          ref={stageRef}
          className={classes.stage}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
          tabIndex={0}
          aria-label={t('documents.pdf.pageOfName', { page: pageNumber, pages, name })}
        >
          {/* Measures the width inside the stage's padding, which "fit width" fills. */}
          <div ref={room.ref}>
            {room.width > 0 && (
              <PdfPage pdf={pdf} pageNumber={pageNumber} zoom={zoom} width={room.width} onScale={setScale} />
            )}
          </div>
        </section>
      </div>
    </Paper>
  );
}
