import { Alert, Button, Checkbox, Group, NativeSelect, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { IconAlertCircle, IconChecks } from '@tabler/icons-react';
import { DATE_FORMATS } from '../../../../common/schemas/imports.js';
import type { CustomField } from '../../api/use-classification.js';
import type { ImportMapping, ImportOptions, ImportOutput } from '../../api/use-imports.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { useT } from '../../i18n/i18n-context.js';
import { assignTarget, missingRequired, targetLabel, targetOptions } from './import-targets.js';
import { ImportFileButton, importProblem } from './upload-step.js';

const SKIP = '__skip__';

type Props = {
  upload: ImportOutput;
  fields: CustomField[];
  mapping: ImportMapping;
  options: ImportOptions;
  onMapping: (mapping: ImportMapping) => void;
  onOptions: (options: ImportOptions) => void;
  checking: boolean;
  uploading: boolean;
  error: unknown;
  onCheck: () => void;
  onFile: (file: File) => void;
};

export function MappingStep(props: Props) {
  const t = useT();
  const { upload, fields, mapping, onMapping, checking, error } = props;
  const missing = missingRequired(upload.entity, mapping);
  // "Do not import" is a choice of its own, not only what an empty field means.
  const data = [{ value: SKIP, label: t('imports.skip') }, ...targetOptions(t, upload.entity, fields)];
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('imports.fileInfo', {
          fileName: upload.fileName,
          rows: upload.rowCount,
          columns: upload.headers.length,
        })}
      </Text>
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={300} type="native">
          <Table horizontalSpacing="md" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="45%">{t('imports.column')}</Table.Th>
                <Table.Th>{t('imports.target')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {upload.headers.map((header) => (
                <Table.Tr key={header}>
                  <Table.Td>
                    <Text size="sm" fw={500} className="break-anywhere">
                      {header}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={`${t('imports.target')}: ${header}`}
                      placeholder={t('imports.skip')}
                      searchable
                      clearable
                      clearButtonProps={{ 'aria-label': t('common.clear') }}
                      data={data}
                      value={mapping[header] ?? null}
                      onChange={(target) => onMapping(assignTarget(mapping, header, target === SKIP ? null : target))}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <OptionsBox {...props} />
      {missing.length > 0 && (
        <Alert color="orange" variant="light" icon={<IconAlertCircle size={18} />}>
          {t('imports.requiredMissing', {
            fields: missing.map((target) => targetLabel(t, upload.entity, fields, target)).join(', '),
          })}
        </Alert>
      )}
      <ProblemAlert error={importProblem(t, error)} />
      <Group justify="space-between">
        <ImportFileButton
          variant="default"
          label={t('imports.uploadOther')}
          loading={props.uploading}
          onFile={props.onFile}
        />
        <Button
          leftSection={<IconChecks size={16} />}
          disabled={missing.length > 0}
          loading={checking}
          onClick={props.onCheck}
        >
          {t('imports.check')}
        </Button>
      </Group>
    </Stack>
  );
}

function OptionsBox({ upload, options, onOptions }: Props) {
  const t = useT();
  const set = <K extends keyof ImportOptions>(name: K, value: ImportOptions[K]) =>
    onOptions({ ...options, [name]: value });
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          {t('imports.options')}
        </Text>
        {upload.entity === 'contract' && (
          <>
            <Checkbox
              label={t('imports.createPartners')}
              checked={options.createPartners}
              onChange={(e) => set('createPartners', e.currentTarget.checked)}
            />
            <Checkbox
              label={t('imports.createCategories')}
              checked={options.createCategories}
              onChange={(e) => set('createCategories', e.currentTarget.checked)}
            />
            <Checkbox
              label={t('imports.applyDefaultReminders')}
              description={t('imports.applyDefaultRemindersHint')}
              checked={options.applyDefaultReminders}
              onChange={(e) => set('applyDefaultReminders', e.currentTarget.checked)}
            />
          </>
        )}
        <NativeSelect
          label={t('imports.dateFormat')}
          maw={360}
          value={options.dateFormat}
          data={DATE_FORMATS.map((f) => ({ value: f, label: t(`imports.dateFormat.${f}`) }))}
          onChange={(e) => set('dateFormat', e.currentTarget.value as ImportOptions['dateFormat'])}
        />
      </Stack>
    </Paper>
  );
}
