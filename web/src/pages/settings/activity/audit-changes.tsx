import { Group, Spoiler, Stack, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import type { AuditEvent } from '../../../api/use-audit.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { changeRows } from './change-rows.js';

/** A value that appeared is shown alone; a changed one as before → after; a removed one struck through. */
function ChangeLine({ before, after }: { before: string | null; after: string | null }) {
  const { t } = useI18n();
  if (before === null) return <Value text={after ?? '—'} />;
  return (
    <Group gap={6} wrap="wrap" align="flex-start">
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
  const { t } = useI18n();
  const body = (
    <Text
      size="sm"
      c={removed ? 'red.8' : 'teal.9'}
      td={removed ? 'line-through' : undefined}
      className="break-anywhere"
      style={{ whiteSpace: 'pre-line' }}
    >
      {text}
    </Text>
  );
  // Long texts (a mail template, a description) fold instead of stretching the row.
  if (text.length < 240) return body;
  return (
    <Spoiler maxHeight={66} showLabel={t('contract.showMore')} hideLabel={t('contract.showLess')} fz="xs">
      {body}
    </Spoiler>
  );
}

export function AuditChanges({ event }: { event: AuditEvent }) {
  const { t, fmt, locale } = useI18n();
  const rows = changeRows({ t, fmt, locale, event }, event.changes);
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  return (
    <Stack gap={4}>
      {rows.map((row) => (
        <div key={row.key}>
          <Text size="xs" fw={600} c="dimmed">
            {row.label}
          </Text>
          <ChangeLine before={row.before} after={row.after} />
        </div>
      ))}
    </Stack>
  );
}
