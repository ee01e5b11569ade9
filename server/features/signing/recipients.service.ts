import type { Envelope, RecipientPatch } from '../../../common/schemas/signing.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { record } from '../audit/audit.service.js';
import * as repo from './envelopes.repo.js';
import { get, noteEvent, reachEnvelope } from './envelopes.service.js';
import { changeRefusal, RESEND_EVERY_MS, type ResendRefusal, resendRefusal } from './recipient.rules.js';
import { currentTurn, requestSignatures } from './send.service.js';

const DAY_MS = 86_400_000;

const REFUSED: Record<ResendRefusal, string> = {
  envelope_not_in_progress: 'This envelope is not out for signing.',
  recipient_done: 'This recipient has already signed or declined.',
  nothing_to_send: 'This recipient has nothing to sign now: it is not their turn yet, or they only get a copy.',
};

function refuse(reason: ResendRefusal | null): void {
  if (reason) throw AppError.because('conflict', reason, REFUSED[reason]);
}

async function reachRecipient(ctx: Ctx, id: string, rid: string) {
  const envelope = await reachEnvelope(ctx, id, { write: true, lock: true });
  const recipients = await repo.recipientsOf(ctx.tx, ctx.orgId, id);
  const recipient = recipients.find((r) => r.id === rid);
  if (!recipient) throw AppError.notFound('Recipient');
  return { envelope, recipients, recipient };
}

const subjectOf = (r: repo.RecipientRow) => ({ id: r.id, name: r.name, email: r.email });

/** The recipient's request mailed again with the same link: a new delivery, at most one every 10 minutes. */
export async function resend(ctx: Ctx, id: string, rid: string): Promise<Envelope> {
  const { envelope, recipients, recipient } = await reachRecipient(ctx, id, rid);
  refuse(resendRefusal(envelope, recipients, recipient));
  const now = new Date();
  const resent = (await repo.eventsOf(ctx.tx, ctx.orgId, id)).filter(
    (e) => e.kind === 'resent' && e.recipientId === rid,
  );
  const last = resent.at(-1);
  if (last && now.getTime() - last.at.getTime() < RESEND_EVERY_MS) {
    const seconds = Math.ceil((last.at.getTime() + RESEND_EVERY_MS - now.getTime()) / 1000);
    throw AppError.because('conflict', 'resend_too_soon', 'The request was sent less than 10 minutes ago.', {
      seconds,
    });
  }
  // The first request of this link generation was send number 1.
  const sendNo = 2 + resent.filter((e) => e.data.generation === recipient.linkGeneration).length;
  await requestSignatures(ctx, envelope, [recipient], now, sendNo);
  await noteEvent(
    ctx,
    id,
    'resent',
    { action: 'envelope.resent', subject: subjectOf(recipient), extra: { sendNo } },
    { recipientId: rid, data: { generation: recipient.linkGeneration, sendNo } },
  );
  return get(ctx, id);
}

/**
 * A not-yet-signed recipient's name or address changed. A new address gets a new link generation (the old
 * link answers 404 like a forged one) and, when it is their turn, a request mail at once.
 */
export async function change(ctx: Ctx, id: string, rid: string, input: RecipientPatch): Promise<Envelope> {
  const { envelope, recipients, recipient } = await reachRecipient(ctx, id, rid);
  refuse(changeRefusal(envelope, recipient));
  const email = input.email ?? recipient.email;
  const name = input.name ?? recipient.name;
  const moved = email.toLowerCase() !== recipient.email.toLowerCase();
  if (moved && recipients.some((r) => r.id !== rid && r.email.toLowerCase() === email.toLowerCase())) {
    throw AppError.invalid('email', 'already_recipient', 'is already a recipient of this envelope');
  }
  if (!moved && name === recipient.name) return get(ctx, id);
  const now = new Date();
  const mailNow = moved && currentTurn(envelope, recipients).some((r) => r.id === rid);
  const set = {
    name,
    email,
    ...(moved && {
      linkGeneration: recipient.linkGeneration + 1,
      // What the old address saw is evidence in the events; the new person has seen nothing yet.
      status: recipient.status === 'pending' ? ('pending' as const) : ('sent' as const),
      viewedAt: null,
      viewIp: null,
      viewUserAgent: null,
      // Codes and a code session were the old address's: the new person starts afresh.
      codeExpiresAt: null,
      codeAttempts: 0,
      codeLockedUntil: null,
      sessionHash: null,
      sessionExpiresAt: null,
      nextReminderAt:
        mailNow && envelope.reminderEveryDays ? new Date(now.getTime() + envelope.reminderEveryDays * DAY_MS) : null,
    }),
  };
  const changed: repo.RecipientRow = { ...recipient, ...set };
  await repo.updateRecipient(ctx.tx, ctx.orgId, rid, set);
  if (mailNow) await requestSignatures(ctx, envelope, [changed], now);
  const personalChanges = {
    ...(name !== recipient.name && { name: { before: recipient.name, after: name } }),
    ...(moved && { email: { before: recipient.email, after: email } }),
  };
  const audit = { action: 'envelope.recipient_changed' as const, subject: subjectOf(changed), personalChanges };
  if (moved) {
    await noteEvent(ctx, id, 'email_changed', audit, { recipientId: rid, data: { from: recipient.email, to: email } });
  } else await record(ctx, { ...audit, objectType: 'envelope', objectId: id });
  return get(ctx, id);
}
