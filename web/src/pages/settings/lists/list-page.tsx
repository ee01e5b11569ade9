import { Button, Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconList, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { type ListItem, type ListKind, useDeleteListItem, useListItems } from '../../../api/use-lists.js';
import { useCurrentMe } from '../../../api/use-me.js';
import { ConfirmModal } from '../../../components/confirm-modal.js';
import { notifyError, notifySuccess } from '../../../components/notify.js';
import { PageHeader } from '../../../components/page-header.js';
import { RowActions } from '../../../components/row-actions.js';
import { EmptyBox, ErrorState, NoAccess, TableSkeleton } from '../../../components/states.js';
import { useI18n, useT } from '../../../i18n/i18n-context.js';
import { listLabel } from './list-labels.js';
import { NameFormModal } from './name-form-modal.js';

type Editing = { item: ListItem | null } | null;

/** Settings → Categories and Settings → Organizational units. */
export function ListPage({ kind }: { kind: ListKind }) {
  const t = useT();
  const { abilities } = useCurrentMe();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<ListItem | null>(null);
  if (!abilities.manageLists) return <NoAccess />;
  const create = () => setEditing({ item: null });
  return (
    <>
      <PageHeader
        title={t(listLabel(kind, 'title'))}
        description={t(listLabel(kind, 'description'))}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={create}>
            {t(listLabel(kind, 'create'))}
          </Button>
        }
      />
      <ListContent kind={kind} onCreate={create} onRename={(item) => setEditing({ item })} onDelete={setDeleting} />
      <NameFormModal
        kind={kind}
        opened={editing !== null}
        item={editing?.item ?? null}
        onClose={() => setEditing(null)}
      />
      <DeleteItemModal kind={kind} item={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}

type ContentProps = {
  kind: ListKind;
  onCreate: () => void;
  onRename: (item: ListItem) => void;
  onDelete: (item: ListItem) => void;
};

function ListContent({ kind, onCreate, onRename, onDelete }: ContentProps) {
  const { t, fmt } = useI18n();
  const list = useListItems(kind);
  if (list.isPending) return <TableSkeleton rows={3} />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.length === 0) {
    return (
      <EmptyBox
        icon={<IconList />}
        title={t(listLabel(kind, 'emptyTitle'))}
        description={t(listLabel(kind, 'emptyText'))}
        action={<Button onClick={onCreate}>{t(listLabel(kind, 'create'))}</Button>}
      />
    );
  }
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={320} type="native">
        <Table horizontalSpacing="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('field.name')}</Table.Th>
              <Table.Th w={110}>{t('field.created')}</Table.Th>
              <Table.Th w={84}>
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>
                  <Text size="sm" fw={500} className="break-anywhere">
                    {item.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {fmt.date(item.createdAt)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <RowActions
                    editLabel={t(listLabel(kind, 'renameNamed'), { name: item.name })}
                    deleteLabel={t(listLabel(kind, 'deleteNamed'), { name: item.name })}
                    onEdit={() => onRename(item)}
                    onDelete={() => onDelete(item)}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function DeleteItemModal({ kind, item, onClose }: { kind: ListKind; item: ListItem | null; onClose: () => void }) {
  const t = useT();
  const remove = useDeleteListItem(kind);
  const name = item?.name ?? '';
  const confirm = () => {
    if (!item) return;
    remove.mutate(item.id, {
      onSuccess: () => {
        notifySuccess(t(listLabel(kind, 'deleted'), { name }));
        onClose();
      },
      onError: (error) => notifyError(t, error),
    });
  };
  return (
    <ConfirmModal
      opened={item !== null}
      title={t(listLabel(kind, 'deleteTitle'), { name })}
      confirmLabel={t('common.delete')}
      loading={remove.isPending}
      onConfirm={confirm}
      onClose={onClose}
    >
      <Text size="sm">{t(listLabel(kind, 'deleteText'))}</Text>
    </ConfirmModal>
  );
}
