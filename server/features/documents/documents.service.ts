import { randomUUID } from 'node:crypto';
import { parseDocumentLink } from '../../../common/document-links.js';
import { DOCUMENT_NAME_MAX, type Document } from '../../../common/schemas/documents.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { wake } from '../../platform/jobs/wake.js';
import { abilitiesOf } from '../access/access.policy.js';
import { record } from '../audit/audit.service.js';
import { getVisible, requireWrite } from '../contracts/contracts.access.js';
import { namesByIds } from '../exports/grid-lookups.repo.js';
import { assertNotInSigning } from '../signing/in-signing.js';
import { documentUploaded } from '../webhooks/webhooks.events.js';
import {
  blobContext,
  blobName,
  documentContext,
  newRowKeys,
  openField,
  rowKey,
  sealField,
  versionContext,
  wrapRowKey,
} from './documents.keys.js';
import type { Received } from './documents.receive.js';
import * as repo from './documents.repo.js';
import { EXTRACT_TEXT_JOB } from './documents.text.jobs.js';

/** How long an unfinished upload's blob may stay before the purge removes it. */
const UPLOAD_GRACE_MS = 24 * 3_600_000;

// Path separators, control characters and the bidirectional overrides that make "exe.pdf" read as "fdp.exe".
const UNSAFE_NAME = /[/\\\p{Cc}\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;

/** A file's or link's name as given: trimmed; refused (never silently changed) when it is unsafe. */
export function checkName(raw: string, field = 'name'): string {
  const name = raw.trim();
  if (name.length === 0) throw AppError.invalid(field, 'too_small', 'must not be empty', { min: 1 });
  if (name.length > DOCUMENT_NAME_MAX) {
    throw AppError.invalid(field, 'too_big', `must be at most ${DOCUMENT_NAME_MAX} characters`, {
      max: DOCUMENT_NAME_MAX,
    });
  }
  if (UNSAFE_NAME.test(name)) {
    throw AppError.invalid(
      field,
      'name_characters',
      'must not contain slashes, control characters or text-direction overrides',
    );
  }
  return name;
}

/**
 * A name from outside (a mail attachment's) made safe to keep: what checkName refuses is replaced
 * or dropped, and a long name is shortened keeping its extension.
 */
export function cleanName(raw: string, fallback: string): string {
  const cleaned = raw.replace(new RegExp(UNSAFE_NAME.source, 'gu'), (c) => (c === '/' || c === '\\' ? '_' : '')).trim();
  if (cleaned.length === 0) return fallback;
  if (cleaned.length <= DOCUMENT_NAME_MAX) return cleaned;
  const extension = /\.[\p{L}\p{N}]{1,10}$/u.exec(cleaned)?.[0] ?? '';
  // Cut by UTF-16 units (what the limit counts), never through a surrogate pair.
  const head = cleaned.slice(0, DOCUMENT_NAME_MAX - extension.length).replace(/[\uD800-\uDBFF]$/, '');
  return `${head.trimEnd()}${extension}`;
}

/** Where a mailed document came from; the Message-ID's hash and the part number recognise a retried delivery. */
export interface MailOrigin {
  sender: string | null;
  subject: string | null;
  message: string | null;
  part: number;
}

export type Place = { contractId: string } | { inbox: true };

/** The inbox (its documents, its address) is for those who create contracts. */
export function requireInbox(ctx: Ctx): void {
  if (!abilitiesOf(ctx.actor).createContracts) {
    throw AppError.forbidden('Only people who create contracts may use the inbox.');
  }
}

/** Who may see and change a document: its contract's unit decides; the inbox is for those who create contracts. */
async function checkPlace(ctx: Ctx, place: Place, write: boolean): Promise<void> {
  if ('contractId' in place) {
    const contract = await getVisible(ctx, place.contractId);
    if (write) requireWrite(ctx, contract.businessUnitId);
  } else {
    requireInbox(ctx);
  }
}

const placeOf = (row: repo.DocumentRow): Place => (row.contractId ? { contractId: row.contractId } : { inbox: true });

/** A document the actor may see (and, with write, change); anything else is "not found" or forbidden. */
export async function reach(ctx: Ctx, id: string, opts: { write: boolean; lock?: boolean; deleted?: boolean }) {
  const row = await (opts.lock ? repo.lock : repo.find)(ctx.tx, ctx.orgId, id);
  if (!row) throw AppError.notFound('Document');
  try {
    await checkPlace(ctx, placeOf(row), false);
  } catch (error) {
    if (error instanceof AppError && error.code === 'forbidden') throw AppError.notFound('Document');
    throw error;
  }
  if (opts.write) await checkPlace(ctx, placeOf(row), true);
  if (row.deletedAt && !opts.deleted) throw AppError.notFound('Document');
  return row;
}

export async function present(ctx: Ctx, rows: repo.DocumentRow[]): Promise<Document[]> {
  const versions = await repo.versionsOf(
    ctx.tx,
    ctx.orgId,
    rows.map((r) => r.id),
  );
  const people = new Set<string>();
  for (const r of rows) if (r.createdBy) people.add(r.createdBy);
  for (const v of versions) if (v.uploadedBy) people.add(v.uploadedBy);
  const names = await namesByIds(ctx.tx, ctx.orgId, 'user', [...people]);
  const person = (id: string | null) => (id && names.has(id) ? { id, name: names.get(id)! } : null);
  const out: Document[] = [];
  for (const row of rows) {
    const context = documentContext(ctx.orgId, row.id);
    const key = await rowKey(ctx, row, context);
    out.push({
      id: row.id,
      kind: row.kind,
      name: openField(key, context, 'name', row.name),
      contractId: row.contractId,
      inInbox: row.inInbox,
      link: row.url && row.provider ? { url: openField(key, context, 'url', row.url), provider: row.provider } : null,
      versions: versions
        .filter((v) => v.documentId === row.id)
        .map((v) => ({
          number: v.number,
          size: v.size,
          sha256: v.sha256,
          mimeType: v.mimeType,
          uploadedBy: person(v.uploadedBy),
          createdAt: v.createdAt.toISOString(),
          textStatus: v.textStatus,
        })),
      source: {
        kind: row.source,
        sender: row.sourceSender ? openField(key, context, 'sender', row.sourceSender) : null,
        subject: row.sourceSubject ? openField(key, context, 'subject', row.sourceSubject) : null,
      },
      createdBy: person(row.createdBy),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      deletedAt: row.deletedAt?.toISOString() ?? null,
    });
  }
  return out;
}

export async function get(ctx: Ctx, id: string): Promise<Document> {
  const [doc] = await present(ctx, [await reach(ctx, id, { write: false, deleted: true })]);
  return doc!;
}

export async function listForContract(ctx: Ctx, contractId: string, deleted: boolean): Promise<Document[]> {
  await checkPlace(ctx, { contractId }, false);
  return present(ctx, await repo.listForContract(ctx.tx, ctx.orgId, contractId, deleted));
}

/** Where an upload goes, decided and keyed before a byte is read; its blob is filed for removal until it commits. */
export interface UploadSlot {
  place: Place;
  documentId: string;
  /** Set when the upload is a new version of this existing document. */
  existing: boolean;
  versionId: string;
  blobName: string;
  blobContext: string;
  /** The version's data key; wrapped only at commit, under the org key active then (a rotation may come between). */
  key: Buffer;
}

export async function prepareUpload(ctx: Ctx, target: { place: Place } | { documentId: string }): Promise<UploadSlot> {
  let place: Place;
  let documentId: string;
  if ('documentId' in target) {
    const row = await reach(ctx, target.documentId, { write: true });
    if (row.kind !== 'file') throw AppError.invalid('documentId', 'not_a_file', 'is a link, which has no versions');
    place = placeOf(row);
    documentId = row.id;
  } else {
    await checkPlace(ctx, target.place, true);
    place = target.place;
    documentId = randomUUID();
  }
  const versionId = randomUUID();
  // Made under the active org key, so an unusable one refuses the upload before a byte is read.
  const { key } = await newRowKeys(ctx, versionContext(ctx.orgId, versionId));
  const name = blobName(ctx.orgId, versionId);
  await repo.fileBlob(ctx.tx, ctx.orgId, name, new Date(Date.now() + UPLOAD_GRACE_MS));
  return {
    place,
    documentId,
    existing: 'documentId' in target,
    versionId,
    blobName: name,
    blobContext: blobContext(ctx.orgId, versionId),
    key,
  };
}

/** Makes a received, inspected upload visible: the document (or its next version) in one transaction. */
export async function commitUpload(
  ctx: Ctx,
  slot: UploadSlot,
  file: Omit<Received, 'file'> & { mimeType: string; name: string },
  mail?: MailOrigin,
): Promise<Document> {
  const name = checkName(file.name, 'file');
  let number = 1;
  if (slot.existing) {
    const row = await reach(ctx, slot.documentId, { write: true, lock: true });
    number = (row.currentVersion ?? 0) + 1;
    await repo.update(ctx.tx, ctx.orgId, row.id, { currentVersion: number });
  } else {
    await checkPlace(ctx, slot.place, true);
    const context = documentContext(ctx.orgId, slot.documentId);
    const keys = await newRowKeys(ctx, context);
    await repo.insertDocument(ctx.tx, {
      orgId: ctx.orgId,
      id: slot.documentId,
      kind: 'file',
      contractId: 'contractId' in slot.place ? slot.place.contractId : null,
      inInbox: !('contractId' in slot.place),
      dataKey: keys.wrapped,
      orgKeyVersion: keys.orgKeyVersion,
      name: sealField(keys.key, context, 'name', name),
      currentVersion: 1,
      createdBy: actorId(ctx),
      ...(mail && {
        source: 'email' as const,
        sourceSender: mail.sender === null ? null : sealField(keys.key, context, 'sender', mail.sender),
        sourceSubject: mail.subject === null ? null : sealField(keys.key, context, 'subject', mail.subject),
        sourceMessage: mail.message,
        sourcePart: mail.part,
      }),
    });
  }
  const versionKey = await wrapRowKey(ctx, slot.key, versionContext(ctx.orgId, slot.versionId));
  await repo.insertVersion(ctx.tx, {
    orgId: ctx.orgId,
    id: slot.versionId,
    documentId: slot.documentId,
    number,
    blobName: slot.blobName,
    size: file.size,
    sealedSize: file.sealedSize,
    sha256: file.sha256,
    mimeType: file.mimeType,
    dataKey: versionKey.wrapped,
    orgKeyVersion: versionKey.orgKeyVersion,
    uploadedBy: actorId(ctx),
  });
  if (!(await repo.unfileBlob(ctx.tx, ctx.orgId, slot.blobName))) {
    // The upload took longer than UPLOAD_GRACE_MS and the purge has taken its blob.
    throw AppError.because(
      'gone',
      'upload_expired',
      'The upload took too long and was discarded; upload the file again.',
    );
  }
  await wake(ctx, EXTRACT_TEXT_JOB);
  await record(ctx, {
    action: mail ? 'inbox.received' : slot.existing ? 'document.version_added' : 'document.uploaded',
    objectType: 'document',
    objectId: slot.documentId,
    changes: {
      version: { before: null, after: number },
      size: { before: null, after: file.size },
      sha256: { before: null, after: file.sha256 },
      ...('contractId' in slot.place ? { contractId: { before: null, after: slot.place.contractId } } : {}),
    },
  });
  if (!mail)
    await documentUploaded(ctx, {
      documentId: slot.documentId,
      versionId: slot.versionId,
      version: number,
      contractId: 'contractId' in slot.place ? slot.place.contractId : null,
      size: file.size,
      mimeType: file.mimeType,
    });
  return get(ctx, slot.documentId);
}

const actorId = (ctx: Ctx) => (ctx.actor.type === 'system' ? null : ctx.actor.id);

export async function rename(ctx: Ctx, id: string, rawName: string): Promise<Document> {
  const name = checkName(rawName);
  const row = await reach(ctx, id, { write: true, lock: true });
  const context = documentContext(ctx.orgId, row.id);
  const key = await rowKey(ctx, row, context);
  const before = openField(key, context, 'name', row.name);
  if (before !== name) {
    await repo.update(ctx.tx, ctx.orgId, id, { name: sealField(key, context, 'name', name) });
    // Names are customer content: the chain keeps that it changed, the personal part keeps the words.
    await record(ctx, {
      action: 'document.renamed',
      objectType: 'document',
      objectId: id,
      personalChanges: { name: { before, after: name } },
    });
  }
  return get(ctx, id);
}

export async function moveToBin(ctx: Ctx, id: string): Promise<void> {
  const row = await reach(ctx, id, { write: true, lock: true });
  await assertNotInSigning(ctx.tx, ctx.orgId, { documentId: id });
  await repo.update(ctx.tx, ctx.orgId, id, { deletedAt: new Date(), deletedBy: actorId(ctx) });
  await record(ctx, { action: 'document.deleted', objectType: 'document', objectId: row.id });
}

export async function restore(ctx: Ctx, id: string): Promise<Document> {
  const row = await reach(ctx, id, { write: true, lock: true, deleted: true });
  if (!row.deletedAt) return get(ctx, id);
  await repo.update(ctx.tx, ctx.orgId, id, { deletedAt: null, deletedBy: null });
  await record(ctx, { action: 'document.restored', objectType: 'document', objectId: row.id });
  return get(ctx, id);
}

export async function addLink(ctx: Ctx, contractId: string, input: { url: string; title: string }): Promise<Document> {
  const title = checkName(input.title, 'title');
  const link = parseDocumentLink(input.url);
  if (!link.ok) throw AppError.invalid('url', link.rule, 'must be an https:// address without user name or password');
  await checkPlace(ctx, { contractId }, true);
  const id = randomUUID();
  const context = documentContext(ctx.orgId, id);
  const keys = await newRowKeys(ctx, context);
  await repo.insertDocument(ctx.tx, {
    orgId: ctx.orgId,
    id,
    kind: 'link',
    contractId,
    dataKey: keys.wrapped,
    orgKeyVersion: keys.orgKeyVersion,
    name: sealField(keys.key, context, 'name', title),
    url: sealField(keys.key, context, 'url', link.url),
    provider: link.provider,
    createdBy: actorId(ctx),
  });
  await record(ctx, {
    action: 'document.linked',
    objectType: 'document',
    objectId: id,
    changes: { provider: { before: null, after: link.provider }, contractId: { before: null, after: contractId } },
  });
  return get(ctx, id);
}

/** What a download or preview streams, authorised and logged in the caller's transaction. */
export async function content(ctx: Ctx, id: string, opts: { version?: number; purpose: 'download' | 'preview' }) {
  const row = await reach(ctx, id, { write: false });
  if (row.kind !== 'file' || row.currentVersion === null) throw AppError.notFound('Document content');
  const number = opts.version ?? row.currentVersion;
  const version = await repo.version(ctx.tx, ctx.orgId, row.id, number);
  if (!version) throw AppError.invalid('version', 'unknown_version', 'is not a version of this document');
  const context = documentContext(ctx.orgId, row.id);
  const name = openField(await rowKey(ctx, row, context), context, 'name', row.name);
  const key = await rowKey(ctx, version, versionContext(ctx.orgId, version.id));
  await record(ctx, {
    action: opts.purpose === 'download' ? 'document.downloaded' : 'document.previewed',
    objectType: 'document',
    objectId: row.id,
    changes: { version: { before: null, after: number } },
  });
  return {
    name,
    mimeType: version.mimeType,
    sealed: {
      store: ctx.deps.blobs,
      blobName: version.blobName,
      key,
      context: blobContext(ctx.orgId, version.id),
      size: version.size,
      sealedSize: version.sealedSize,
    },
  };
}

/** A stored blob failed its check: the activity log and the system log say so; the caller answers with an error. */
export async function recordIntegrityFailure(ctx: Ctx, id: string, check: string): Promise<void> {
  ctx.deps.log.error({ documentId: id, orgId: ctx.orgId, check }, 'document failed its integrity check');
  await record(ctx, {
    action: 'document.integrity_failed',
    objectType: 'document',
    objectId: id,
    extra: { check },
  });
}
