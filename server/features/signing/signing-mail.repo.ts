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
