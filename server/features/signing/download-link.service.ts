import { randomUUID } from 'node:crypto';
import { type PublicCtx, transact } from '../../platform/context.js';
import { invalidLink } from '../../platform/links/signed-token.js';
import { recordWith } from '../audit/audit.service.js';
import { versionBytesById } from '../documents/documents.generated.js';
import * as repo from './envelopes.repo.js';
import { readSigningLink } from './links.js';

/** How long the link in the completion mail lets a recipient download the sealed document. */
export const DOWNLOAD_LINK_DAYS = 30;

/** When a recipient's download link of an envelope completed at `completedAt` stops working. */
export const downloadLinkExpiry = (completedAt: Date) =>
  new Date(completedAt.getTime() + DOWNLOAD_LINK_DAYS * 86_400_000);

/**
 * The sealed PDF behind a recipient's download link (purpose `download`): a stale link generation or an
 * envelope without a sealed version answers as a forged link; each download is evidence and logged.
 */
export function signedDocument(pub: PublicCtx, token: string): Promise<{ bytes: Buffer; name: string }> {
  const link = readSigningLink(pub.deps.config.secretKey, token, 'download', new Date());
  return transact(pub.deps, { orgId: link.orgId }, async (tx) => {
    const ctx = { tx, orgId: link.orgId, deps: pub.deps };
    const recipient = await repo.findRecipient(tx, link.orgId, link.recipientId);
    if (!recipient || recipient.linkGeneration !== link.generation) throw invalidLink();
    const envelope = await repo.find(tx, link.orgId, recipient.envelopeId);
    if (!envelope?.sealedVersionId || envelope.status !== 'completed') throw invalidLink();
    const bytes = await versionBytesById(ctx, envelope.documentId, envelope.sealedVersionId);
    await repo.addEvent(tx, {
      orgId: link.orgId,
      id: randomUUID(),
      envelopeId: envelope.id,
      recipientId: recipient.id,
      kind: 'downloaded',
      ip: pub.request.ip,
      userAgent: pub.request.userAgent,
      data: { via: 'link' },
    });
    await recordWith(
      { tx, orgId: link.orgId, actor: { type: 'anonymous', email: recipient.email }, request: pub.request },
      {
        action: 'document.downloaded',
        objectType: 'document',
        objectId: envelope.documentId,
        subject: { id: recipient.id, name: recipient.name, email: recipient.email },
        changes: { envelopeId: { before: null, after: envelope.id } },
      },
    );
    return { bytes, name: `${envelope.title} (signed).pdf` };
  });
}
