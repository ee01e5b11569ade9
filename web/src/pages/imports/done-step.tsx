import { Button, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { CustomField } from '../../api/use-classification.js';
import type { ImportOutput } from '../../api/use-imports.js';
import type { MessageKey } from '../../i18n/en.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { ErrorsTable } from './check-step.js';

/** The counts the commit answered, in the order a reader cares about them. */
const LINES: [string, MessageKey][] = [
  ['contracts', 'imports.doneContracts'],
  ['partners', 'imports.donePartners'],
  ['rowsSkipped', 'imports.doneSkipped'],
  ['partnersCreated', 'imports.donePartnersCreated'],
  ['categoriesCreated', 'imports.doneCategoriesCreated'],
  ['numbersGenerated', 'imports.doneNumbersGenerated'],
  ['remindersCreated', 'imports.doneReminders'],
];

type Props = { done: ImportOutput; fields: CustomField[]; onAgain: () => void };

export function DoneStep({ done, fields, onAgain }: Props) {
  const { t, fmt } = useI18n();
  const result = done.result ?? {};
  const lines = LINES.filter(([name]) => typeof result[name] === 'number').filter(
    ([name]) => name === 'contracts' || name === 'partners' || (result[name] as number) > 0,
  );
  const contracts = done.entity === 'contract';
  const skipped = (result.rowsSkipped as number | undefined) ?? 0;
  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="xl">
        <Stack align="center" gap="sm" ta="center">
          <ThemeIcon size={48} radius="xl" variant="light" color={skipped > 0 ? 'yellow' : 'teal'}>
            {skipped > 0 ? <IconAlertTriangle size={28} /> : <IconCircleCheck size={28} />}
          </ThemeIcon>
          <Title order={3}>{t('imports.doneTitle')}</Title>
          <Text size="sm" c="dimmed">
            {done.fileName}
          </Text>
          <List spacing={4} size="sm" listStyleType="none" data-testid="import-result">
            {lines.map(([name, key]) => (
              <List.Item key={name}>{t(key, { count: fmt.number(result[name] as number) })}</List.Item>
            ))}
          </List>
          <Group justify="center" mt="sm">
            <Button variant="default" onClick={onAgain}>
              {t('imports.again')}
            </Button>
            <Button component={Link} to={contracts ? '/contracts' : '/partners'}>
              {contracts ? t('imports.toContracts') : t('imports.toPartners')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      {skipped > 0 && (
        <ErrorsTable
          errors={done.errors}
          info={{ entity: done.entity, headers: done.headers, fields }}
          fileName={done.fileName}
          title={t('imports.doneSkipped', { count: fmt.number(skipped) })}
          download={t('imports.downloadReport')}
        />
      )}
    </Stack>
  );
}
