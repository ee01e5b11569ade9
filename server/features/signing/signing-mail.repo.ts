import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { signingEnvelopes, signingRecipients, users } from '../../db/schema/index.js';

/** What a signing mail to a recipient talks about: the recipient, their envelope and its sender. */
export async function recipientFacts(tx: Tx, orgId: string, recipientIds: string[]) {
  if (recipientIds.length === 0) return [];
  return tx
    .select({
      recipientId: signingRecipients.id,
      name: signingRecipients.name,
      email: signingRecipients.email,
      role: signingRecipients.role,
      generation: signingRecipients.linkGeneration,
      codeSerial: signingRecipients.codeSerial,
      codeExpiresAt: signingRecipients.codeExpiresAt,
      envelopeId: signingEnvelopes.id,
      title: signingEnvelopes.title,
      message: signingEnvelopes.message,
      status: signingEnvelopes.status,
      expiresAt: signingEnvelopes.expiresAt,
      dataKey: signingEnvelopes.dataKey,
      orgKeyVersion: signingEnvelopes.orgKeyVersion,
      senderName: users.name,
    })
    .from(signingRecipients)
    .innerJoin(
      signingEnvelopes,
      and(eq(signingEnvelopes.orgId, signingRecipients.orgId), eq(signingEnvelopes.id, signingRecipients.envelopeId)),
    )
    .leftJoin(users, eq(users.id, signingEnvelopes.senderId))
    .where(and(eq(signingRecipients.orgId, orgId), inArray(signingRecipients.id, recipientIds)));
}
export type RecipientFacts = Awaited<ReturnType<typeof recipientFacts>>[number];

/** The member who sent an envelope: where the outcome goes. */
export async function senderOf(tx: Tx, senderId: string | null) {
  if (!senderId) return null;
  const [row] = await tx
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(eq(users.id, senderId));
  return row ?? null;
}

/** What an outcome or completion mail talks about: the envelope (subject_id), its sender and who ended it. */
export async function envelopeFacts(tx: Tx, orgId: string, envelopeIds: string[]) {
  if (envelopeIds.length === 0) return [];
  return tx
    .select({
      envelopeId: signingEnvelopes.id,
      title: signingEnvelopes.title,
      status: signingEnvelopes.status,
      documentId: signingEnvelopes.documentId,
      sealedVersionId: signingEnvelopes.sealedVersionId,
      sealState: signingEnvelopes.sealState,
      completedAt: signingEnvelopes.completedAt,
      senderName: users.name,
    })
    .from(signingEnvelopes)
    .leftJoin(users, eq(users.id, signingEnvelopes.senderId))
    .where(and(eq(signingEnvelopes.orgId, orgId), inArray(signingEnvelopes.id, envelopeIds)));
}
export type EnvelopeFacts = Awaited<ReturnType<typeof envelopeFacts>>[number];

/** The recipients of these envelopes by address: whose download link a completion mail carries. */
export function linkHolders(tx: Tx, orgId: string, envelopeIds: string[]) {
  if (envelopeIds.length === 0) return Promise.resolve([]);
  return tx
    .select({
      id: signingRecipients.id,
      envelopeId: signingRecipients.envelopeId,
      email: signingRecipients.email,
      generation: signingRecipients.linkGeneration,
    })
    .from(signingRecipients)
    .where(and(eq(signingRecipients.orgId, orgId), inArray(signingRecipients.envelopeId, envelopeIds)));
}
