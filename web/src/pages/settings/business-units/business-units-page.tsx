import { Button, Paper } from '@mantine/core';
import { IconBuildingCommunity, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { BusinessUnit } from '../../../api/use-business-units.js';
import { useBusinessUnits } from '../../../api/use-business-units.js';
import { useCurrentMe } from '../../../api/use-me.js';
import { PageHeader } from '../../../components/page-header.js';
import { EmptyBox, ErrorState, NoAccess, TableSkeleton } from '../../../components/states.js';
import { useT } from '../../../i18n/i18n-context.js';
import { DeleteUnitModal } from './delete-unit-modal.js';
import { UnitFormModal } from './unit-form-modal.js';
import { UnitsTable } from './units-table.js';

type Editing = { mode: 'create' } | { mode: 'rename'; unit: BusinessUnit } | null;

export function BusinessUnitsPage() {
  const t = useT();
  const { abilities } = useCurrentMe();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<BusinessUnit | null>(null);
  if (!abilities.manageBusinessUnits) return <NoAccess />;
  const create = () => setEditing({ mode: 'create' });
  return (
    <>
      <PageHeader
        title={t('units.title')}
        description={t('units.description')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={create}>
            {t('units.create')}
          </Button>
        }
      />
      <UnitsContent
        onCreate={create}
        onRename={(unit) => setEditing({ mode: 'rename', unit })}
        onDelete={setDeleting}
      />
      <UnitFormModal
        opened={editing !== null}
        unit={editing?.mode === 'rename' ? editing.unit : null}
        onClose={() => setEditing(null)}
      />
      <DeleteUnitModal unit={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}

type ContentProps = {
  onCreate: () => void;
  onRename: (unit: BusinessUnit) => void;
  onDelete: (unit: BusinessUnit) => void;
};

function UnitsContent({ onCreate, onRename, onDelete }: ContentProps) {
  const t = useT();
  const units = useBusinessUnits();
  if (units.isPending) return <TableSkeleton rows={3} />;
  if (units.isError) return <ErrorState error={units.error} onRetry={() => void units.refetch()} />;
  if (units.data.length === 0) {
    return (
      <EmptyBox
        icon={<IconBuildingCommunity />}
        title={t('units.emptyTitle')}
        description={t('units.emptyText')}
        action={<Button onClick={onCreate}>{t('units.create')}</Button>}
      />
    );
  }
  return (
    <Paper withBorder radius="md">
      <UnitsTable units={units.data} onRename={onRename} onDelete={onDelete} />
    </Paper>
  );
}
