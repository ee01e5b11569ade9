import { Button, Group, Paper, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconLoader2, IconPlus, IconTrash } from '@tabler/icons-react';
import type { CSSProperties, PointerEvent } from 'react';
import { FIELD_TYPES, type FieldType } from '../../../../common/schemas/signing.js';
import { describeError } from '../../forms/describe-error.js';
import { useT } from '../../i18n/i18n-context.js';
import type { Signer } from './signer-colours.js';
import classes from './signing.module.css';
import type { SaveState } from './use-field-drafts.js';

type DragHandlers = Record<
  'onPointerDown' | 'onPointerMove' | 'onPointerUp' | 'onPointerCancel',
  (event: PointerEvent<HTMLElement>) => void
>;

type Props = {
  className?: string;
  signers: Signer[];
  signerId: string;
  onSigner: (id: string) => void;
  type: FieldType;
  onType: (type: FieldType) => void;
  dragHandlers: (type: FieldType) => DragHandlers;
  save: SaveState;
  onRetry: () => void;
  onAdd: () => void;
  onDelete?: () => void;
};

/** Who the next field is for, the field types to drag onto a page (or add with the button), and the save state. */
export function FieldPalette(props: Props) {
  const t = useT();
  const { signers, signerId, type } = props;
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      className={props.className}
      aria-label={t('signing.fields.palette')}
      component="aside"
    >
      <Stack gap="sm">
        <Radio.Group label={t('signing.fields.forSigner')} value={signerId} onChange={props.onSigner}>
          <Group gap="xs" mt={4}>
            {signers.map((s) => (
              <Radio
                key={s.id}
                value={s.id}
                style={{ '--signer': s.colour } as CSSProperties}
                label={
                  <Group gap={6} wrap="nowrap" component="span">
                    <span className={classes.swatch} />
                    {s.name}
                  </Group>
                }
              />
            ))}
          </Group>
        </Radio.Group>
        <div>
          <Text size="sm" fw={500} id="signing-field-types">
            {t('signing.fields.types')}
          </Text>
          <SimpleGrid cols={{ base: 3, sm: 1 }} spacing={4} mt={4} role="group" aria-labelledby="signing-field-types">
            {FIELD_TYPES.map((fieldType) => (
              <Button
                key={fieldType}
                size="compact-sm"
                variant={fieldType === type ? 'filled' : 'default'}
                aria-pressed={fieldType === type}
                className={classes.tool}
                onClick={() => props.onType(fieldType)}
                {...props.dragHandlers(fieldType)}
              >
                {t(`signing.type.${fieldType}`)}
              </Button>
            ))}
          </SimpleGrid>
        </div>
        <SimpleGrid cols={{ base: 2, sm: 1 }} spacing={4}>
          <Button size="compact-sm" leftSection={<IconPlus size={14} />} onClick={props.onAdd}>
            {t('signing.fields.add')}
          </Button>
          <Button
            size="compact-sm"
            variant="light"
            color="red"
            leftSection={<IconTrash size={14} />}
            disabled={!props.onDelete}
            onClick={props.onDelete}
          >
            {t('signing.fields.delete')}
          </Button>
        </SimpleGrid>
        <SaveStatus save={props.save} onRetry={props.onRetry} />
      </Stack>
    </Paper>
  );
}

function SaveStatus({ save, onRetry }: { save: SaveState; onRetry: () => void }) {
  const t = useT();
  if (save.state === 'error') {
    const text = describeError(t, save.error);
    return (
      <Group gap={6} role="alert" c="red.8" wrap="nowrap" align="flex-start">
        <IconAlertTriangle size={16} aria-hidden />
        <Text size="sm" style={{ flex: 1 }}>
          {t('signing.fields.saveFailed')} {text.detail ?? text.title}{' '}
          <Button variant="subtle" size="compact-xs" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        </Text>
      </Group>
    );
  }
  const saving = save.state === 'saving';
  return (
    <Group gap={6} role="status" c={saving ? 'dimmed' : 'green.8'} data-testid="save-state" data-state={save.state}>
      {saving ? <IconLoader2 size={16} aria-hidden /> : <IconCheck size={16} aria-hidden />}
      <Text size="sm">{saving ? t('signing.fields.saving') : t('signing.fields.saved')}</Text>
    </Group>
  );
}
