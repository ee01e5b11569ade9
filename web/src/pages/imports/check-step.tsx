import { Alert, Badge, Button, Group, Pagination, Paper, Stack, Table, Text, Title } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconCircleCheck,
  IconDatabaseImport,
  IconDownload,
} from '@tabler/icons-react';
import { useState } from 'react';
import type { CustomField } from '../../api/use-classification.js';
import type { ImportOutput, RowErrorItem } from '../../api/use-imports.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { useI18n, useT } from '../../i18n/i18n-context.js';
import { CommitMode, CommitPlan, IgnoredColumns } from './check-summary.js';
import { columnText, errorsCsv, type ImportInfo, rowReason, saveFile } from './row-reason.js';
import { ImportFileButton, importProblem } from './upload-step.js';

const PER_PAGE = 50;

type Props = {
  checked: ImportOutput;
  fields: CustomField[];
  ignoredConfirmed: boolean;
  onIgnoredConfirmed: (confirmed: boolean) => void;
  skipInvalid: boolean;
  onSkipInvalid: (skip: boolean) => void;
  uploading: boolean;
  committing: boolean;
  error: unknown;
  onFile: (file: File) => void;
  onBack: () => void;
  onCommit: () => void;
};

export function CheckStep(props: Props) {
  const { checked, fields, uploading, committing, error, onFile, onBack, onCommit } = props;
  const { t, fmt } = useI18n();
  const errorCount = checked.errorCount ?? 0;
  const summary = checked.summary;
  const info: ImportInfo = { entity: checked.entity, headers: checked.headers, fields };
  const skipping = props.skipInvalid && errorCount > 0;
  const needsConfirm = (summary?.ignoredColumns.length ?? 0) > 0 && !props.ignoredConfirmed;
  const validRows = summary?.validRows ?? (errorCount > 0 ? 0 : checked.rowCount);
  const blocked = (errorCount > 0 && !skipping) || validRows === 0 || needsConfirm;
  return (
    <Stack gap="md">
      <Group gap="sm">
        <Text size="sm" c="dimmed">
          {checked.fileName}
        </Text>
        <Badge variant="light" color="gray" tt="none">
          {t('imports.checked', { rows: fmt.number(checked.rowCount) })}
        </Badge>
        <Badge variant="light" color={errorCount > 0 ? 'red' : 'teal'} tt="none">
          {t('imports.errorCount', { count: fmt.number(errorCount) })}
        </Badge>
      </Group>
      {errorCount === 0 ? (
        <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />}>
          {t('imports.noErrors', { rows: fmt.number(checked.rowCount) })}
        </Alert>
      ) : (
        <>
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
            {t('imports.hasErrors')}
          </Alert>
          <ErrorsTable errors={checked.errors} info={info} fileName={checked.fileName} />
        </>
      )}
      {summary && (
        <>
          <IgnoredColumns summary={summary} confirmed={props.ignoredConfirmed} onConfirmed={props.onIgnoredConfirmed} />
          {checked.entity === 'contract' && <CommitPlan summary={summary} />}
          <CommitMode summary={summary} skip={props.skipInvalid} onSkip={props.onSkipInvalid} />
        </>
      )}
      <ProblemAlert error={importProblem(t, error)} />
      <Group justify="space-between">
        <Group gap="sm">
          <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={onBack}>
            {t('imports.editMapping')}
          </Button>
          <ImportFileButton
            variant={errorCount > 0 ? 'filled' : 'default'}
            label={t('imports.uploadFixed')}
            loading={uploading}
            onFile={onFile}
          />
        </Group>
        <Stack gap={4} align="flex-end" ml="auto">
          <Button
            leftSection={<IconDatabaseImport size={16} />}
            disabled={blocked}
            loading={committing}
            onClick={onCommit}
          >
            {skipping
              ? t('imports.commitValid', {
                  rows: fmt.number(validRows),
                  skipped: fmt.number(summary?.invalidRows ?? 0),
                })
              : t('imports.commit', { rows: fmt.number(checked.rowCount) })}
          </Button>
          <Text size="xs" c="dimmed">
            {skipping ? t('imports.commitValidHint') : t('imports.commitHint')}
          </Text>
        </Stack>
      </Group>
    </Stack>
  );
}

type TableProps = { errors: RowErrorItem[]; info: ImportInfo; fileName: string; title?: string; download?: string };

/** Every stored error, a page at a time, so a file with thousands of bad rows stays usable; downloadable as CSV. */
export function ErrorsTable({ errors, info, fileName, title, download }: TableProps) {
  const t = useT();
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(errors.length / PER_PAGE));
  const current = Math.min(page, pages);
  const shown = errors.slice((current - 1) * PER_PAGE, current * PER_PAGE);
  return (
    <Paper withBorder radius="md">
      <Group justify="space-between" px="md" pt="md" pb="xs" gap="xs">
        <Title order={4}>{title ?? t('imports.errorsTitle')}</Title>
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconDownload size={14} />}
          onClick={() =>
            saveFile(errorsCsv(t, info, errors), `${fileName.replace(/\.[^.]+$/, '')}-${t('imports.reportFile')}.csv`)
          }
        >
          {download ?? t('imports.downloadErrors')}
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={560} type="native">
        <Table horizontalSpacing="md" className="nowrap-head" aria-label={title ?? t('imports.errorsTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>{t('imports.error.row')}</Table.Th>
              <Table.Th>{t('imports.error.column')}</Table.Th>
              <Table.Th>{t('imports.error.value')}</Table.Th>
              <Table.Th>{t('imports.error.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((error, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: row errors have no id, and a checked list never changes
              <Table.Tr key={`${error.row}-${error.column}-${index}`}>
                <Table.Td>{error.row}</Table.Td>
                <Table.Td className="break-anywhere" miw={120}>
                  {columnText(t, info, error) ?? '—'}
                </Table.Td>
                <Table.Td className="break-anywhere" ff="monospace" miw={120}>
                  {error.value ?? '—'}
                </Table.Td>
                <Table.Td className="break-anywhere" miw={200}>
                  {rowReason(t, error)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 && (
        <Group justify="center" p="md">
          <Pagination total={pages} value={current} onChange={setPage} size="sm" aria-label={t('imports.errorsPage')} />
        </Group>
      )}
    </Paper>
  );
}
