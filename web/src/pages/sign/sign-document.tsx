import { Skeleton } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { IconFileAlert } from '@tabler/icons-react';
import { type ReactNode, useEffect, useState } from 'react';
import { fetchSigningPdf, type SigningPage } from '../../api/use-signing.js';
import { EmptyBox, ErrorState } from '../../components/states.js';
import { useT } from '../../i18n/i18n-context.js';
import { openPdf, type PDFDocumentProxy } from '../documents/pdfjs.js';
import { FieldPages } from '../signing/field-page.js';
import classes from './sign.module.css';

const MAX_PAGE_WIDTH = 820;

type Props = {
  token: string;
  pages: SigningPage['pages'];
  /** What lies on page `number` (1-based) over its drawing. */
  overlay: (number: number) => ReactNode;
};

/** The document as sent, every page fitted to the width there is, with the recipient's fields over it. */
export function SignDocument({ token, pages, overlay }: Props) {
  const t = useT();
  const [pdf, setPdf] = useState<PDFDocumentProxy | { error: unknown } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const room = useElementSize();
  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt is the retry trigger
  useEffect(() => {
    const controller = new AbortController();
    let destroy: (() => void) | undefined;
    setPdf(null);
    fetchSigningPdf(token, controller.signal).then(
      (bytes) => {
        const task = openPdf(bytes);
        destroy = () => void task.destroy();
        task.promise.then(setPdf, () => setPdf({ error: 'unreadable' }));
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setPdf({ error });
      },
    );
    return () => {
      controller.abort();
      destroy?.();
    };
  }, [token, attempt]);
  const width = Math.min(room.width, MAX_PAGE_WIDTH);
  let content: ReactNode;
  if (!pdf) content = <Skeleton height={600} w="100%" maw={MAX_PAGE_WIDTH} aria-busy="true" />;
  else if ('error' in pdf && pdf.error === 'unreadable') {
    content = (
      <EmptyBox
        icon={<IconFileAlert />}
        title={t('documents.pdf.unreadable')}
        description={t('documents.pdf.unreadableText')}
      />
    );
  } else if ('error' in pdf) content = <ErrorState error={pdf.error} onRetry={() => setAttempt((n) => n + 1)} />;
  else {
    content = (
      <FieldPages pdf={pdf} pages={pages} width={width}>
        {overlay}
      </FieldPages>
    );
  }
  return (
    <div className={classes.pages} ref={room.ref}>
      {content}
    </div>
  );
}
