import { Alert, Button, Code, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { CopyValueButton } from '../../../components/copy-value-button.js';
import { useT } from '../../../i18n/i18n-context.js';

function download(codes: string[]) {
  const url = URL.createObjectURL(new Blob([`${codes.join('\n')}\n`], { type: 'text/plain' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'deedbox-backup-codes.txt';
  link.click();
  URL.revokeObjectURL(url);
}

/**
 * Ten fresh backup codes, shown this once: to copy, download or write down; `intro` says what was
 * just set up, and "I have saved them" closes.
 */
export function BackupCodesView({ codes, intro, onSaved }: { codes: string[]; intro?: string; onSaved: () => void }) {
  const t = useT();
  return (
    <Stack>
      {intro && <Text>{intro}</Text>}
      <Alert color="yellow" title={t('security.backupShownOnce')}>
        {t('security.backupKeep')}
      </Alert>
      <SimpleGrid cols={2} spacing="xs" data-testid="backup-codes">
        {codes.map((code) => (
          <Code key={code} fz="md" ta="center">
            {code}
          </Code>
        ))}
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t('security.backupEachOnce')}
      </Text>
      <Group>
        <CopyValueButton value={codes.join('\n')} label={t('security.backupCopy')} />
        <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => download(codes)}>
          {t('security.backupDownload')}
        </Button>
      </Group>
      <Group justify="flex-end">
        <Button onClick={onSaved}>{t('security.backupSaved')}</Button>
      </Group>
    </Stack>
  );
}
