import { Alert, Checkbox, List, Paper, Radio, Stack, Text } from '@mantine/core';
import { IconBell, IconColumnsOff, IconNumbers } from '@tabler/icons-react';
import type { ImportOutput } from '../../api/use-imports.js';
import { useI18n } from '../../i18n/i18n-context.js';

const LISTED_ROWS = 20;

type IgnoredProps = {
  summary: NonNullable<ImportOutput['summary']>;
  confirmed: boolean;
  onConfirmed: (confirmed: boolean) => void;
};

/** Every column left out, with what it holds, which the user must confirm before anything is saved. */
export function IgnoredColumns({ summary, confirmed, onConfirmed }: IgnoredProps) {
  const { t, fmt } = useI18n();
  if (summary.ignoredColumns.length === 0) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconColumnsOff size={18} />}
      title={t('imports.ignoredTitle')}
      data-testid="ignored-columns"
    >
      <Stack gap="xs">
        <Text size="sm">{t('imports.ignoredIntro')}</Text>
        <List size="sm" spacing={2}>
          {summary.ignoredColumns.map((c) => (
            <List.Item key={c.column} className="break-anywhere">
              {c.filled > 0
                ? t('imports.ignoredColumn', { column: c.column, filled: fmt.number(c.filled), sample: c.sample ?? '' })
                : t('imports.ignoredColumnEmpty', { column: c.column })}
            </List.Item>
          ))}
        </List>
        <Checkbox
          label={t('imports.ignoredConfirm')}
          checked={confirmed}
          onChange={(e) => onConfirmed(e.currentTarget.checked)}
        />
      </Stack>
    </Alert>
  );
}

/** What the commit will do besides saving rows: contract numbers and default reminders. */
export function CommitPlan({ summary }: { summary: NonNullable<ImportOutput['summary']> }) {
  const { t, fmt } = useI18n();
  const numbering = summary.numbering;
  const rows = numbering?.generatedRows.slice(0, LISTED_ROWS) ?? [];
  const more = numbering ? numbering.generated > rows.length : false;
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="xs">
        {numbering && (
          <Text size="sm" data-testid="numbering-plan">
            <IconNumbers size={16} style={{ verticalAlign: 'text-bottom', marginRight: 6 }} aria-hidden />
            {numbering.kept > 0 && `${t('imports.numberingKept', { count: fmt.number(numbering.kept) })} `}
            {numbering.generated > 0 &&
              t(more ? 'imports.numberingGeneratedMore' : 'imports.numberingGenerated', {
                count: fmt.number(numbering.generated),
                pattern: numbering.pattern,
                rows: rows.join(', '),
              })}
          </Text>
        )}
        <Text size="sm">
          <IconBell size={16} style={{ verticalAlign: 'text-bottom', marginRight: 6 }} aria-hidden />
          {summary.defaultReminders > 0
            ? t('imports.remindersPlanned', { count: fmt.number(summary.defaultReminders) })
            : t('imports.remindersOff')}
        </Text>
      </Stack>
    </Paper>
  );
}

type ModeProps = { summary: NonNullable<ImportOutput['summary']>; skip: boolean; onSkip: (skip: boolean) => void };

/** All or nothing, or the valid rows only: offered when some rows have errors and some do not. */
export function CommitMode({ summary, skip, onSkip }: ModeProps) {
  const { t, fmt } = useI18n();
  if (summary.invalidRows === 0 || summary.validRows === 0) return null;
  return (
    <Radio.Group label={t('imports.mode')} value={skip ? 'valid' : 'all'} onChange={(v) => onSkip(v === 'valid')}>
      <Stack gap="xs" mt="xs">
        <Radio value="all" label={t('imports.mode.all')} />
        <Radio
          value="valid"
          label={t('imports.mode.valid', {
            valid: fmt.number(summary.validRows),
            invalid: fmt.number(summary.invalidRows),
          })}
        />
      </Stack>
    </Radio.Group>
  );
}
