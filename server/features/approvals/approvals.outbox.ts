import type { Ctx } from '../../platform/context.js';
import { wake } from '../../platform/jobs/wake.js';
import { MAIL_SEND_JOB } from '../../platform/mail/mail.jobs.js';
import { enqueueMail } from '../../platform/mail/outbox.repo.js';

export type ApprovalMailKind = 'approval_request' | 'approval_overdue' | 'approval_outcome';
export const APPROVAL_MAIL_KINDS: readonly ApprovalMailKind[] = [
  'approval_request',
  'approval_overdue',
  'approval_outcome',
];

export interface ApprovalMailRow {
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
 * Queues one approval mail in the caller's transaction and wakes `mail.send`, which composes it with
 * `approvals.mail.ts` and sends it exactly once. Answers whether a row was added.
 */
export async function queueApprovalMail(ctx: Ctx, m: ApprovalMailRow): Promise<boolean> {
  const added = await enqueueMail(ctx.tx, {
    orgId: ctx.orgId,
    kind: m.kind,
    subjectId: m.subjectId,
    contractId: m.contractId,
    recipientUserId: m.recipient.id,
    recipientEmail: m.recipient.email,
    locale: m.recipient.locale,
    dedupeKey: m.dedupeKey,
    now: m.now,
  });
  if (added) await wake(ctx, MAIL_SEND_JOB);
  return added;
}
