import { and, asc, eq, inArray, isNull, lte } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { signingEnvelopes, signingRecipients } from '../../db/schema/index.js';
import type { EnvelopeRow } from './envelopes.repo.js';

/** Envelopes out for signing whose time ran out by `now`, not those whose signers are all done (sealing). */
export function dueToExpire(tx: Tx, orgId: string, now: Date, limit = 100): Promise<EnvelopeRow[]> {
  return tx
    .select()
    .from(signingEnvelopes)
    .where(
      and(
        eq(signingEnvelopes.orgId, orgId),
        eq(signingEnvelopes.status, 'in_progress'),
        lte(signingEnvelopes.expiresAt, now),
        isNull(signingEnvelopes.sealState),
      ),
    )
    .orderBy(asc(signingEnvelopes.expiresAt))
    .limit(limit)
    .for('update', { skipLocked: true });
}

/**
 * Envelopes out for signing with a recipient whose next reminder is due by `now`. The envelope's status is
 * in the same query: recipients of cancelled or declined envelopes keep their date and must not fill the page.
 */
export async function dueForReminders(tx: Tx, orgId: string, now: Date, limit = 100): Promise<EnvelopeRow[]> {
  const due = await tx
    .selectDistinct({ envelopeId: signingRecipients.envelopeId })
    .from(signingRecipients)
    .innerJoin(
      signingEnvelopes,
      and(eq(signingEnvelopes.orgId, signingRecipients.orgId), eq(signingEnvelopes.id, signingRecipients.envelopeId)),
    )
    .where(
      and(
        eq(signingRecipients.orgId, orgId),
        inArray(signingRecipients.status, ['sent', 'viewed']),
        lte(signingRecipients.nextReminderAt, now),
        eq(signingEnvelopes.status, 'in_progress'),
      ),
    )
    .limit(limit);
  if (due.length === 0) return [];
  return tx
    .select()
    .from(signingEnvelopes)
    .where(
      and(
        eq(signingEnvelopes.orgId, orgId),
        eq(signingEnvelopes.status, 'in_progress'),
        inArray(
          signingEnvelopes.id,
          due.map((d) => d.envelopeId),
        ),
      ),
    )
    .for('update', { skipLocked: true });
}
