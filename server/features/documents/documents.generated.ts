import { createHash } from 'node:crypto';
import type { Ctx } from '../../platform/context.js';
import type { KeyCtx } from '../../platform/mail/outbox.js';
import { AppError } from '../../platform/errors.js';
import { openSealed, readAll } from './documents.content.js';
import { blobContext, documentContext, openField, rowKey, versionContext } from './documents.keys.js';
import * as repo from './documents.repo.js';
import { reach } from './documents.service.js';

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
