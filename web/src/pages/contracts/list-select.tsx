import { ActionIcon, Group, Select, Tooltip } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { meCan } from '../../api/abilities.js';
import { type ListKind, useListItems } from '../../api/use-lists.js';
import { useCurrentMe } from '../../api/use-me.js';
import { useT } from '../../i18n/i18n-context.js';
import { listLabel } from '../settings/lists/list-labels.js';
import { NameFormModal } from '../settings/lists/name-form-modal.js';

type Props = {
  kind: ListKind;
  label: string;
  value: string | null;
  error?: string;
  required?: boolean;
  onChange: (id: string | null) => void;
};

/** A category or organizational unit, with a button to add a missing one on the spot. */
export function ListSelect({ kind, label, value, error, required, onChange }: Props) {
  const t = useT();
  const list = useListItems(kind);
  const [adding, setAdding] = useState(false);
  // Same rule as the server's: whoever writes contracts somewhere may add entries inline.
  const canAdd = meCan(useCurrentMe(), 'addListEntries');
  return (
    <Group gap={6} align="flex-end" wrap="nowrap">
      <Select
        label={label}
        required={required}
        searchable
        clearable
        clearButtonProps={{ 'aria-label': t('common.clear') }}
        value={value}
        error={error}
        data={(list.data ?? []).map((item) => ({ value: item.id, label: item.name }))}
        onChange={onChange}
        style={{ flex: 1 }}
      />
      {canAdd && (
        <Tooltip label={t(listLabel(kind, 'create'))} withArrow>
          <ActionIcon
            variant="default"
            size={36}
            aria-label={t(listLabel(kind, 'create'))}
            onClick={() => setAdding(true)}
            mb={error ? 22 : 0}
          >
            <IconPlus size={16} />
          </ActionIcon>
        </Tooltip>
      )}
      <NameFormModal
        kind={kind}
        opened={adding}
        item={null}
        onClose={() => setAdding(false)}
        onSaved={(item) => onChange(item.id)}
      />
    </Group>
  );
}
