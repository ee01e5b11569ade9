import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconMail, IconUpload } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Document } from '../../api/use-documents.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { DocumentIcon } from '../documents/document-icon.js';

/** One waiting document: what it is, how and when it came (uploaded by whom, or mailed by whom about what). */
export function InboxRow({ document }: { document: Document }) {
  const { t, fmt } = useI18n();
  const current = document.versions[0];
  const mailed = document.source.kind === 'email';
  const from = mailed
    ? document.source.sender
      ? t('inbox.mailedBy', { sender: document.source.sender })
      : t('inbox.mailed')
    : document.createdBy
      ? t('inbox.uploadedBy', { name: document.createdBy.name })
      : t('inbox.uploaded');
  const review = `/inbox/${document.id}`;
  return (
    <Paper withBorder radius="md" p="sm" component="li" aria-label={document.name}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <DocumentIcon document={document} />
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Anchor component={Link} to={review} fw={600} className="break-anywhere">
            {document.name}
          </Anchor>
          <Group gap={6} wrap="wrap">
            <Badge
              size="sm"
              variant="light"
              color={mailed ? 'indigo' : 'gray'}
              leftSection={mailed ? <IconMail size={12} /> : <IconUpload size={12} />}
              style={{ textTransform: 'none' }}
              className="break-anywhere"
              maw="100%"
            >
              {from}
            </Badge>
            <Text size="xs" c="dimmed">
              {[current ? fmt.bytes(current.size) : null, fmt.dateTime(document.createdAt)].filter(Boolean).join(' · ')}
            </Text>
          </Group>
          {mailed && (
            <Text size="xs" c="dimmed" className="break-anywhere" lineClamp={2}>
              {document.source.subject || t('inbox.noSubject')}
            </Text>
          )}
        </Stack>
        <Button
          component={Link}
          to={review}
          size="compact-sm"
          variant="light"
          aria-label={t('inbox.reviewNamed', { name: document.name })}
        >
          {t('inbox.review')}
        </Button>
      </Group>
    </Paper>
  );
}
