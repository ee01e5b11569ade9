import { ActionIcon, Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useI18n } from '../../i18n/i18n-context.js';
import { uploadProblem } from './upload-problem.js';
import { isActive, type UploadItem, type Uploads } from './use-uploads.js';

const COLORS = { sending: 'blue', processing: 'blue', done: 'teal', failed: 'red', cancelled: 'gray' } as const;

/** One progress bar per file on its way, and what became of each: stored, refused (and why) or cancelled. */
export function UploadList({ uploads, place }: { uploads: Uploads; place: string }) {
  const { t } = useI18n();
  const items = uploads.items.filter((item) => item.place === place);
  if (items.length === 0) return null;
  const finished = items.some((item) => !isActive(item));
  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-label={t('documents.uploads')}>
      <Group justify="space-between" mb="xs">
        <Text fw={600} size="sm">
          {t('documents.uploads')}
        </Text>
        {finished && (
          <Button size="compact-sm" variant="subtle" color="gray" onClick={() => uploads.clearFinished(place)}>
            {t('documents.clearFinished')}
          </Button>
        )}
      </Group>
      <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {items.map((item) => (
          <UploadRow
            key={item.key}
            item={item}
            onCancel={() => uploads.cancel(item.key)}
            onDismiss={() => uploads.dismiss(item.key)}
          />
        ))}
      </Stack>
    </Paper>
  );
}

type RowProps = { item: UploadItem; onCancel: () => void; onDismiss: () => void };

function UploadRow({ item, onCancel, onDismiss }: RowProps) {
  const { t, fmt } = useI18n();
  const percent = item.size === 0 ? 100 : Math.round((item.sent / item.size) * 100);
  const value = item.status === 'done' ? 100 : Math.min(percent, 100);
  const status = {
    sending: t('documents.upload.sending', { percent: value }),
    processing: t('documents.upload.processing'),
    done: t('documents.upload.done'),
    failed: t('documents.upload.failed'),
    cancelled: t('documents.upload.cancelled'),
  }[item.status];
  const active = isActive(item);
  return (
    <li aria-label={item.fileName}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={500} truncate="end" title={item.fileName}>
            {item.versionOf ? t('documents.upload.versionOf', { name: item.versionOf }) : item.fileName}
          </Text>
          <Progress
            value={value}
            color={COLORS[item.status]}
            striped={item.status === 'processing'}
            animated={item.status === 'processing'}
            size="sm"
            aria-label={t('documents.upload.progress', { name: item.fileName })}
          />
          <Text size="xs" c={item.status === 'failed' ? 'red' : 'dimmed'}>
            {item.status === 'done' && <IconCheck size={12} style={{ verticalAlign: 'middle' }} />} {status} ·{' '}
            {fmt.bytes(item.size)}
          </Text>
          {item.status === 'failed' && (
            <Text size="sm" c="red" role="alert">
              {uploadProblem(t, item.error)}
            </Text>
          )}
        </Stack>
        {active ? (
          <Button
            size="compact-sm"
            variant="default"
            aria-label={t('documents.upload.cancel', { name: item.fileName })}
            onClick={onCancel}
          >
            {t('common.cancel')}
          </Button>
        ) : (
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={t('documents.upload.dismiss', { name: item.fileName })}
            onClick={onDismiss}
          >
            <IconX size={16} />
          </ActionIcon>
        )}
      </Group>
    </li>
  );
}
