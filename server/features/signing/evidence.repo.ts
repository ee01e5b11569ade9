import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { signingEvents, signingRecipients } from '../../db/schema/index.js';
import { memberName } from '../users/users.repo.js';

export type EvidenceRow = {
  id: string;
  kind: (typeof signingEvents.$inferSelect)['kind'];
  at: Date;
  recipientId: string | null;
  recipientName: string | null;
  recipientEmail: string | null;
  actorName: string | null;
  ip: string | null;
  userAgent: string | null;
};

/** An envelope's evidence in order, with the recipient's name and address and the acting member's name. */
export function timelineOf(tx: Tx, orgId: string, envelopeId: string): Promise<EvidenceRow[]> {
  return tx
    .select({
      id: signingEvents.id,
      kind: signingEvents.kind,
      at: signingEvents.at,
      recipientId: signingEvents.recipientId,
      recipientName: signingRecipients.name,
      recipientEmail: signingRecipients.email,
      // Members' events keep who acted as `data.by` (envelopes.service noteEvent).
      actorName: memberName(orgId, sql`nullif(${signingEvents.data}->>'by', '')::uuid`),
      ip: signingEvents.ip,
      userAgent: signingEvents.userAgent,
    })
    .from(signingEvents)
    .leftJoin(
      signingRecipients,
      and(eq(signingRecipients.orgId, signingEvents.orgId), eq(signingRecipients.id, signingEvents.recipientId)),
    )
    .where(and(eq(signingEvents.orgId, orgId), eq(signingEvents.envelopeId, envelopeId)))
    .orderBy(asc(signingEvents.at), asc(signingEvents.id));
}
