import { Alert, Button, Group, Paper, Select, Stack } from '@mantine/core';
import { IconDownload, IconEyeOff, IconFileAlert } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useContract } from '../../api/use-contracts.js';
import {
  type Document,
  type DocumentVersion,
  documentContentUrl,
  useDocument,
  useDocumentPreview,
} from '../../api/use-documents.js';
import { BackLink } from '../../components/back-link.js';
import { PageHeader } from '../../components/page-header.js';
import { EmptyBox, ErrorState, PageLoader } from '../../components/states.js';
import { useI18n, useT } from '../../i18n/i18n-context.js';
import classes from './documents.module.css';
import { fileKind } from './file-kinds.js';
import { frameDocument } from './frame-document.js';
import { PdfViewer } from './pdf-viewer.js';
import { type Bytes, useVersionBytes } from './use-version-bytes.js';

/** /documents/:id/preview[?version=N][&page=P]: a file shown in the browser, any version of it (a PDF at page P). */
export function DocumentPreviewPage() {
  const { id = '' } = useParams();
  const document = useDocument(id);
  if (document.isPending) return <PageLoader />;
  if (document.isError) return <ErrorState error={document.error} onRetry={() => void document.refetch()} />;
  // Another document is another page: nothing of the last one (its heading, its version) carries over.
  return <Preview key={id} document={document.data} />;
}

function Preview({ document }: { document: Document }) {
  const { t, fmt } = useI18n();
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('version'));
  const version = document.versions.find((v) => v.number === asked) ?? document.versions[0];
  const contract = useContract(document.contractId ?? '', undefined, { enabled: document.contractId !== null });
  const back = document.contractId ? `/contracts/${document.contractId}?tab=documents` : '/';
  const description = version
    ? [
        t(`documents.kind.${fileKind(version.mimeType)}`),
        fmt.bytes(version.size),
        t('documents.versionN', { number: version.number }),
        fmt.dateTime(version.createdAt),
      ].join(' · ')
    : undefined;
  return (
    <Stack gap="md">
      <BackLink to={back}>{contract.data?.title ?? t('documents.backToContract')}</BackLink>
      <PageHeader
        title={document.name}
        description={description}
        mb={0}
        actions={
          version && (
            <>
              {document.versions.length > 1 && (
                <Select
                  aria-label={t('documents.version')}
                  allowDeselect={false}
                  w={220}
                  value={String(version.number)}
                  data={document.versions.map((v) => ({
                    value: String(v.number),
                    label: `${t('documents.versionN', { number: v.number })} · ${fmt.date(v.createdAt)}`,
                  }))}
                  onChange={(value) => value && setParams({ version: value }, { replace: true })}
                />
              )}
              <Button
                component="a"
                href={documentContentUrl(document.id, version.number, 'attachment')}
                download
                leftSection={<IconDownload size={16} />}
              >
                {t('documents.download')}
              </Button>
            </>
          )
        }
      />
      {version ? (
        <VersionPreview key={version.number} document={document} version={version} />
      ) : (
        <EmptyBox icon={<IconEyeOff />} title={t('documents.noPreview')} description={t('documents.noPreviewLink')} />
      )}
    </Stack>
  );
}

type VersionProps = { document: Document; version: DocumentVersion };

/** Shows the version as the server says it can be shown; Word and text only inside a sandboxed frame. */
export function VersionPreview({ document, version }: VersionProps) {
  const t = useT();
  const preview = useDocumentPreview(document.id, version.number);
  if (preview.isPending) return <PageLoader />;
  if (preview.isError) return <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />;
  const { kind, html, text, truncated } = preview.data;
  switch (kind) {
    case 'pdf':
    case 'image':
      return <DrawnPreview document={document} version={version} kind={kind} />;
    case 'html':
    case 'text':
      return (
        <Stack gap="xs">
          {truncated && (
            <Alert color="blue" variant="light">
              {t('documents.previewTruncated')}
            </Alert>
          )}
          <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
            {/* No allow-scripts, no allow-same-origin: the frame's page can run nothing and reach nothing of ours. */}
            <iframe
              sandbox=""
              srcDoc={frameDocument(kind === 'html' ? { html: html ?? '' } : { text: text ?? '' })}
              title={t('documents.previewOf', { name: document.name })}
              className={classes.frame}
              data-testid="preview-frame"
            />
          </Paper>
        </Stack>
      );
    case 'none':
      return (
        <EmptyBox icon={<IconEyeOff />} title={t('documents.noPreview')} description={t('documents.noPreviewText')} />
      );
  }
}

/** PDFs and images are drawn here from their bytes. */
function DrawnPreview({ document, version, kind }: VersionProps & { kind: 'pdf' | 'image' }) {
  const [params] = useSearchParams();
  const { bytes, retry } = useVersionBytes(document.id, version.number);
  if (bytes.state === 'loading') return <PageLoader />;
  if (bytes.state === 'error') return <ErrorState error={bytes.error} onRetry={retry} />;
  if (kind === 'pdf') {
    const page = Number(params.get('page'));
    return <PdfViewer bytes={bytes.bytes} name={document.name} initialPage={Number.isInteger(page) ? page : 1} />;
  }
  return <ImagePreview bytes={bytes} mimeType={version.mimeType} name={document.name} />;
}

function ImagePreview({
  bytes,
  mimeType,
  name,
}: {
  bytes: Bytes & { state: 'ready' };
  mimeType: string;
  name: string;
}) {
  const t = useT();
  const [url, setUrl] = useState<string | null>(null);
  const [broken, setBroken] = useState(false);
  useEffect(() => {
    const objectUrl = URL.createObjectURL(new Blob([bytes.bytes], { type: mimeType }));
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [bytes, mimeType]);
  if (broken) {
    return (
      <EmptyBox
        icon={<IconFileAlert />}
        title={t('documents.imageUnreadable')}
        description={t('documents.noPreviewText')}
      />
    );
  }
  return (
    <Paper withBorder radius="md" p="md" bg="gray.1">
      <Group justify="center">
        {url && <img src={url} alt={name} className={classes.image} onError={() => setBroken(true)} />}
      </Group>
    </Paper>
  );
}
