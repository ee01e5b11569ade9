import { Button, Group, Stack, TextInput } from '@mantine/core';
import { categoryPatch } from '../../../../../common/schemas/classification.js';
import { type ListItem, type ListKind, useCreateListItem, useRenameListItem } from '../../../api/use-lists.js';
import { AppModal } from '../../../components/app-modal.js';
import { notifySuccess } from '../../../components/notify.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { useZodForm } from '../../../forms/use-zod-form.js';
import { useT } from '../../../i18n/i18n-context.js';
import { listLabel } from './list-labels.js';

type Props = {
  kind: ListKind;
  opened: boolean;
  item: ListItem | null;
  onClose: () => void;
  onSaved?: (item: ListItem) => void;
};

/** Adds an entry to a list (also inline from the contract form), or renames one when `item` is given. */
export function NameFormModal({ kind, opened, item, onClose, onSaved }: Props) {
  const t = useT();
  return (
    <AppModal opened={opened} onClose={onClose} title={t(listLabel(kind, item ? 'renameTitle' : 'createTitle'))}>
      {opened && <NameForm kind={kind} item={item} onDone={onClose} onSaved={onSaved} />}
    </AppModal>
  );
}

type FormProps = { kind: ListKind; item: ListItem | null; onDone: () => void; onSaved?: (item: ListItem) => void };

function NameForm({ kind, item, onDone, onSaved }: FormProps) {
  const t = useT();
  const create = useCreateListItem(kind);
  const rename = useRenameListItem(kind);
  const form = useZodForm(categoryPatch, { name: item?.name ?? '' });
  const submit = form.onSubmit(({ name }) => {
    const onSuccess = (saved: ListItem) => {
      notifySuccess(t(listLabel(kind, item ? 'renamed' : 'created'), { name: saved.name }));
      onSaved?.(saved);
      onDone();
    };
    if (item) rename.mutate({ id: item.id, name }, { onSuccess, onError: form.showError });
    else create.mutate(name, { onSuccess, onError: form.showError });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ProblemAlert error={form.formError} />
        <TextInput label={t('field.name')} required data-autofocus {...form.textProps('name')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || rename.isPending}>
            {item ? t('common.save') : t(listLabel(kind, 'create'))}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
