import { Group, Stack, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import type { AuditEvent } from '../../../api/use-audit.js';
import { useT } from '../../../i18n/i18n-context.js';
import { changeFieldLabel } from './audit-labels.js';
import { changeValue, type UnitNames } from './change-value.js';

const EMPTY = '—';
const isEmpty = (value: unknown) => value === null || value === undefined;

/** A value that appeared is shown alone; a changed one as before → after; a removed one struck through. */
function ChangeLine({ before, after }: { before: string; after: string | null }) {
  const t = useT();
  if (before === EMPTY) return <Value text={after ?? EMPTY} />;
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Value text={before} removed />
      {after !== null && (
        <>
          <IconArrowRight size={14} style={{ flexShrink: 0, marginTop: 3 }} aria-label={t('activity.changedTo')} />
          <Value text={after} />
        </>
      )}
    </Group>
  );
}

function Value({ text, removed }: { text: string; removed?: boolean }) {
  return (
    <Text
      size="sm"
      c={removed ? 'red.8' : 'teal.9'}
      td={removed ? 'line-through' : undefined}
      lineClamp={3}
      maw={220}
      style={{ overflowWrap: 'break-word' }}
    >
      {text}
    </Text>
  );
}

export function AuditChanges({ changes, units }: { changes: AuditEvent['changes']; units: UnitNames }) {
  const t = useT();
  const entries = Object.entries(changes);
  if (entries.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  return (
    <Stack gap={4}>
      {entries.map(([field, { before, after }]) => (
        <div key={field}>
          <Text size="xs" fw={600} c="dimmed">
            {changeFieldLabel(t, field)}
          </Text>
          <ChangeLine
            before={isEmpty(before) ? EMPTY : changeValue(t, field, before, units)}
            after={isEmpty(after) ? null : changeValue(t, field, after, units)}
          />
        </div>
      ))}
    </Stack>
  );
}
