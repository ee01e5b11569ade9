import { Button, Group, Stack, TextInput } from '@mantine/core';
import { linkInput } from '../../../../common/schemas/documents.js';
import { useAddLink } from '../../api/use-documents.js';
import { AppModal } from '../../components/app-modal.js';
import { notifySuccess } from '../../components/notify.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { useZodForm } from '../../forms/use-zod-form.js';
import { useT } from '../../i18n/i18n-context.js';

type Props = { contractId: string; opened: boolean; onClose: () => void };

/** A link to a file in the customer's own storage (or any https page); the server recognises the provider. */
export function LinkModal({ contractId, opened, onClose }: Props) {
  const t = useT();
  return (
    <AppModal opened={opened} onClose={onClose} title={t('documents.addLinkTitle')} size="lg">
      {opened && <LinkForm contractId={contractId} onDone={onClose} />}
    </AppModal>
  );
}

function LinkForm({ contractId, onDone }: { contractId: string; onDone: () => void }) {
  const t = useT();
  const form = useZodForm(linkInput, { url: '', title: '' });
  const add = useAddLink(contractId);
  const submit = form.onSubmit((data) =>
    add.mutate(data, {
      onSuccess: (link) => {
        notifySuccess(
          t('documents.linkAdded', {
            name: link.name,
            provider: link.link ? t(`documents.provider.${link.link.provider}`) : '',
          }),
        );
        onDone();
      },
      onError: form.showError,
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ProblemAlert error={form.formError} />
        <TextInput
          label={t('documents.linkUrl')}
          description={t('documents.linkUrlHint')}
          placeholder="https://"
          type="url"
          required
          data-autofocus
          {...form.textProps('url')}
        />
        <TextInput label={t('documents.linkTitle')} required {...form.textProps('title')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('documents.addLink')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
