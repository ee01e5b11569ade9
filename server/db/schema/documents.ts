import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  foreignKey,
  index,
  integer,
  pgSchema,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { DOCUMENT_SOURCES, LINK_PROVIDERS, TEXT_STATUSES } from '../../../common/schemas/documents.js';
import { bytea, ts, tsvector } from './columns.js';
import { contracts } from './contracts.js';
import { orgs } from './orgs.js';

/**
 * The key store, kept apart from the data (docs/security.md, "Key hierarchy"): its own schema, which
 * data backups leave out, so destroying an org's keys here makes every copy of its sealed data unreadable.
 * No foreign key reaches into it or out of it.
 */
export const keystore = pgSchema('keystore');

/** An org's keys, each wrapped under a master key version; the newest active one seals new data. */
export const orgKeys = keystore.table(
  'org_keys',
  {
    orgId: uuid('org_id').notNull(),
    version: integer('version').notNull(),
    /** The org key wrapped under the master key whose version its first bytes name (keyring.ts). */
    wrapped: bytea('wrapped').notNull(),
    masterVersion: integer('master_version').notNull(),
    state: text('state', { enum: ['active', 'retiring', 'retired'] })
      .notNull()
      .default('active'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.version] }), index('org_keys_master_idx').on(t.masterVersion)],
);

/** A file (with versions) or a link, on a contract or waiting in the inbox. Names and URLs are sealed. */
export const documents = pgTable(
  'documents',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    kind: text('kind', { enum: ['file', 'link'] }).notNull(),
    contractId: uuid('contract_id'),
    inInbox: boolean('in_inbox').notNull().default(false),
    /** The document's own data key (for its name and URL), wrapped under the org key version its first bytes name. */
    dataKey: bytea('data_key').notNull(),
    orgKeyVersion: integer('org_key_version').notNull(),
    /** The name, sealed under the data key (fields.ts). */
    name: bytea('name').notNull(),
    /** A link's URL, sealed; null for files. */
    url: bytea('url'),
    provider: text('provider', { enum: LINK_PROVIDERS }),
    /** The newest version's number; null for links. */
    currentVersion: integer('current_version'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    deletedAt: ts('deleted_at'),
    deletedBy: uuid('deleted_by'),
    /** How it arrived: uploaded (web or API) or mailed to the org's inbox address. */
    source: text('source', { enum: DOCUMENT_SOURCES }).notNull().default('upload'),
    /** A mailed document's From address and subject, sealed under the data key; not authenticated. */
    sourceSender: bytea('source_sender'),
    sourceSubject: bytea('source_subject'),
    /** SHA-256 of the mail's Message-ID and the attachment's position in it: a retried delivery is recognised. */
    sourceMessage: text('source_message'),
    sourcePart: integer('source_part'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('documents_id_key').on(t.id),
    uniqueIndex('documents_source_message_key')
      .on(t.orgId, t.sourceMessage, t.sourcePart)
      .where(sql`${t.sourceMessage} is not null`),
    foreignKey({ columns: [t.orgId, t.contractId], foreignColumns: [contracts.orgId, contracts.id] }).onDelete(
      'cascade',
    ),
    index('documents_contract_idx').on(t.orgId, t.contractId),
    index('documents_inbox_idx').on(t.orgId, t.createdAt).where(sql`${t.inInbox}`),
    index('documents_deleted_idx').on(t.deletedAt).where(sql`${t.deletedAt} is not null`),
    index('documents_org_key_idx').on(t.orgId, t.orgKeyVersion),
  ],
);

/** One uploaded file's bytes: sealed in the blob store under its own data key. */
export const documentVersions = pgTable(
  'document_versions',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    documentId: uuid('document_id').notNull(),
    number: integer('number').notNull(),
    /** Made from ids only (orgs/<org>/<version>); never user input. */
    blobName: text('blob_name').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sealedSize: bigint('sealed_size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    mimeType: text('mime_type').notNull(),
    /** The data key wrapped under the org key version its first bytes name. */
    dataKey: bytea('data_key').notNull(),
    orgKeyVersion: integer('org_key_version').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    textStatus: text('text_status', { enum: TEXT_STATUSES }).notNull().default('pending'),
    textAttempts: integer('text_attempts').notNull().default(0),
    textAfter: ts('text_after'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('document_versions_id_key').on(t.id),
    uniqueIndex('document_versions_number_key').on(t.orgId, t.documentId, t.number),
    foreignKey({ columns: [t.orgId, t.documentId], foreignColumns: [documents.orgId, documents.id] }).onDelete(
      'cascade',
    ),
    index('document_versions_org_key_idx').on(t.orgId, t.orgKeyVersion),
    index('document_versions_text_idx').on(t.textAfter).where(sql`${t.textStatus} = 'pending'`),
  ],
);

/**
 * A version's extracted text, one row per page (1-based; formats without pages have page 1): the
 * text sealed under the version's data key (field `text/<page>`), and beside it the search
 * document in clear — English and German stems, accents removed — which docs/security.md names
 * as the exception to "extracted text is sealed". Written by the text job (documents.text.jobs.ts).
 */
export const documentText = pgTable(
  'document_text',
  {
    orgId: uuid('org_id').notNull(),
    versionId: uuid('version_id').notNull(),
    page: integer('page').notNull(),
    /**
     * Who may find the page: its contract's business unit, or the org's id for the inbox. Set when
     * the text is stored and kept by triggers when a contract changes unit or a document changes
     * contract (migration 0024); a search narrows by it first and checks visibility row by row after.
     */
    scope: uuid('scope').notNull(),
    text: bytea('text').notNull(),
    /** to_tsvector('deedbox_en', text) || to_tsvector('deedbox_de', text) (migration 0024). */
    search: tsvector('search').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.versionId, t.page] }),
    foreignKey({
      columns: [t.orgId, t.versionId],
      foreignColumns: [documentVersions.orgId, documentVersions.id],
    }).onDelete('cascade'),
    // org_id and scope lead through btree_gin: one org's, one unit's matches without walking the rest.
    index('document_text_search_idx').using('gin', t.orgId, t.scope, t.search),
  ],
);

