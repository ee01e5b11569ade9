import { Button, Group, Stack, TextInput } from '@mantine/core';
import { businessUnitInput } from '../../../../../common/schemas/org.js';
import type { BusinessUnit } from '../../../api/use-business-units.js';
import { useCreateBusinessUnit, useRenameBusinessUnit } from '../../../api/use-business-units.js';
import { AppModal } from '../../../components/app-modal.js';
import { notifySuccess } from '../../../components/notify.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { useZodForm } from '../../../forms/use-zod-form.js';
import { useT } from '../../../i18n/i18n-context.js';

type Props = { opened: boolean; unit: BusinessUnit | null; onClose: () => void };

/** Creates a unit, or renames one when `unit` is given. */
export function UnitFormModal({ opened, unit, onClose }: Props) {
  const t = useT();
  return (
    <AppModal opened={opened} onClose={onClose} title={unit ? t('units.renameTitle') : t('units.createTitle')}>
      {opened && <UnitForm unit={unit} onDone={onClose} />}
    </AppModal>
  );
}

function UnitForm({ unit, onDone }: { unit: BusinessUnit | null; onDone: () => void }) {
  const t = useT();
  const create = useCreateBusinessUnit();
  const rename = useRenameBusinessUnit();
  const form = useZodForm(businessUnitInput, { name: unit?.name ?? '' });
  const pending = create.isPending || rename.isPending;
  const submit = form.onSubmit(({ name }) => {
    const onSuccess = () => {
      notifySuccess(unit ? t('units.renamed', { name }) : t('units.created', { name }));
      onDone();
    };
    if (unit) rename.mutate({ id: unit.id, name }, { onSuccess, onError: form.showError });
    else create.mutate(name, { onSuccess, onError: form.showError });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ProblemAlert error={form.formError} />
        <TextInput
          label={t('field.name')}
          description={t('units.nameHint')}
          required
          data-autofocus
          {...form.textProps('name')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {unit ? t('common.save') : t('units.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
