import { Alert, Box, LoadingOverlay, Paper, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { MailPreview as Preview } from '../../../../../common/schemas/reminders.js';
import { isApiError } from '../../../api/api-error.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { describeError } from '../../../forms/describe-error.js';
import { useT } from '../../../i18n/i18n-context.js';

type Props = { preview: Preview | undefined; error: unknown; loading: boolean };

/** The rendered mail: its subject, and its HTML in a sandboxed frame that can run nothing. */
export function MailPreview({ preview, error, loading }: Props) {
  const t = useT();
  const blocked = isApiError(error, 'validation_failed');
  return (
    <Paper withBorder radius="lg" p={{ base: 'md', sm: 'lg' }}>
      <Stack gap="sm">
        <div>
          <Title order={3} fz="lg">
            {t('mailTemplates.preview')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('mailTemplates.previewHint')}
          </Text>
        </div>
        {blocked ? (
          <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} />}>
            {t('mailTemplates.previewBlocked')}
          </Alert>
        ) : error ? (
          <ProblemAlert error={describeError(t, error)} />
        ) : null}
        {preview && !blocked && (
          <Box pos="relative">
            <LoadingOverlay
              visible={loading}
              overlayProps={{ blur: 0, backgroundOpacity: 0.4 }}
              loaderProps={{ size: 'sm' }}
            />
            <Text size="sm" mb="xs">
              <Text span c="dimmed" size="sm">
                {t('mailTemplates.subject')}:{' '}
              </Text>
              <Text span fw={600} size="sm">
                {preview.subject}
              </Text>
            </Text>
            <iframe
              title={t('mailTemplates.previewFrame')}
              srcDoc={preview.html}
              sandbox=""
              style={{
                width: '100%',
                height: 560,
                border: '1px solid var(--mantine-color-default-border)',
                borderRadius: 'var(--mantine-radius-md)',
                background: '#f4f5f7',
                display: 'block',
              }}
            />
          </Box>
        )}
      </Stack>
    </Paper>
  );
}
