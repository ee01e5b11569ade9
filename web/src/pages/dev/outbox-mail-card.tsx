import { Anchor, Box, Group, Stack, Text } from '@mantine/core';
import type { OutboxMail } from '../../api/schemas.js';
import { useI18n } from '../../i18n/i18n-context.js';

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/** Plain text with its links made clickable; React escapes the rest. */
function Linkified({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the split positions are the identity
          <Anchor key={index} href={part} className="break-anywhere" ff="inherit" fz="inherit">
            {part}
          </Anchor>
        ) : (
          part
        ),
      )}
    </>
  );
}

export function OutboxMailCard({ mail, first }: { mail: OutboxMail; first: boolean }) {
  const { t, fmt } = useI18n();
  return (
    <Box p="lg" style={first ? undefined : { borderTop: '1px solid var(--mantine-color-gray-3)' }}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Text fw={600} className="break-anywhere" style={{ flex: '1 1 300px' }}>
            {mail.subject}
          </Text>
          <Text size="xs" c="dimmed">
            {fmt.dateTime(mail.sentAt)}
          </Text>
        </Group>
        <Text size="sm" c="dimmed" className="break-anywhere">
          {t('outbox.to', { to: mail.to.join(', ') })}
        </Text>
        <Box className="mail-text" bg="gray.0" p="md" style={{ borderRadius: 'var(--mantine-radius-md)' }}>
          <Linkified text={mail.text} />
        </Box>
      </Stack>
    </Box>
  );
}
