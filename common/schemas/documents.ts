import { z } from 'zod';
import { isoDateTime, page } from './common.js';

/** Where a linked file lives, recognised from its URL (common/document-links.ts). */
export const LINK_PROVIDERS = ['dropbox', 'sharepoint', 'onedrive', 'google_drive', 'web'] as const;
export type LinkProvider = (typeof LINK_PROVIDERS)[number];

/**
 * How far text extraction got for a version: queued, done, nothing to extract (or an
 * unsupported kind), OCR needed but not installed, or extraction failed / ran out of time.
 */
export const TEXT_STATUSES = ['pending', 'extracted', 'no_text', 'ocr_unavailable', 'failed'] as const;
export type TextStatus = (typeof TEXT_STATUSES)[number];

/** How a document arrived: uploaded (web app or API) or mailed to the org's inbox address. */
export const DOCUMENT_SOURCES = ['upload', 'email'] as const;
export type DocumentSource = (typeof DOCUMENT_SOURCES)[number];

export const DOCUMENT_NAME_MAX = 255;

/** A file's or link's title: trimmed, no path separators, controls or direction overrides. */
export const documentName = z.string().trim().min(1).max(DOCUMENT_NAME_MAX);

export const personRef = z.object({ id: z.uuid(), name: z.string() });

export const documentVersion = z.object({
  number: z.number().int().min(1),
  /** Plaintext size in bytes. */
  size: z.number().int().min(0),
  /** SHA-256 of the plaintext, hex. */
  sha256: z.string(),
  mimeType: z.string(),
  uploadedBy: personRef.nullable(),
  createdAt: isoDateTime,
  textStatus: z.enum(TEXT_STATUSES),
});
export type DocumentVersion = z.infer<typeof documentVersion>;

export const document = z.object({
  id: z.uuid(),
  kind: z.enum(['file', 'link']),
  name: z.string(),
  /** The contract it belongs to; null while it waits in the inbox. */
  contractId: z.uuid().nullable(),
  inInbox: z.boolean(),
  link: z.object({ url: z.string(), provider: z.enum(LINK_PROVIDERS) }).nullable(),
  /** Newest first; empty for a link. */
  versions: z.array(documentVersion),
  /** How it arrived; a mailed document names the mail's sender and subject (as the mail claims them). */
  source: z.object({
    kind: z.enum(DOCUMENT_SOURCES),
    sender: z.string().nullable(),
    subject: z.string().nullable(),
  }),
  createdBy: personRef.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  /** Set while it is in the recycle bin (purged 30 days later). */
  deletedAt: isoDateTime.nullable(),
});
export type Document = z.infer<typeof document>;

export const documentList = z.object({ items: z.array(document) });

export const documentPatch = z.object({ name: documentName });

export const linkInput = z.object({ url: z.string().min(1).max(2000), title: documentName });

export const contentQuery = z.object({
  version: z.coerce.number().int().min(1).optional(),
  /** inline: for the preview route's viewer; attachment (default): a download. */
  disposition: z.enum(['attachment', 'inline']).default('attachment'),
});

export const searchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/** A highlighted excerpt: text parts, every odd-indexed part is a match. */
export const snippet = z.object({ parts: z.array(z.string()), page: z.number().int().nullable() });

export const searchHit = z.object({
  kind: z.enum(['contract', 'document']),
  contractId: z.uuid().nullable(),
  documentId: z.uuid().nullable(),
  title: z.string(),
  snippets: z.array(snippet),
});
export const searchResult = z.object({ items: z.array(searchHit) });

export const inboxList = page(document);
