import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { z } from 'zod';
import { documentName } from '../../../../common/schemas/documents.js';
import { type Document, useDeleteDocument, useRenameDocument } from '../../api/use-documents.js';
import { AppModal } from '../../components/app-modal.js';
import { ConfirmModal } from '../../components/confirm-modal.js';
import { notifyError, notifySuccess } from '../../components/notify.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { useZodForm } from '../../forms/use-zod-form.js';
import { useT } from '../../i18n/i18n-context.js';

type Props = { document: Document | null; onClose: () => void };

export function RenameDocumentModal({ document, onClose }: Props) {
  const t = useT();
  return (
    <AppModal opened={document !== null} onClose={onClose} title={t('documents.renameTitle')}>
      {document && <RenameForm document={document} onDone={onClose} />}
    </AppModal>
  );
}

const renameSchema = z.object({ name: documentName });

function RenameForm({ document, onDone }: { document: Document; onDone: () => void }) {
  const t = useT();
  const form = useZodForm(renameSchema, { name: document.name });
  const rename = useRenameDocument();
  const submit = form.onSubmit(({ name }) =>
    rename.mutate(
      { id: document.id, name },
      {
        onSuccess: () => {
          notifySuccess(t('documents.renamed', { name }));
          onDone();
        },
        onError: form.showError,
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ProblemAlert error={form.formError} />
        <TextInput label={t('documents.name')} required data-autofocus {...form.textProps('name')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={rename.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function DeleteDocumentModal({ document, onClose }: Props) {
  const t = useT();
  const remove = useDeleteDocument();
  const confirm = () =>
    document &&
    remove.mutate(document.id, {
      onSuccess: () => {
        notifySuccess(t('documents.deleted', { name: document.name }));
        onClose();
      },
      onError: (error) => notifyError(t, error),
    });
  return (
    <ConfirmModal
      opened={document !== null}
      title={t('documents.deleteTitle')}
      confirmLabel={t('documents.delete')}
      loading={remove.isPending}
      onConfirm={confirm}
      onClose={onClose}
    >
      <Text size="sm" className="break-anywhere">
        {document && t('documents.deleteText', { name: document.name })}
      </Text>
    </ConfirmModal>
  );
}
