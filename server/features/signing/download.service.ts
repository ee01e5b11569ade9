import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { record } from '../audit/audit.service.js';
import { versionBytesById } from '../documents/documents.generated.js';
import * as documentsRepo from '../documents/documents.repo.js';
import * as repo from './envelopes.repo.js';
import { reachEnvelope } from './envelopes.service.js';

/** The sealed PDF of a completed envelope (its certificate inside), for the document's readers; logged as a download. */
export async function download(ctx: Ctx, id: string): Promise<{ bytes: Buffer; name: string }> {
  const envelope = await reachEnvelope(ctx, id, { write: false });
  if (!envelope.sealedVersionId) throw AppError.notFound('Signed document');
  const bytes = await versionBytesById(ctx, envelope.documentId, envelope.sealedVersionId);
  const version = (await documentsRepo.versionsOf(ctx.tx, ctx.orgId, [envelope.documentId])).find(
    (v) => v.id === envelope.sealedVersionId,
  );
  await repo.addEvent(ctx.tx, {
    orgId: ctx.orgId,
    id: randomUUID(),
    envelopeId: id,
    kind: 'downloaded',
    ip: ctx.request.ip,
    userAgent: ctx.request.userAgent,
    data: ctx.actor.type === 'user' ? { by: ctx.actor.id } : {},
  });
  await record(ctx, {
    action: 'document.downloaded',
    objectType: 'document',
    objectId: envelope.documentId,
    changes: { version: { before: null, after: version?.number ?? null }, envelopeId: { before: null, after: id } },
  });
  return { bytes, name: `${envelope.title} (signed).pdf` };
}
