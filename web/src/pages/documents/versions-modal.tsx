import { ActionIcon, Badge, Code, CopyButton, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconEye } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Document, DocumentVersion } from '../../api/use-documents.js';
import { AppModal } from '../../components/app-modal.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { DownloadAction } from './document-icon.js';
import { TextStatusBadge } from './text-status.js';

type Props = { document: Document | null; onClose: () => void };

/** Every version of a file, newest first, each with its own download, preview and fingerprint. */
export function VersionsModal({ document, onClose }: Props) {
  const { t } = useI18n();
  return (
    <AppModal
      opened={document !== null}
      onClose={onClose}
      title={document ? t('documents.versionsOf', { name: document.name }) : ''}
      size="lg"
    >
      {document && (
        <Stack gap="sm" component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
          {document.versions.map((version, index) => (
            <VersionItem key={version.number} document={document} version={version} current={index === 0} />
          ))}
        </Stack>
      )}
    </AppModal>
  );
}

type ItemProps = { document: Document; version: DocumentVersion; current: boolean };

function VersionItem({ document, version, current }: ItemProps) {
  const { t, fmt } = useI18n();
  const label = t('documents.versionN', { number: version.number });
  const who = version.uploadedBy?.name ?? t('documents.someone');
  return (
    <Paper withBorder radius="md" p="sm" component="li" aria-label={label}>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={600} size="sm">
              {label}
            </Text>
            {current && (
              <Badge size="sm" variant="light">
                {t('documents.current')}
              </Badge>
            )}
            <TextStatusBadge status={version.textStatus} />
          </Group>
          <Text size="xs" c="dimmed">
            {who} · {fmt.dateTime(version.createdAt)} ·{' '}
            <span title={t('documents.exactSize', { bytes: fmt.number(version.size) })}>{fmt.bytes(version.size)}</span>
          </Text>
          <Sha256 value={version.sha256} />
        </Stack>
        <Group gap={4} wrap="nowrap">
          <ActionIcon
            component={Link}
            to={`/documents/${document.id}/preview?version=${version.number}`}
            variant="subtle"
            color="gray"
            aria-label={t('documents.previewVersion', { number: version.number })}
          >
            <IconEye size={18} />
          </ActionIcon>
          <DownloadAction
            id={document.id}
            version={version.number}
            label={t('documents.downloadVersion', { number: version.number })}
          />
        </Group>
      </Group>
    </Paper>
  );
}

/** The fingerprint shortened to what a person compares, the whole of it copied. */
function Sha256({ value }: { value: string }) {
  const { t } = useI18n();
  return (
    <Group gap={4} wrap="nowrap">
      <Text size="xs" c="dimmed">
        SHA-256
      </Text>
      <Code fz="xs" title={value}>
        {value.slice(0, 12)}…{value.slice(-4)}
      </Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('common.copied') : t('documents.copySha')} withArrow>
            <ActionIcon
              size="sm"
              variant="subtle"
              color={copied ? 'teal' : 'gray'}
              aria-label={t('documents.copySha')}
              onClick={copy}
            >
              {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
