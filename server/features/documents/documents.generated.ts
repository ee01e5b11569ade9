import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { wake } from '../../platform/jobs/wake.js';
import type { KeyCtx } from '../../platform/mail/outbox.js';
import { record } from '../audit/audit.service.js';
import { openSealed, readAll } from './documents.content.js';
import {
  blobContext,
  blobName,
  documentContext,
  newRowKeys,
  openField,
  rowKey,
  versionContext,
  wrapRowKey,
} from './documents.keys.js';
import { type Received, receive } from './documents.receive.js';
import * as repo from './documents.repo.js';
import { reach } from './documents.service.js';
import { EXTRACT_TEXT_JOB } from './documents.text.jobs.js';

/** How long a generated blob may wait for its commit before the purge takes it. */
const GENERATED_GRACE_MS = 24 * 3_600_000;

export interface VersionBytes {
  documentId: string;
  contractId: string | null;
  name: string;
  versionId: string;
  number: number;
  mimeType: string;
  sha256: string;
  bytes: Buffer;
}

/**
 * A file version's plaintext in memory, for work on the whole file (signing): the caller may change
 * the document when `write` is set; larger than `maxBytes` is refused. The bytes are checked against
 * the SHA-256 recorded at upload, so a swapped or damaged blob is never signed.
 */
export async function readVersionBytes(
  ctx: Ctx,
  documentId: string,
  opts: { version?: number; write: boolean; maxBytes: number; field: string },
): Promise<VersionBytes> {
  const row = await reach(ctx, documentId, { write: opts.write });
  if (row.kind !== 'file' || row.currentVersion === null) {
    throw AppError.invalid(opts.field, 'not_a_file', 'is a link, not a file');
  }
  const number = opts.version ?? row.currentVersion;
  const version = await repo.version(ctx.tx, ctx.orgId, row.id, number);
  if (!version) throw AppError.invalid('version', 'unknown_version', 'is not a version of this document');
  if (version.size > opts.maxBytes) {
    throw AppError.invalid(opts.field, 'file_too_large', `must be at most ${opts.maxBytes} bytes`, {
      max: opts.maxBytes,
    });
  }
  const bytes = await versionPlaintext(ctx, version);
  const context = documentContext(ctx.orgId, row.id);
  return {
    documentId: row.id,
    contractId: row.contractId,
    name: openField(await rowKey(ctx, row, context), context, 'name', row.name),
    versionId: version.id,
    number,
    mimeType: version.mimeType,
    sha256: version.sha256,
    bytes,
  };
}

/** A version's plaintext, checked against the SHA-256 recorded at upload (a swapped or damaged blob is refused). */
export async function versionPlaintext(
  ctx: KeyCtx,
  version: Pick<repo.VersionRow, 'id' | 'blobName' | 'size' | 'sealedSize' | 'sha256' | 'dataKey' | 'orgKeyVersion'>,
): Promise<Buffer> {
  const bytes = await readAll(
    await openSealed({
      store: ctx.deps.blobs,
      blobName: version.blobName,
      key: await rowKey(ctx, version, versionContext(ctx.orgId, version.id)),
      context: blobContext(ctx.orgId, version.id),
      size: version.size,
      sealedSize: version.sealedSize,
    }),
  );
  if (createHash('sha256').update(bytes).digest('hex') !== version.sha256) {
    throw new AppError('integrity_failed', 'The stored file failed its integrity check.');
  }
  return bytes;
}

/** The bytes of one version of a document by its id, for work without a member (a signing link, the sealer). */
export async function versionBytesById(ctx: KeyCtx, documentId: string, versionId: string): Promise<Buffer> {
  const version = (await repo.versionsOf(ctx.tx, ctx.orgId, [documentId])).find((v) => v.id === versionId);
  if (!version) throw AppError.notFound('Document version');
  return versionPlaintext(ctx, version);
}

/** A generated file's place in the store, reserved before its bytes are written: filed for deletion until committed. */
export interface GeneratedSlot {
  versionId: string;
  blobName: string;
  key: Buffer;
}

/** Reserves a fresh version id and data key; commit this transaction before writing the blob. */
export async function reserveGeneratedBlob(ctx: KeyCtx): Promise<GeneratedSlot> {
  const versionId = randomUUID();
  const { key } = await newRowKeys(ctx, versionContext(ctx.orgId, versionId));
  const name = blobName(ctx.orgId, versionId);
  await repo.fileBlob(ctx.tx, ctx.orgId, name, new Date(Date.now() + GENERATED_GRACE_MS));
  return { versionId, blobName: name, key };
}

/** Seals the bytes into the reserved blob (outside a transaction). */
export function writeGeneratedBlob(ctx: Pick<KeyCtx, 'deps' | 'orgId'>, slot: GeneratedSlot, bytes: Buffer) {
  return receive(Readable.from([bytes]), {
    store: ctx.deps.blobs,
    blobName: slot.blobName,
    key: slot.key,
    context: blobContext(ctx.orgId, slot.versionId),
    maxBytes: bytes.length,
  });
}

/**
 * Makes a generated file (a sealed PDF) the document's next version, as an upload of a new version
 * would, in the caller's transaction: the blob is unfiled from deletion and the version logged.
 */
export async function commitGeneratedVersion(
  ctx: Ctx,
  input: { documentId: string; slot: GeneratedSlot; file: Received; mimeType: string },
): Promise<{ number: number }> {
  const row = await repo.lock(ctx.tx, ctx.orgId, input.documentId);
  if (row?.kind !== 'file') throw AppError.notFound('Document');
  const number = (row.currentVersion ?? 0) + 1;
  await repo.update(ctx.tx, ctx.orgId, row.id, { currentVersion: number });
  const versionKey = await wrapRowKey(ctx, input.slot.key, versionContext(ctx.orgId, input.slot.versionId));
  await repo.insertVersion(ctx.tx, {
    orgId: ctx.orgId,
    id: input.slot.versionId,
    documentId: row.id,
    number,
    blobName: input.slot.blobName,
    size: input.file.size,
    sealedSize: input.file.sealedSize,
    sha256: input.file.sha256,
    mimeType: input.mimeType,
    dataKey: versionKey.wrapped,
    orgKeyVersion: versionKey.orgKeyVersion,
    uploadedBy: null,
  });
  if (!(await repo.unfileBlob(ctx.tx, ctx.orgId, input.slot.blobName))) throw new Error('generated blob was purged');
  await wake(ctx, EXTRACT_TEXT_JOB);
  await record(ctx, {
    action: 'document.version_added',
    objectType: 'document',
    objectId: row.id,
    changes: { version: { before: null, after: number }, sha256: { before: null, after: input.file.sha256 } },
  });
  return { number };
}
