import type { Ctx } from '../../platform/context.js';
import { wake } from '../../platform/jobs/wake.js';
import { MAIL_SEND_JOB } from '../../platform/mail/mail.jobs.js';
import { enqueueMail } from '../../platform/mail/outbox.repo.js';
import * as repo from './envelopes.repo.js';
import { senderOf } from './signing-mail.repo.js';

type MailCtx = Pick<Ctx, 'tx' | 'deps' | 'orgId' | 'afterCommit'>;

/**
 * Tells the sender and every recipient who was mailed that the envelope ended (declined, cancelled,
 * expired): one `signing_outcome` each, about the envelope.
 */
export async function queueOutcome(ctx: MailCtx, envelope: repo.EnvelopeRow, now: Date): Promise<void> {
  const recipients = (await repo.recipientsOf(ctx.tx, ctx.orgId, envelope.id)).filter(
    (r) => r.sentAt !== null && r.status !== 'declined',
  );
  const sender = await senderOf(ctx.tx, envelope.senderId);
  const to = [
    ...recipients.map((r) => ({ key: r.id, email: r.email, locale: r.locale, userId: null })),
    ...(sender ? [{ key: sender.id, email: sender.email, locale: sender.locale, userId: sender.id }] : []),
  ];
  for (const t of to) {
    await enqueueMail(ctx.tx, {
      orgId: ctx.orgId,
      kind: 'signing_outcome',
      subjectId: envelope.id,
      contractId: envelope.contractId,
      recipientUserId: t.userId,
      recipientEmail: t.email,
      locale: t.locale,
      dedupeKey: `signing_outcome:${envelope.id}:${t.key}`,
      now,
    });
  }
  if (to.length > 0) await wake(ctx, MAIL_SEND_JOB);
}

/** Tells the sender that sealing failed for good: one `signing_outcome` per failure (a reseal may fail again). */
export async function queueSealFailed(ctx: MailCtx, envelope: repo.EnvelopeRow, now: Date): Promise<void> {
  const sender = await senderOf(ctx.tx, envelope.senderId);
  if (!sender) return;
  await enqueueMail(ctx.tx, {
    orgId: ctx.orgId,
    kind: 'signing_outcome',
    subjectId: envelope.id,
    contractId: envelope.contractId,
    recipientUserId: sender.id,
    recipientEmail: sender.email,
    locale: sender.locale,
    dedupeKey: `signing_outcome:${envelope.id}:seal_failed:${now.getTime()}`,
    now,
  });
  await wake(ctx, MAIL_SEND_JOB);
}
