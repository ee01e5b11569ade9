import { Group, Stack, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import type { AuditEvent } from '../../../api/use-audit.js';
import { useT } from '../../../i18n/i18n-context.js';
import type { Translate } from '../../../i18n/translate.js';
import { changeFieldLabel } from './audit-labels.js';

function show(t: Translate, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

export function AuditChanges({ changes }: { changes: AuditEvent['changes'] }) {
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
          <Group gap={6} wrap="nowrap" align="flex-start">
            <Text size="sm" c="red.8" td="line-through" lineClamp={3} className="break-anywhere" maw={200}>
              {show(t, before)}
            </Text>
            <IconArrowRight size={14} style={{ flexShrink: 0, marginTop: 3 }} aria-label={t('activity.changedTo')} />
            <Text size="sm" c="teal.9" lineClamp={3} className="break-anywhere" maw={200}>
              {show(t, after)}
            </Text>
          </Group>
        </div>
      ))}
    </Stack>
  );
}
