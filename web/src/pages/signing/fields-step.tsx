import { Alert, Box, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { IconFileAlert } from '@tabler/icons-react';
import { type CSSProperties, useEffect, useRef, useState } from 'react';
import type { FieldType } from '../../../../common/schemas/signing.js';
import type { Envelope } from '../../api/use-envelopes.js';
import { EmptyBox, ErrorState, PageLoader } from '../../components/states.js';
import { useT } from '../../i18n/i18n-context.js';
import { openPdf, type PDFDocumentProxy } from '../documents/pdfjs.js';
import { useVersionBytes } from '../documents/use-version-bytes.js';
import { FieldBox } from './field-box.js';
import { boxAt } from './field-geometry.js';
import { FieldPages } from './field-page.js';
import { FieldPalette } from './field-palette.js';
import { signersOf } from './signer-colours.js';
import classes from './signing.module.css';
import { newKey, useFieldDrafts } from './use-field-drafts.js';
import { usePaletteDrag } from './use-palette-drag.js';

const MAX_PAGE_WIDTH = 820;

/** Step 2: the document's pages with the fields on them, and the palette to place more. */
export function FieldsStep({ envelope }: { envelope: Envelope }) {
  const t = useT();
  const { bytes, retry } = useVersionBytes(envelope.documentId, envelope.sourceVersion);
  const [pdf, setPdf] = useState<PDFDocumentProxy | null | 'error'>(null);
  useEffect(() => {
    if (bytes.state !== 'ready') return;
    const task = openPdf(bytes.bytes);
    task.promise.then(setPdf, () => setPdf('error'));
    return () => void task.destroy();
  }, [bytes]);
  if (signersOf(envelope).length === 0) return <Alert color="yellow">{t('signing.fields.noSigners')}</Alert>;
  if (bytes.state === 'error') return <ErrorState error={bytes.error} onRetry={retry} />;
  if (pdf === 'error') {
    return (
      <EmptyBox
        icon={<IconFileAlert />}
        title={t('documents.pdf.unreadable')}
        description={t('documents.pdf.unreadableText')}
      />
    );
  }
  if (!pdf) return <PageLoader />;
  return <FieldsEditor envelope={envelope} pdf={pdf} />;
}

function FieldsEditor({ envelope, pdf }: { envelope: Envelope; pdf: PDFDocumentProxy }) {
  const t = useT();
  const signers = signersOf(envelope);
  const fields = useFieldDrafts(envelope);
  const [type, setType] = useState<FieldType>('signature');
  const [signerId, setSignerId] = useState(signers[0]!.id);
  const [selected, setSelected] = useState<string | null>(null);
  const layers = useRef(new Map<number, HTMLElement>()).current;
  const room = useElementSize();
  const width = Math.min(room.width, MAX_PAGE_WIDTH);
  const colourOf = (id: string) => signers.find((s) => s.id === id)?.colour ?? 'var(--mantine-color-gray-6)';
  const nameOf = (id: string) => signers.find((s) => s.id === id)?.name ?? '';

  const place = (fieldType: FieldType, page: number, centre: { x: number; y: number }) => {
    const key = newKey();
    const size = envelope.pages[page - 1]!;
    fields.add({
      key,
      recipientId: signerId,
      type: fieldType,
      page,
      required: true,
      label: null,
      ...boxAt(fieldType, size, centre),
    });
    setSelected(key);
  };
  const drag = usePaletteDrag(layers, (drop) => place(drop.type, drop.page, drop));
  const current = fields.drafts.find((d) => d.key === selected);
  return (
    <div className={classes.layout}>
      <FieldPalette
        className={classes.palette}
        signers={signers}
        signerId={signerId}
        onSigner={setSignerId}
        type={type}
        onType={setType}
        dragHandlers={drag.handlers}
        save={fields.save}
        onRetry={fields.retry}
        onAdd={() => place(type, current?.page ?? 1, { x: 0.5, y: 0.5 })}
        onDelete={current ? () => fields.remove(current.key) : undefined}
      />
      <div className={classes.pages} ref={room.ref}>
        <FieldPages
          pdf={pdf}
          pages={envelope.pages}
          width={width}
          layerRef={(number, element) => (element ? layers.set(number, element) : layers.delete(number))}
        >
          {(number) =>
            fields.drafts
              .filter((d) => d.page === number)
              .map((d) => (
                <FieldBox
                  key={d.key}
                  box={d}
                  text={t(`signing.type.${d.type}`)}
                  label={t('signing.fields.fieldLabel', {
                    type: t(`signing.type.${d.type}`),
                    name: nameOf(d.recipientId),
                    page: number,
                  })}
                  colour={colourOf(d.recipientId)}
                  selected={d.key === selected}
                  onSelect={() => setSelected(d.key)}
                  onChange={(box) => fields.update(d.key, box)}
                  onDelete={() => fields.remove(d.key)}
                />
              ))
          }
        </FieldPages>
        <Text size="xs" c="dimmed">
          {t('signing.fields.keyboardHint')}
        </Text>
      </div>
      {drag.ghost && (
        <Box
          className={classes.ghost}
          style={{ left: drag.ghost.x, top: drag.ghost.y, '--signer': colourOf(signerId) } as CSSProperties}
          aria-hidden
        >
          {t(`signing.type.${drag.ghost.type}`)}
        </Box>
      )}
    </div>
  );
}
