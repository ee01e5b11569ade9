import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { Document } from '../../../common/schemas/documents.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { receive } from './documents.receive.js';
import { commitUpload, type MailOrigin, type UploadSlot } from './documents.service.js';
import { inspectUpload } from './file-policy.js';

/** Runs a service function in one transaction as the caller (inOrg for a request, runInOrg for the mail listener). */
export type RunInOrg = <T>(fn: (ctx: Ctx) => Promise<T>) => Promise<T>;

/**
 * Every way a file comes in (an upload, a mail attachment): streamed into its prepared slot, inspected,
 * and committed; whatever fails, no document, version or blob stays behind, and the plaintext
 * scratch copy is gone when this returns. A refused file is a validation_failed AppError naming `file`.
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
    const inspection = await inspectUpload({ file: received.file, size: received.size, name });
    if (!inspection.ok) throw AppError.invalid('file', inspection.rule, inspection.detail);
    const { file: _scratch, ...stored } = received;
    return await run((ctx) => commitUpload(ctx, slot, { ...stored, mimeType: inspection.mimeType, name }, mail));
  } catch (error) {
    await deps.blobs.delete(slot.blobName).catch(() => undefined);
    throw error;
  } finally {
    await rm(received.file, { force: true });
  }
}
