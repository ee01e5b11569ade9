import { Button, Paper } from '@mantine/core';
import { IconListCheck, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { type ApprovalTemplate, useApprovalTemplates, useArchiveApprovalTemplate } from '../../../api/use-approvals.js';
import { useCurrentMe } from '../../../api/use-me.js';
import { ConfirmModal } from '../../../components/confirm-modal.js';
import { notifyError, notifySuccess } from '../../../components/notify.js';
import { PageHeader } from '../../../components/page-header.js';
import { EmptyBox, ErrorState, NoAccess, TableSkeleton } from '../../../components/states.js';
import { useT } from '../../../i18n/i18n-context.js';
import { TemplateFormModal } from './template-form-modal.js';
import { TemplatesTable } from './templates-table.js';

type Editing = { template: ApprovalTemplate | null } | null;

/** Administrators keep the approval templates a contract's approval can start from (archived ones are not listed). */
export function ApprovalTemplatesPage() {
  const t = useT();
  const { abilities } = useCurrentMe();
  const [editing, setEditing] = useState<Editing>(null);
  const [archiving, setArchiving] = useState<ApprovalTemplate | null>(null);
  const archive = useArchiveApprovalTemplate();
  if (!abilities.manageSettings) return <NoAccess />;
  const create = () => setEditing({ template: null });
  const confirmArchive = () => {
    if (!archiving) return;
    archive.mutate(archiving.id, {
      onSuccess: () => {
        notifySuccess(t('approvalTemplates.archived', { name: archiving.name }));
        setArchiving(null);
      },
      onError: (error) => notifyError(t, error),
    });
  };
  return (
    <>
      <PageHeader
        title={t('approvalTemplates.title')}
        description={t('approvalTemplates.description')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={create}>
            {t('approvalTemplates.create')}
          </Button>
        }
      />
      <TemplatesContent onCreate={create} onEdit={(template) => setEditing({ template })} onArchive={setArchiving} />
      <TemplateFormModal
        opened={editing !== null}
        template={editing?.template ?? null}
        onClose={() => setEditing(null)}
      />
      <ConfirmModal
        opened={archiving !== null}
        title={t('approvalTemplates.archiveTitle')}
        confirmLabel={t('approvalTemplates.archive')}
        loading={archive.isPending}
        onConfirm={confirmArchive}
        onClose={() => setArchiving(null)}
      >
        {t('approvalTemplates.archiveText', { name: archiving?.name ?? '' })}
      </ConfirmModal>
    </>
  );
}

type ContentProps = {
  onCreate: () => void;
  onEdit: (template: ApprovalTemplate) => void;
  onArchive: (template: ApprovalTemplate) => void;
};

function TemplatesContent({ onCreate, onEdit, onArchive }: ContentProps) {
  const t = useT();
  const templates = useApprovalTemplates();
  if (templates.isPending) return <TableSkeleton rows={3} />;
  if (templates.isError) return <ErrorState error={templates.error} onRetry={() => void templates.refetch()} />;
  if (templates.data.length === 0) {
    return (
      <EmptyBox
        icon={<IconListCheck />}
        title={t('approvalTemplates.emptyTitle')}
        description={t('approvalTemplates.emptyText')}
        action={<Button onClick={onCreate}>{t('approvalTemplates.create')}</Button>}
      />
    );
  }
  return (
    <Paper withBorder radius="md">
      <TemplatesTable templates={templates.data} onEdit={onEdit} onArchive={onArchive} />
    </Paper>
  );
}
