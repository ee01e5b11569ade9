import { Alert, Badge, Button, Group, Pagination, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconCircleCheck, IconDatabaseImport } from '@tabler/icons-react';
import { useState } from 'react';
import type { ImportOutput, RowErrorItem } from '../../api/use-imports.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { useI18n, useT } from '../../i18n/i18n-context.js';
import { importReason } from './import-reasons.js';
import { ImportFileButton, importProblem } from './upload-step.js';

const PER_PAGE = 50;

type Props = {
  checked: ImportOutput;
  uploading: boolean;
  committing: boolean;
  error: unknown;
  onFile: (file: File) => void;
  onBack: () => void;
  onCommit: () => void;
};

export function CheckStep({ checked, uploading, committing, error, onFile, onBack, onCommit }: Props) {
  const { t, fmt } = useI18n();
  const errorCount = checked.errorCount ?? 0;
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
          <ErrorsTable errors={checked.errors} />
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
            disabled={errorCount > 0}
            loading={committing}
            onClick={onCommit}
          >
            {t('imports.commit', { rows: fmt.number(checked.rowCount) })}
          </Button>
          <Text size="xs" c="dimmed">
            {t('imports.commitHint')}
          </Text>
        </Stack>
      </Group>
    </Stack>
  );
}

/** Every stored error, a page at a time, so a file with thousands of bad rows stays usable. */
function ErrorsTable({ errors }: { errors: RowErrorItem[] }) {
  const t = useT();
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(errors.length / PER_PAGE));
  const current = Math.min(page, pages);
  const shown = errors.slice((current - 1) * PER_PAGE, current * PER_PAGE);
  return (
    <Paper withBorder radius="md">
      <Title order={4} px="md" pt="md" pb="xs">
        {t('imports.errorsTitle')}
      </Title>
      <Table.ScrollContainer minWidth={560} type="native">
        <Table horizontalSpacing="md" className="nowrap-head" aria-label={t('imports.errorsTitle')}>
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
                  {error.column ?? '—'}
                </Table.Td>
                <Table.Td className="break-anywhere" ff="monospace" miw={120}>
                  {error.value ?? '—'}
                </Table.Td>
                <Table.Td className="break-anywhere" miw={200}>
                  {importReason(t, error.reason)}
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
