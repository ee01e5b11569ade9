/** The largest upload when the operator sets no other limit: 100 MiB. */
export const MAX_UPLOAD_BYTES_DEFAULT = 100 * 1024 * 1024;

/** How the UI groups the types it lists (translated there). */
export type DocumentTypeGroup = 'pdf' | 'office' | 'opendocument' | 'image' | 'email' | 'text' | 'archive';

export interface AllowedDocumentType {
  mimeType: string;
  /** The canonical extension a file of this type gets, without the dot. */
  extension: string;
  /** Other extensions that name the same type. */
  aliases: readonly string[];
  label: string;
  group: DocumentTypeGroup;
}

const type = (
  mimeType: string,
  extension: string,
  label: string,
  group: DocumentTypeGroup,
  aliases: readonly string[] = [],
): AllowedDocumentType => ({ mimeType, extension, aliases, label, group });

/**
 * What may be uploaded, decided from the content (server/features/documents/file-policy.ts).
 * Macro-enabled Office files, templates, HTML, SVG, XML and executables are not on it.
 */
export const ALLOWED_DOCUMENT_TYPES: readonly AllowedDocumentType[] = [
  type('application/pdf', 'pdf', 'PDF', 'pdf'),
  type('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx', 'Word', 'office'),
  type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx', 'Excel', 'office'),
  type('application/vnd.openxmlformats-officedocument.presentationml.presentation', 'pptx', 'PowerPoint', 'office'),
  type('application/msword', 'doc', 'Word 97–2003', 'office'),
  type('application/vnd.ms-excel', 'xls', 'Excel 97–2003', 'office'),
  type('application/vnd.ms-powerpoint', 'ppt', 'PowerPoint 97–2003', 'office'),
  type('application/vnd.oasis.opendocument.text', 'odt', 'OpenDocument Text', 'opendocument'),
  type('application/vnd.oasis.opendocument.spreadsheet', 'ods', 'OpenDocument Spreadsheet', 'opendocument'),
  type('application/vnd.oasis.opendocument.presentation', 'odp', 'OpenDocument Presentation', 'opendocument'),
  type('image/png', 'png', 'PNG', 'image'),
  type('image/jpeg', 'jpg', 'JPEG', 'image', ['jpeg', 'jpe', 'jfif']),
  type('image/gif', 'gif', 'GIF', 'image'),
  type('image/webp', 'webp', 'WebP', 'image'),
  type('image/tiff', 'tif', 'TIFF', 'image', ['tiff']),
  // Phone photos of paper contracts; stored and downloadable, though browsers other than Safari cannot show them.
  type('image/heic', 'heic', 'HEIC', 'image', ['heif']),
  type('image/heif', 'heic', 'HEIF', 'image', ['heif']),
  type('message/rfc822', 'eml', 'E-mail (.eml)', 'email'),
  type('application/vnd.ms-outlook', 'msg', 'Outlook message (.msg)', 'email'),
  type('text/plain', 'txt', 'Text', 'text', ['text', 'log', 'md', 'tsv']),
  type('text/csv', 'csv', 'CSV', 'text'),
  type('application/zip', 'zip', 'ZIP', 'archive'),
];

/** For an `<input type="file" accept>`: every extension a person may pick. */
export const DOCUMENT_ACCEPT = [...new Set(ALLOWED_DOCUMENT_TYPES.flatMap((t) => [t.extension, ...t.aliases]))]
  .map((e) => `.${e}`)
  .join(',');
