import { ActionIcon, Button, Checkbox, Group, Menu, Stack, Text, TextInput } from '@mantine/core';
import { IconBookmark, IconChevronDown, IconTrash, IconUsers } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import type { ViewDefinition } from '../../../../common/schemas/grids.js';
import type { GridEntity } from '../../../../common/schemas/vocabulary.js';
import { type SavedView, useCreateSavedView, useDeleteSavedView, useSavedViews } from '../../api/use-saved-views.js';
import { describeError } from '../../forms/describe-error.js';
import { ownSubmit } from '../../forms/own-submit.js';
import { useT } from '../../i18n/i18n-context.js';
import { AppModal } from '../app-modal.js';
import { notifyError, notifySuccess } from '../notify.js';
import { ProblemAlert } from '../problem-alert.js';

type Props = { entity: GridEntity; current: ViewDefinition; onApply: (definition: ViewDefinition) => void };

/** Personal and shared views of a grid: filters, sort and columns under a name. */
export function SavedViewsMenu({ entity, current, onApply }: Props) {
  const t = useT();
  const views = useSavedViews(entity);
  const remove = useDeleteSavedView();
  const [saving, setSaving] = useState(false);
  const drop = (view: SavedView) =>
    remove.mutate(view.id, {
      onSuccess: () => notifySuccess(t('views.deleted', { name: view.name })),
      onError: (error) => notifyError(t, error),
    });
  return (
    <>
      <Menu position="bottom-end" shadow="md" width={280}>
        <Menu.Target>
          <Button
            variant="default"
            leftSection={<IconBookmark size={16} />}
            rightSection={<IconChevronDown size={14} />}
          >
            {t('views.title')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {(views.data ?? []).length === 0 && (
            <Text size="sm" c="dimmed" px="sm" py={6}>
              {t('views.none')}
            </Text>
          )}
          {(views.data ?? []).map((view) => (
            <Group key={view.id} gap={4} wrap="nowrap">
              <Menu.Item
                onClick={() => onApply(view.definition)}
                leftSection={view.shared ? <IconUsers size={14} aria-label={t('views.shared')} /> : undefined}
                style={{ flex: 1 }}
              >
                {view.name}
              </Menu.Item>
              {view.abilities.delete && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('views.deleteNamed', { name: view.name })}
                  onClick={() => drop(view)}
                >
                  <IconTrash size={14} />
                </ActionIcon>
              )}
            </Group>
          ))}
          <Menu.Divider />
          <Menu.Item onClick={() => setSaving(true)}>{t('views.saveCurrent')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <AppModal opened={saving} onClose={() => setSaving(false)} title={t('views.saveTitle')}>
        {saving && <SaveViewForm entity={entity} definition={current} onDone={() => setSaving(false)} />}
      </AppModal>
    </>
  );
}

type FormProps = { entity: GridEntity; definition: ViewDefinition; onDone: () => void };

function SaveViewForm({ entity, definition, onDone }: FormProps) {
  const t = useT();
  const create = useCreateSavedView();
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    create.mutate(
      { entity, name: name.trim(), shared, definition },
      {
        onSuccess: (view) => {
          notifySuccess(t('views.saved', { name: view.name }));
          onDone();
        },
      },
    );
  };
  return (
    <form onSubmit={ownSubmit(submit)} noValidate>
      <Stack>
        {create.error && <ProblemAlert error={describeError(t, create.error)} />}
        <TextInput
          label={t('field.name')}
          required
          data-autofocus
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <Checkbox
          label={t('views.shareWithAll')}
          checked={shared}
          onChange={(e) => setShared(e.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
            {t('views.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
