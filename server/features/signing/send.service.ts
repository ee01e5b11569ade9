import type { Envelope } from '../../../common/schemas/signing.js';
import type { Ctx } from '../../platform/context.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { wake } from '../../platform/jobs/wake.js';
import { MAIL_SEND_JOB } from '../../platform/mail/mail.jobs.js';
import { enqueueMail } from '../../platform/mail/outbox.repo.js';
import { rowKey, sealField } from '../documents/documents.keys.js';
import * as repo from './envelopes.repo.js';
import * as envelopes from './envelopes.service.js';
import { queueOutcome } from './outcome.js';
import { envelopeContext } from './signing.keys.js';

const DAY_MS = 86_400_000;
const isDone = (r: repo.RecipientRow) => r.status === 'signed' || r.status === 'approved';

/**
 * The signers and approvers whose turn it is and who are not done: everyone when the envelope has no
 * signing order, else those of the lowest position someone has still to sign at (equal positions side by side).
 */
export function currentTurn(envelope: repo.EnvelopeRow, recipients: repo.RecipientRow[]): repo.RecipientRow[] {
  const open = recipients.filter((r) => r.role !== 'cc' && !isDone(r));
  if (!envelope.signingOrder || open.length === 0) return open;
  const first = Math.min(...open.map((r) => r.position));
  return open.filter((r) => r.position === first);
}

/** Queues each recipient's request to sign (their `sendNo`th for this link generation) and marks them sent. */
export async function requestSignatures(
  ctx: Pick<Ctx, 'tx' | 'deps' | 'orgId' | 'afterCommit'>,
  envelope: repo.EnvelopeRow,
  recipients: repo.RecipientRow[],
  now: Date,
  sendNo = 1,
): Promise<void> {
  for (const r of recipients) {
    await enqueueMail(ctx.tx, {
      orgId: ctx.orgId,
      kind: 'signing_request',
      subjectId: r.id,
      contractId: envelope.contractId,
      recipientEmail: r.email,
      locale: r.locale,
      dedupeKey: `signing_request:${r.id}:${r.linkGeneration}:${sendNo}`,
      now,
    });
    const firstMail = r.status === 'pending';
    await repo.updateRecipient(ctx.tx, ctx.orgId, r.id, {
      sentAt: now,
      ...(firstMail && { status: 'sent' as const }),
      ...(firstMail &&
        envelope.reminderEveryDays && {
          nextReminderAt: new Date(now.getTime() + envelope.reminderEveryDays * DAY_MS),
        }),
    });
  }
  if (recipients.length > 0) await wake(ctx, MAIL_SEND_JOB);
}

/** What stops a draft from being sent: no signer, or a signer without a signature field. */
function readinessProblems(recipients: repo.RecipientRow[], fields: repo.FieldRow[]): FieldError[] {
  const signers = recipients.filter((r) => r.role === 'signer');
  if (signers.length === 0) {
    return [{ field: 'recipients', rule: 'signer_required', message: 'must include at least one signer' }];
  }
  return signers
    .filter((s) => !fields.some((f) => f.recipientId === s.id && f.type === 'signature'))
    .map((s) => ({
      field: 'fields',
      rule: 'signature_field_required',
      message: `must include a signature field for ${s.email}`,
      params: { email: s.email },
    }));
}

/** Sends a draft: it is in progress from now until it expires; whoever's turn it is gets their link. */
export async function send(ctx: Ctx, id: string): Promise<Envelope> {
  const row = await envelopes.reachEnvelope(ctx, id, { write: true, lock: true });
  envelopes.requireDraft(row);
  if (ctx.deps.config.signing.kind === 'none') {
    throw AppError.because(
      'conflict',
      'signing_unconfigured',
      'This installation has no signing certificate (SIGNING_P12_FILE), so nothing can be sent for signature.',
    );
  }
  const recipients = await repo.recipientsOf(ctx.tx, ctx.orgId, id);
  const [first, ...more] = readinessProblems(recipients, await repo.fieldsOf(ctx.tx, ctx.orgId, id));
  if (first) throw AppError.invalidAll([first, ...more]);
  const now = new Date();
  const expiresAt = new Date(now.getTime() + row.expiresInDays * DAY_MS);
  await repo.update(ctx.tx, ctx.orgId, id, { status: 'in_progress', sentAt: now, expiresAt });
  const sent = { ...row, status: 'in_progress' as const, sentAt: now, expiresAt };
  await requestSignatures(ctx, sent, currentTurn(sent, recipients), now);
  await envelopes.noteEvent(ctx, id, 'sent', {
    action: 'envelope.sent',
    changes: {
      status: { before: 'draft', after: 'in_progress' },
      expiresAt: { before: null, after: expiresAt.toISOString() },
    },
  });
  return envelopes.get(ctx, id);
}

/** Cancels an envelope out for signing: every link is dead by its state; those mailed and the sender are told. */
export async function cancel(ctx: Ctx, id: string, reason: string): Promise<Envelope> {
  const row = await envelopes.reachEnvelope(ctx, id, { write: true, lock: true });
  if (row.status !== 'in_progress') {
    throw AppError.because(
      'conflict',
      'envelope_not_in_progress',
      'Only an envelope out for signing can be cancelled.',
    );
  }
  const now = new Date();
  const context = envelopeContext(ctx.orgId, id);
  const key = await rowKey(ctx, row, context);
  await repo.update(ctx.tx, ctx.orgId, id, {
    status: 'cancelled',
    cancelledAt: now,
    cancelledBy: ctx.actor.type === 'user' ? ctx.actor.id : null,
    cancelReason: sealField(key, context, 'cancel-reason', reason),
    sealState: null,
  });
  await envelopes.noteEvent(ctx, id, 'cancelled', {
    action: 'envelope.cancelled',
    changes: { status: { before: 'in_progress', after: 'cancelled' } },
    personalChanges: { reason: { before: null, after: reason } },
  });
  await queueOutcome(ctx, { ...row, status: 'cancelled' }, now);
  return envelopes.get(ctx, id);
}
