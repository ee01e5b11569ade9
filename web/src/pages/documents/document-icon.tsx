import { ActionIcon, ThemeIcon } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { type Document, documentContentUrl } from '../../api/use-documents.js';
import { useT } from '../../i18n/i18n-context.js';
import { FILE_ICONS, fileKind, PROVIDER_ICONS } from './file-kinds.js';

/** What a document is at a glance: its file kind, or where a link points (Dropbox, SharePoint…). */
export function DocumentIcon({ document }: { document: Document }) {
  const t = useT();
  const kind = document.link ? null : fileKind(document.versions[0]?.mimeType ?? '');
  const Icon = document.link ? PROVIDER_ICONS[document.link.provider] : FILE_ICONS[kind ?? 'other'];
  const label = document.link
    ? t(`documents.provider.${document.link.provider}`)
    : t(`documents.kind.${kind ?? 'other'}`);
  return (
    <ThemeIcon size={36} radius="md" variant="light" color={document.link ? 'indigo' : 'gray'} title={label}>
      <Icon size={20} aria-hidden />
    </ThemeIcon>
  );
}

/** A link's address only when it is one the browser opens as a page (the server allows nothing else). */
export function safeHref(url: string): string | undefined {
  try {
    return new URL(url).protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** A download of one version: a plain link, so the browser saves it with the session cookie, no script involved. */
export function DownloadAction({ id, version, label }: { id: string; version: number; label: string }) {
  return (
    <ActionIcon
      component="a"
      href={documentContentUrl(id, version, 'attachment')}
      download
      variant="subtle"
      color="gray"
      aria-label={label}
    >
      <IconDownload size={18} />
    </ActionIcon>
  );
}
