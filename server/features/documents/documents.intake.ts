import type { Readable } from 'node:stream';
import type { Document } from '../../../common/schemas/documents.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { sealedSource } from '../../platform/files/sealed-source.js';
import { receive } from './documents.receive.js';
import { commitUpload, type MailOrigin, type UploadSlot } from './documents.service.js';
import { inspectUpload } from './file-policy.js';

/** Runs a service function in one transaction as the caller (inOrg for a request, runInOrg for the mail listener). */
export type RunInOrg = <T>(fn: (ctx: Ctx) => Promise<T>) => Promise<T>;

/**
 * Every way a file comes in (an upload, a mail attachment): sealed into its prepared slot, inspected
 * by reading the sealed blob back (no plaintext copy is written), and committed; whatever fails, no
 * document, version or blob stays behind. A refused file is a validation_failed AppError naming `file`.
 */
export async function receiveFile(
  deps: Deps,
  run: RunInOrg,
  slot: UploadSlot,
  source: Readable,
  name: string,
  mail?: MailOrigin,
): Promise<Document> {
  const received = await receive(source, {
    store: deps.blobs,
    blobName: slot.blobName,
    key: slot.key,
    context: slot.blobContext,
    maxBytes: deps.config.uploadMaxBytes,
  });
  try {
    const source = await sealedSource({
      store: deps.blobs,
      blobName: slot.blobName,
      key: slot.key,
      context: slot.blobContext,
      size: received.size,
      sealedSize: received.sealedSize,
    });
    const inspection = await inspectUpload({ source, name });
    if (!inspection.ok) throw AppError.invalid('file', inspection.rule, inspection.detail);
    return await run((ctx) => commitUpload(ctx, slot, { ...received, mimeType: inspection.mimeType, name }, mail));
  } catch (error) {
    await deps.blobs.delete(slot.blobName).catch(() => undefined);
    throw error;
  }
}
