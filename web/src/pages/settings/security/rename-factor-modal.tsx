import { Button, Group, Stack, TextInput } from '@mantine/core';
import { type Factor, renameFactorInput } from '../../../../../common/schemas/factors.js';
import { useRenameFactor } from '../../../api/use-passkeys.js';
import { AppModal } from '../../../components/app-modal.js';
import { notifySuccess } from '../../../components/notify.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { useZodForm } from '../../../forms/use-zod-form.js';
import { useT } from '../../../i18n/i18n-context.js';

type Props = { factor: Factor | null; onClose: () => void };

/** A new name for a passkey (or an app), to tell several apart. */
export function RenameFactorModal({ factor, onClose }: Props) {
  const t = useT();
  return (
    <AppModal
      opened={factor !== null}
      onClose={onClose}
      title={t('security.renameTitle', { name: factor?.name ?? '' })}
    >
      {factor && <RenameForm key={factor.id} factor={factor} onClose={onClose} />}
    </AppModal>
  );
}

function RenameForm({ factor, onClose }: { factor: Factor; onClose: () => void }) {
  const t = useT();
  const rename = useRenameFactor();
  const form = useZodForm(renameFactorInput, { name: factor.name });
  const submit = form.onSubmit(({ name }) =>
    rename.mutate(
      { id: factor.id, name },
      {
        onSuccess: (renamed) => {
          notifySuccess(t('security.renamed', { name: renamed.name }));
          onClose();
        },
        onError: form.showError,
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ProblemAlert error={form.formError} />
        <TextInput label={t('security.passkeyName')} required data-autofocus {...form.textProps('name')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={rename.isPending}>
            {t('security.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
