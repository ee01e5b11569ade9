import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { signingEnvelopes } from '../../db/schema/index.js';
import { AppError } from '../../platform/errors.js';

/**
 * Refuses to bin a document, or a contract, that an envelope is out for signature on (it is still
 * `in_progress` until the sealed version is stored): the signers would sign a document that is gone.
 * The sender cancels the envelope first (design §2, `document_in_signing`).
 */
export async function assertNotInSigning(
  tx: Tx,
  orgId: string,
  on: { documentId: string } | { contractId: string },
): Promise<void> {
  const target =
    'documentId' in on
      ? eq(signingEnvelopes.documentId, on.documentId)
      : eq(signingEnvelopes.contractId, on.contractId);
  const [open] = await tx
    .select({ id: signingEnvelopes.id, title: signingEnvelopes.title })
    .from(signingEnvelopes)
    .where(and(eq(signingEnvelopes.orgId, orgId), eq(signingEnvelopes.status, 'in_progress'), target))
    .limit(1);
  if (open) {
    throw AppError.because(
      'conflict',
      'document_in_signing',
      `"${open.title}" is out for signature. Cancel the envelope first.`,
      { envelopeId: open.id, title: open.title },
    );
  }
}
