import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconForms, IconGripVertical, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { CustomFieldEntity } from '../../../../../common/schemas/vocabulary.js';
import {
  type CustomField,
  useCustomFields,
  useDeleteCustomField,
  useReorderCustomFields,
} from '../../../api/use-classification.js';
import { useCurrentMe } from '../../../api/use-me.js';
import { ConfirmModal } from '../../../components/confirm-modal.js';
import { notifyError, notifySuccess } from '../../../components/notify.js';
import { PageHeader } from '../../../components/page-header.js';
import { RowActions } from '../../../components/row-actions.js';
import { EmptyBox, ErrorState, NoAccess, TableSkeleton } from '../../../components/states.js';
import { useT } from '../../../i18n/i18n-context.js';
import { CustomFieldModal } from './custom-field-modal.js';
import { useDragOrder } from './use-drag-order.js';

export function CustomFieldsPage() {
  const t = useT();
  const { abilities } = useCurrentMe();
  const [entity, setEntity] = useState<CustomFieldEntity>('contract');
  const [editing, setEditing] = useState<{ field: CustomField | null } | null>(null);
  const [deleting, setDeleting] = useState<CustomField | null>(null);
  const remove = useDeleteCustomField();
  if (!abilities.manageCustomFields) return <NoAccess />;
  const confirmDelete = () =>
    deleting &&
    remove.mutate(deleting.id, {
      onSuccess: () => {
        notifySuccess(t('customFields.deleted', { label: deleting.label }));
        setDeleting(null);
      },
      onError: (error) => notifyError(t, error),
    });
  return (
    <Stack gap="md">
      <PageHeader
        title={t('customFields.title')}
        description={t('customFields.description')}
        mb="xs"
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ field: null })}>
            {t('customFields.create')}
          </Button>
        }
      />
      <SegmentedControl
        value={entity}
        onChange={(value) => setEntity(value as CustomFieldEntity)}
        data={[
          { value: 'contract', label: t('customFields.forContracts') },
          { value: 'partner', label: t('customFields.forPartners') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      <FieldList entity={entity} onEdit={(field) => setEditing({ field })} onDelete={setDeleting} />
      <CustomFieldModal
        entity={entity}
        field={editing?.field ?? null}
        opened={editing !== null}
        onClose={() => setEditing(null)}
      />
      <ConfirmModal
        opened={deleting !== null}
        title={t('customFields.deleteTitle', { label: deleting?.label ?? '' })}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        onConfirm={() => void confirmDelete()}
        onClose={() => setDeleting(null)}
      >
        <Text size="sm">{t('customFields.deleteText')}</Text>
      </ConfirmModal>
    </Stack>
  );
}

type ListProps = { entity: CustomFieldEntity; onEdit: (f: CustomField) => void; onDelete: (f: CustomField) => void };

function FieldList({ entity, onEdit, onDelete }: ListProps) {
  const t = useT();
  const fields = useCustomFields(entity);
  const reorder = useReorderCustomFields(entity);
  const items = [...(fields.data ?? [])].sort((a, b) => a.position - b.position);
  const order = (ids: string[]) => reorder.mutate(ids, { onError: (error) => notifyError(t, error) });
  const { rowProps, move } = useDragOrder(items, order);
  if (fields.isPending) return <TableSkeleton rows={4} />;
  if (fields.isError) return <ErrorState error={fields.error} onRetry={() => void fields.refetch()} />;
  if (items.length === 0)
    return (
      <EmptyBox icon={<IconForms />} title={t('customFields.emptyTitle')} description={t('customFields.emptyText')} />
    );
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={560} type="native">
        <Table horizontalSpacing="md" className="nowrap-head drag-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={90}>
                <VisuallyHidden>{t('customFields.order')}</VisuallyHidden>
              </Table.Th>
              <Table.Th>{t('customFields.label')}</Table.Th>
              <Table.Th>{t('customFields.type')}</Table.Th>
              <Table.Th>{t('customFields.section')}</Table.Th>
              <Table.Th w={84}>
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((field, index) => (
              <Table.Tr key={field.id} {...rowProps(field.id)}>
                <Table.Td>
                  <Group gap={2} wrap="nowrap">
                    <IconGripVertical size={16} style={{ cursor: 'grab' }} aria-hidden />
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      disabled={index === 0}
                      aria-label={t('customFields.moveUp', { label: field.label })}
                      onClick={() => move(field.id, index - 1)}
                    >
                      <IconArrowUp size={14} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      disabled={index === items.length - 1}
                      aria-label={t('customFields.moveDown', { label: field.label })}
                      onClick={() => move(field.id, index + 1)}
                    >
                      <IconArrowDown size={14} />
                    </ActionIcon>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    <Text size="sm" fw={500}>
                      {field.label}
                    </Text>
                    {field.mandatory && (
                      <Badge size="xs" variant="light" color="red">
                        {t('customFields.mandatoryBadge')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {field.key}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`customFieldType.${field.type}`)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={field.section ? undefined : 'dimmed'}>
                    {field.section ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <RowActions
                    editLabel={t('customFields.editNamed', { label: field.label })}
                    deleteLabel={t('customFields.deleteNamed', { label: field.label })}
                    onEdit={() => onEdit(field)}
                    onDelete={() => onDelete(field)}
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
