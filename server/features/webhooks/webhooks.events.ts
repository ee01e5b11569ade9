import type { Ctx } from '../../platform/context.js';
import { emit } from './webhooks.emit.js';
import * as repo from './webhooks.repo.js';

/**
 * The payloads of the events other features emit, in one place (docs/api.md lists them): ids and
 * the few fields a receiver needs to act or to fetch the rest through the API. A payload leaves
 * the account, so never a secret, a document's contents or a person's details beyond an id.
 */
type EmitCtx = Pick<Ctx, 'tx' | 'deps' | 'orgId' | 'afterCommit'>;

interface ContractFacts {
  id: string;
  contractNumber: string | null;
  title: string;
  status: string;
  businessUnitId: string;
}

const contract = (c: ContractFacts) => ({
  contractId: c.id,
  contractNumber: c.contractNumber,
  title: c.title,
  status: c.status,
  businessUnitId: c.businessUnitId,
});

export const contractCreated = (ctx: EmitCtx, c: ContractFacts) => emit(ctx, 'contract.created', contract(c));

/** `changedFields`: the names of the fields that changed (`title`, `lifecycle`, …), not their values. */
export const contractUpdated = (ctx: EmitCtx, c: ContractFacts, changedFields: string[]) =>
  emit(ctx, 'contract.updated', { ...contract(c), changedFields });

export const contractDeleted = (ctx: EmitCtx, c: ContractFacts) => emit(ctx, 'contract.deleted', contract(c));

/** A document or a new version of one was uploaded (not received by e-mail into the inbox); never its name or bytes. */
export const documentUploaded = (
  ctx: EmitCtx,
  d: {
    documentId: string;
    versionId: string;
    version: number;
    contractId: string | null;
    size: number;
    mimeType: string;
  },
) => emit(ctx, 'document.uploaded', d);

export const reminderAcknowledged = (
  ctx: EmitCtx,
  r: { id: string; contractId: string; eventId: string; eventDate: string | null },
) =>
  emit(ctx, 'reminder.acknowledged', {
    reminderId: r.id,
    contractId: r.contractId,
    eventId: r.eventId,
    eventDate: r.eventDate,
  });

/** An approval round ended: every step approved, or one step rejected. */
export const approvalCompleted = (
  ctx: EmitCtx,
  a: { approvalId: string; contractId: string; round: number; outcome: 'approved' | 'rejected' },
) => emit(ctx, 'approval.completed', a);

/** An envelope's sealed version committed: the signed document is `documentId`'s version `versionId`. */
export const signingCompleted = (
  ctx: EmitCtx,
  e: { envelopeId: string; contractId: string | null; documentId: string; versionId: string },
) => emit(ctx, 'signing.completed', e);

/**
 * After the reminder engine queued reminders (in its transaction): `reminder.sent` for each
 * reminder occurrence (its mails are then sent), and `deadline.approaching` for each whose event is
 * a notice deadline — the moment a notice-deadline reminder goes out, once per reminder and lead time.
 */
export async function remindersSent(ctx: EmitCtx, occurrenceIds: string[], now: Date): Promise<void> {
  if (occurrenceIds.length === 0) return;
  if (!(await repo.anySubscriber(ctx.tx, ctx.orgId, ['reminder.sent', 'deadline.approaching']))) return;
  for (const o of await repo.occurrenceFacts(ctx.tx, ctx.orgId, occurrenceIds)) {
    const data = {
      reminderId: o.reminder_id,
      occurrenceId: o.occurrence_id,
      contractId: o.contract_id,
      eventId: o.event_id,
      eventType: o.event_type,
      eventDate: o.event_date,
      dueOn: o.due_on,
    };
    await emit(ctx, 'reminder.sent', data, now);
    if (o.event_type === 'notice_deadline')
      await emit(
        ctx,
        'deadline.approaching',
        { contractId: o.contract_id, eventId: o.event_id, noticeDeadline: o.event_date, reminderId: o.reminder_id },
        now,
      );
  }
}