/**
 * The text of a contract's live documents (each document's current version), stripped of positions
 * and merged per contract: what the contract grid's search matches, so that it asks one index of one
 * row per contract instead of collecting every matching page. Kept by refresh_contract_text
 * (migration 0025) from triggers on document_text and documents; a contract whose text outgrows one
 * search document (PostgreSQL's 1 MB) has several parts.
 */
export const contractText = pgTable(
  'contract_text',
  {
    orgId: uuid('org_id').notNull(),
    contractId: uuid('contract_id').notNull(),
    part: integer('part').notNull(),
    search: tsvector('search').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.contractId, t.part] }),
    foreignKey({ columns: [t.orgId, t.contractId], foreignColumns: [contracts.orgId, contracts.id] }).onDelete(
      'cascade',
    ),
    index('contract_text_search_idx').using('gin', t.orgId, t.search),
  ],
);

/**
 * Blobs whose version rows are gone (deleted, purged, cascaded from a contract or an org): a trigger
 * files them here in the same transaction, and the purge job removes them from the store.
 */
export const blobDeletions = pgTable(
  'blob_deletions',
  {
    orgId: uuid('org_id').notNull(),
    blobName: text('blob_name').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    /** Not before: an upload files its blob here first (a day ahead) and takes it back when it commits. */
    purgeAfter: ts('purge_after').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.blobName] })],
);

/**
 * The org's secret inbox address (a capability, like an API key): found by the hash of its local part
 * (needs the `tokenHash` claim, as mail arrives before any org is known), shown from the sealed copy.
 */
export const inboxAddresses = pgTable(
  'inbox_addresses',
  {
    orgId: uuid('org_id')
      .primaryKey()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    dataKey: bytea('data_key').notNull(),
    orgKeyVersion: integer('org_key_version').notNull(),
    /** The local part, sealed under the data key. */
    localPart: bytea('local_part').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('inbox_addresses_token_key').on(t.tokenHash)],
);
