import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { CopyValueButton } from '../../../components/copy-value-button.js';
import { useT } from '../../../i18n/i18n-context.js';

/** The secret exists only in this answer; the server keeps a hash. */
export function ApiKeyToken({ token, onDone }: { token: string; onDone: () => void }) {
  const t = useT();
  return (
    <Stack>
      <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title={t('apiKeys.onceTitle')}>
        {t('apiKeys.onceText')}
      </Alert>
      <Stack gap={6}>
        <Text size="sm" fw={500} id="api-key-token-label">
          {t('apiKeys.tokenLabel')}
        </Text>
        <Code
          block
          aria-labelledby="api-key-token-label"
          className="break-anywhere"
          fz="sm"
          p="md"
          style={{ whiteSpace: 'pre-wrap' }}
        >
          {token}
        </Code>
      </Stack>
      <Group justify="space-between">
        <CopyValueButton value={token} label={t('apiKeys.copy')} primary />
        <Button variant="default" onClick={onDone}>
          {t('apiKeys.done')}
        </Button>
      </Group>
    </Stack>
  );
}
