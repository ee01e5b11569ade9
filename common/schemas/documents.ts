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

export const SEARCH_QUERY_MAX = 200;

export const searchQuery = z.object({
  q: z.string().trim().min(1).max(SEARCH_QUERY_MAX),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/**
 * A highlighted excerpt: parts alternate plain and matched text (parts[0] is plain, possibly
 * empty; every odd-indexed part is a match). page: 1-based, for PDFs, slides and images; null
 * for formats without pages and for contract fields.
 */
export const snippet = z.object({ parts: z.array(z.string()), page: z.number().int().min(1).nullable() });

export const searchHit = z.object({
  kind: z.enum(['contract', 'document']),
  /** The contract, or the one the document is on; null for a document in the inbox. */
  contractId: z.uuid().nullable(),
  contractTitle: z.string().nullable(),
  documentId: z.uuid().nullable(),
  /** The version whose text matched (the document's current one); null for a contract. */
  version: z.number().int().min(1).nullable(),
  /** The contract's title or the document's name. */
  title: z.string(),
  snippets: z.array(snippet),
});
export type SearchHit = z.infer<typeof searchHit>;
export const searchResult = z.object({ items: z.array(searchHit) });

export const previewQuery = z.object({ version: z.coerce.number().int().min(1).optional() });

/**
 * How the web app shows a version: pdf and image it draws from /content itself; html (Word,
 * sanitised) and text it puts in a sandboxed frame's srcdoc, never in its own page; none: no preview.
 */
export const PREVIEW_KINDS = ['pdf', 'image', 'html', 'text', 'none'] as const;
export const documentPreview = z.object({
  kind: z.enum(PREVIEW_KINDS),
  html: z.string().optional(),
  text: z.string().optional(),
  /** The text or HTML was cut at the preview's limit. */
  truncated: z.boolean().optional(),
});
export type DocumentPreview = z.infer<typeof documentPreview>;

export const inboxList = page(document);
