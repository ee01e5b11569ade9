import { ActionIcon, Anchor, Button, FileButton, Group, Menu, Paper, Stack, Text } from '@mantine/core';
import {
  IconDots,
  IconExternalLink,
  IconFileUpload,
  IconHistory,
  IconPencil,
  IconRestore,
  IconSignature,
  IconTrash,
} from '@tabler/icons-react';
import { useRef } from 'react';
import { Link } from 'react-router';
import type { Document } from '../../api/use-documents.js';
import { useI18n } from '../../i18n/i18n-context.js';
import type { Translate } from '../../i18n/translate.js';
import { DocumentIcon, DownloadAction, safeHref } from './document-icon.js';
import { fileKind } from './file-kinds.js';
import { TextStatusBadge } from './text-status.js';

/** How long a document stays in the recycle bin before it is purged (the server's rule). */
const BIN_DAYS = 30;
const DAY_MS = 86_400_000;

export type DocumentActions = {
  onNewVersion: (document: Document, file: File) => void;
  onRename: (document: Document) => void;
  onVersions: (document: Document) => void;
  onDelete: (document: Document) => void;
  onSendForSignature: (document: Document) => void;
};

type Props = { document: Document; canEdit: boolean; actions: DocumentActions };

/** One file or link of the contract: what it is, who added it when, and what can be done with it. */
export function DocumentRow({ document, canEdit, actions }: Props) {
  const { t, fmt } = useI18n();
  const current = document.versions[0];
  const href = document.link ? safeHref(document.link.url) : undefined;
  const meta = document.link
    ? [t(`documents.provider.${document.link.provider}`), hostOf(document.link.url)]
    : current
      ? [
          t(`documents.kind.${fileKind(current.mimeType)}`),
          fmt.bytes(current.size),
          t('documents.versionN', { number: current.number }),
          byLine(t, fmt.dateTime(current.createdAt), current.uploadedBy?.name),
        ]
      : [];
  return (
    <Paper withBorder radius="md" p="sm" component="li" aria-label={document.name}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <DocumentIcon document={document} />
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          {document.link ? (
            <Anchor href={href} target="_blank" rel="noopener noreferrer" fw={600} className="break-anywhere">
              {document.name} <IconExternalLink size={14} style={{ verticalAlign: 'text-top' }} aria-hidden />
            </Anchor>
          ) : (
            <Anchor component={Link} to={`/documents/${document.id}/preview`} fw={600} className="break-anywhere">
              {document.name}
            </Anchor>
          )}
          <Group gap={6} wrap="wrap">
            <Text size="xs" c="dimmed" className="break-anywhere">
              {meta.filter(Boolean).join(' · ')}
            </Text>
            {current && <TextStatusBadge status={current.textStatus} />}
          </Group>
        </Stack>
        <Group gap={4} wrap="nowrap">
          {current && (
            <DownloadAction
              id={document.id}
              version={current.number}
              label={t('documents.downloadNamed', { name: document.name })}
            />
          )}
          <RowMenu document={document} canEdit={canEdit} actions={actions} />
        </Group>
      </Group>
    </Paper>
  );
}

function RowMenu({ document, canEdit, actions }: Props) {
  const { t } = useI18n();
  const picker = useRef<HTMLInputElement>(null);
  const isFile = document.kind === 'file';
  if (!canEdit && !isFile) return null;
  return (
    <>
      {canEdit && isFile && (
        // Outside the menu: the menu closes (and would unmount it) before the file is chosen.
        <FileButton
          ref={picker}
          inputProps={{ 'aria-label': t('documents.newVersionOf', { name: document.name }) }}
          onChange={(file) => file && actions.onNewVersion(document, file)}
        >
          {() => null}
        </FileButton>
      )}
      <Menu position="bottom-end" shadow="md">
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={t('documents.actionsFor', { name: document.name })}>
            <IconDots size={18} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {isFile && (
            <Menu.Item leftSection={<IconHistory size={14} />} onClick={() => actions.onVersions(document)}>
              {t('documents.versions')}
            </Menu.Item>
          )}
          {canEdit && isFile && (
            <Menu.Item leftSection={<IconFileUpload size={14} />} onClick={() => picker.current?.click()}>
              {t('documents.newVersion')}
            </Menu.Item>
          )}
          {canEdit && isFile && document.versions[0]?.mimeType === 'application/pdf' && (
            <Menu.Item leftSection={<IconSignature size={14} />} onClick={() => actions.onSendForSignature(document)}>
              {t('signing.sendForSignature')}
            </Menu.Item>
          )}
          {canEdit && (
            <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => actions.onRename(document)}>
              {t('documents.rename')}
            </Menu.Item>
          )}
          {canEdit && (
            <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => actions.onDelete(document)}>
              {t('documents.delete')}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
    </>
  );
}

type BinProps = { document: Document; canRestore: boolean; restoring: boolean; onRestore: () => void };

/** A document in the recycle bin: when it was deleted, when it goes for good, and restore. */
export function BinRow({ document, canRestore, restoring, onRestore }: BinProps) {
  const { t, fmt } = useI18n();
  const deletedAt = document.deletedAt ?? document.updatedAt;
  const purgeOn = new Date(new Date(deletedAt).getTime() + BIN_DAYS * DAY_MS);
  return (
    <Paper withBorder radius="md" p="sm" component="li" aria-label={document.name}>
      <Group gap="sm" wrap="nowrap" align="center">
        <DocumentIcon document={document} />
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Text fw={600} size="sm" className="break-anywhere">
            {document.name}
          </Text>
          <Text size="xs" c="dimmed">
            {t('documents.deletedOn', { date: fmt.dateTime(deletedAt), purge: fmt.date(purgeOn) })}
          </Text>
        </Stack>
        {canRestore && (
          <Button
            size="compact-sm"
            variant="default"
            leftSection={<IconRestore size={14} />}
            loading={restoring}
            onClick={onRestore}
            aria-label={t('documents.restoreNamed', { name: document.name })}
          >
            {t('documents.restore')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

function byLine(t: Translate, when: string, who: string | undefined): string {
  return who ? t('documents.uploadedBy', { name: who, when }) : when;
}
