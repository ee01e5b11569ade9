import { Button, FileButton, Paper, SegmentedControl, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import type { GridEntity } from '../../../../common/schemas/vocabulary.js';
import { isApiError } from '../../api/api-error.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { describeError, type ErrorText } from '../../forms/describe-error.js';
import type { MessageKey } from '../../i18n/en.js';
import { useT } from '../../i18n/i18n-context.js';
import { isMessageKey, type Translate } from '../../i18n/translate.js';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A refused file or mapping named in the user's language where the rule is known, else in the server's words. */
export function importProblem(t: Translate, error: unknown): ErrorText | null {
  if (!error) return null;
  const problems = isApiError(error) ? error.fieldErrors : [];
  if (problems.length === 0) return describeError(t, error);
  const first = problems[0]!;
  const key = first.field === 'file' ? `imports.file.${first.rule}` : `imports.rule.${first.rule}`;
  // With values (a row and column) the translation says it all; the server's English would repeat it.
  if (isMessageKey(key))
    return { title: t(key as MessageKey, first.params), detail: first.params ? undefined : first.message };
  return {
    title: describeError(t, error).title,
    detail: problems.map((p) => `${p.field.replace(/^(body|query)[./]/, '')}: ${p.message}`).join(' · '),
  };
}

type ButtonProps = { label: string; loading: boolean; onFile: (file: File) => void; variant?: string };

export function ImportFileButton({ label, loading, onFile, variant }: ButtonProps) {
  return (
    <FileButton accept={ACCEPT} onChange={(file) => file && onFile(file)}>
      {(props) => (
        <Button {...props} variant={variant} loading={loading} leftSection={<IconUpload size={16} />}>
          {label}
        </Button>
      )}
    </FileButton>
  );
}

type Props = {
  entity: GridEntity;
  entities: GridEntity[];
  onEntity: (entity: GridEntity) => void;
  loading: boolean;
  error: unknown;
  onFile: (file: File) => void;
};

export function UploadStep({ entity, entities, onEntity, loading, error, onFile }: Props) {
  const t = useT();
  return (
    <Stack gap="md">
      {entities.length > 1 && (
        <SegmentedControl
          aria-label={t('imports.entity')}
          value={entity}
          onChange={(value) => onEntity(value as GridEntity)}
          data={entities.map((e) => ({ value: e, label: t(`imports.entity.${e}`) }))}
          style={{ alignSelf: 'flex-start' }}
        />
      )}
      <Paper withBorder radius="md" p="xl">
        <Stack align="center" gap="sm" ta="center">
          <ThemeIcon size={48} radius="xl" variant="light">
            <IconFileSpreadsheet size={26} />
          </ThemeIcon>
          <Text fw={600}>{t('imports.uploadTitle')}</Text>
          <Text size="sm" c="dimmed" maw={520}>
            {t('imports.fileHint')}
          </Text>
          <ImportFileButton label={t('imports.chooseFile')} loading={loading} onFile={onFile} />
        </Stack>
      </Paper>
      <ProblemAlert error={importProblem(t, error)} />
    </Stack>
  );
}
