import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/client.js';
import { deliveries } from '../../db/schema/index.js';

export type ApprovalMailKind = 'approval_request' | 'approval_overdue' | 'approval_outcome';

export interface ApprovalMailRow {
  orgId: string;
  kind: ApprovalMailKind;
  /** The slot (request), the workflow (overdue, outcome). */
  subjectId: string;
  contractId: string;
  recipient: { id: string; email: string; locale: 'en' | 'de' };
  /** docs/design/signing-and-approvals.md §1 "Dedupe keys": a second queueing of the same mail is a no-op. */
  dedupeKey: string;
  now: Date;
}

/**
 * Queues one approval mail in the caller's transaction; the outbox (`mail.send`) composes it with
 * `approvals.mail.ts` and sends it exactly once. Answers whether a row was added.
 */
export async function queueApprovalMail(tx: Tx, m: ApprovalMailRow): Promise<boolean> {
  const rows = await tx
    .insert(deliveries)
    .values({
      orgId: m.orgId,
      id: randomUUID(),
      kind: m.kind,
      subjectId: m.subjectId,
      contractId: m.contractId,
      recipientUserId: m.recipient.id,
      recipientEmail: m.recipient.email,
      locale: m.recipient.locale,
      dedupeKey: m.dedupeKey,
      status: 'queued',
      nextAttemptAt: m.now,
    })
    .onConflictDoNothing({ target: [deliveries.orgId, deliveries.dedupeKey] })
    .returning({ id: deliveries.id });
  return rows.length > 0;
}
