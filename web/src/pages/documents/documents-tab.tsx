import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconFiles, IconLink, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { DOCUMENT_ACCEPT } from '../../../../common/document-types.js';
import type { Contract } from '../../api/use-contracts.js';
import { type Document, useContractDocuments, useRestoreDocument } from '../../api/use-documents.js';
import { FileDropZone } from '../../components/file-drop-zone.js';
import { notifyError, notifySuccess } from '../../components/notify.js';
import { EmptyBox, ErrorState, TableSkeleton } from '../../components/states.js';
import { useT } from '../../i18n/i18n-context.js';
import { useStartSigning } from '../signing/use-start-signing.js';
import { DeleteDocumentModal, RenameDocumentModal } from './document-modals.js';
import { BinRow, type DocumentActions, DocumentRow } from './document-row.js';
import { LinkModal } from './link-modal.js';
import { UploadList } from './upload-list.js';
import type { Uploads } from './use-uploads.js';
import { VersionsModal } from './versions-modal.js';

type Dialog = { type: 'rename' | 'delete' | 'versions'; id: string } | { type: 'link' } | null;

type Props = { contract: Contract; uploads: Uploads };

/** The contract's files and links: drop or choose files, watch them upload, and work with what is stored. */
export function DocumentsTab({ contract, uploads }: Props) {
  const t = useT();
  const canEdit = contract.abilities.edit;
  const [bin, setBin] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const documents = useContractDocuments(contract.id, bin);
  const close = () => setDialog(null);
  const startSigning = useStartSigning();
  // Dialogs show the list's current copy, so a version uploaded meanwhile appears in them.
  const chosen = (type: 'rename' | 'delete' | 'versions') =>
    (dialog?.type === type && documents.data?.find((d) => d.id === dialog.id)) || null;
  const actions: DocumentActions = {
    onNewVersion: (document, file) => uploads.start(contract.id, { documentId: document.id }, [file], document.name),
    onRename: (document) => setDialog({ type: 'rename', id: document.id }),
    onVersions: (document) => setDialog({ type: 'versions', id: document.id }),
    onDelete: (document) => setDialog({ type: 'delete', id: document.id }),
    onSendForSignature: (document) => startSigning(document.id),
  };
  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" gap="sm">
        <Text size="sm" c="dimmed" maw={560}>
          {t('documents.intro')}
        </Text>
        {canEdit && (
          <Group gap="sm">
            <SegmentedControl
              aria-label={t('documents.show')}
              value={bin ? 'bin' : 'current'}
              onChange={(value) => setBin(value === 'bin')}
              data={[
                { value: 'current', label: t('documents.title') },
                { value: 'bin', label: t('documents.recycleBin') },
              ]}
            />
            <Button variant="default" leftSection={<IconLink size={16} />} onClick={() => setDialog({ type: 'link' })}>
              {t('documents.addLink')}
            </Button>
          </Group>
        )}
      </Group>
      {canEdit && !bin && (
        <FileDropZone
          title={t('documents.dropTitle')}
          hint={t('documents.dropHint')}
          buttonLabel={t('documents.chooseFiles')}
          accept={DOCUMENT_ACCEPT}
          onFiles={(files) => uploads.start(contract.id, { contractId: contract.id }, files)}
        />
      )}
      <UploadList uploads={uploads} place={contract.id} />
      <DocumentList query={documents} bin={bin} canEdit={canEdit} actions={actions} />
      <LinkModal contractId={contract.id} opened={dialog?.type === 'link'} onClose={close} />
      <RenameDocumentModal document={chosen('rename')} onClose={close} />
      <DeleteDocumentModal document={chosen('delete')} onClose={close} />
      <VersionsModal document={chosen('versions')} onClose={close} />
    </Stack>
  );
}

type ListProps = {
  query: ReturnType<typeof useContractDocuments>;
  bin: boolean;
  canEdit: boolean;
  actions: DocumentActions;
};

function DocumentList({ query, bin, canEdit, actions }: ListProps) {
  const t = useT();
  const restore = useRestoreDocument();
  if (query.isPending) return <TableSkeleton rows={3} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.length === 0) {
    return bin ? (
      <EmptyBox icon={<IconTrash />} title={t('documents.binEmptyTitle')} description={t('documents.binEmptyText')} />
    ) : (
      <EmptyBox icon={<IconFiles />} title={t('documents.emptyTitle')} description={t('documents.emptyText')} />
    );
  }
  const onRestore = (document: Document) =>
    restore.mutate(document.id, {
      onSuccess: () => notifySuccess(t('documents.restored', { name: document.name })),
      onError: (error) => notifyError(t, error),
    });
  return (
    <Stack
      gap="xs"
      component="ul"
      m={0}
      p={0}
      style={{ listStyle: 'none' }}
      aria-label={bin ? t('documents.recycleBin') : t('documents.title')}
    >
      {query.data.map((document) =>
        bin ? (
          <BinRow
            key={document.id}
            document={document}
            canRestore={canEdit}
            restoring={restore.isPending && restore.variables === document.id}
            onRestore={() => onRestore(document)}
          />
        ) : (
          <DocumentRow key={document.id} document={document} canEdit={canEdit} actions={actions} />
        ),
      )}
    </Stack>
  );
}
