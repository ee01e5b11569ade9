import {
  IconBrandDropbox,
  IconBrandGoogleDrive,
  IconBrandOffice,
  IconBrandOnedrive,
  IconFile,
  IconFileSpreadsheet,
  IconFileText,
  IconFileTypePdf,
  IconFileWord,
  IconFileZip,
  IconMail,
  IconPhoto,
  IconPresentation,
  IconWorld,
  type TablerIcon,
} from '@tabler/icons-react';
import type { LinkProvider } from '../../../../common/schemas/documents.js';

export type FileKind =
  | 'pdf'
  | 'word'
  | 'spreadsheet'
  | 'presentation'
  | 'image'
  | 'mail'
  | 'archive'
  | 'text'
  | 'other';

const WORD =
  /^application\/(msword|vnd\.openxmlformats-officedocument\.wordprocessingml|vnd\.oasis\.opendocument\.text)/;
const SHEET =
  /^(text\/csv|application\/(vnd\.ms-excel|vnd\.openxmlformats-officedocument\.spreadsheetml|vnd\.oasis\.opendocument\.spreadsheet))/;
const SLIDES =
  /^application\/(vnd\.ms-powerpoint|vnd\.openxmlformats-officedocument\.presentationml|vnd\.oasis\.opendocument\.presentation)/;

/** What kind of file a detected MIME type is, for its icon and its name in the list. */
export function fileKind(mimeType: string): FileKind {
  const type = mimeType.toLowerCase();
  if (type === 'application/pdf') return 'pdf';
  if (WORD.test(type)) return 'word';
  if (SHEET.test(type)) return 'spreadsheet';
  if (SLIDES.test(type)) return 'presentation';
  if (type.startsWith('image/')) return 'image';
  if (type === 'message/rfc822' || type === 'application/vnd.ms-outlook') return 'mail';
  if (type === 'application/zip') return 'archive';
  if (type.startsWith('text/')) return 'text';
  return 'other';
}

export const FILE_ICONS: Record<FileKind, TablerIcon> = {
  pdf: IconFileTypePdf,
  word: IconFileWord,
  spreadsheet: IconFileSpreadsheet,
  presentation: IconPresentation,
  image: IconPhoto,
  mail: IconMail,
  archive: IconFileZip,
  text: IconFileText,
  other: IconFile,
};

export const PROVIDER_ICONS: Record<LinkProvider, TablerIcon> = {
  dropbox: IconBrandDropbox,
  sharepoint: IconBrandOffice,
  onedrive: IconBrandOnedrive,
  google_drive: IconBrandGoogleDrive,
  web: IconWorld,
};
