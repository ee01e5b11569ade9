import type * as repo from './envelopes.repo.js';
import { currentTurn } from './send.service.js';

/** Why the sender may not mail a recipient their link again, or null when they may (design §4, "Sender side"). */
export type ResendRefusal = 'envelope_not_in_progress' | 'recipient_done' | 'nothing_to_send';

/** Resending is more than once per this is refused, per recipient. */
export const RESEND_EVERY_MS = 10 * 60_000;

const done = (r: repo.RecipientRow) => r.status === 'signed' || r.status === 'approved' || r.status === 'declined';

export function resendRefusal(
  envelope: repo.EnvelopeRow,
  recipients: repo.RecipientRow[],
  r: repo.RecipientRow,
): ResendRefusal | null {
  if (envelope.status !== 'in_progress') return 'envelope_not_in_progress';
  if (done(r)) return 'recipient_done';
  const due = currentTurn(envelope, recipients).some((t) => t.id === r.id);
  if (r.role === 'cc' || (!due && r.sentAt === null)) return 'nothing_to_send';
  return null;
}

/** A recipient's name and address change while the envelope is out for signing, until they signed (drafts: the editor). */
export function changeRefusal(envelope: repo.EnvelopeRow, r: repo.RecipientRow): ResendRefusal | null {
  if (envelope.status !== 'in_progress') return 'envelope_not_in_progress';
  if (done(r)) return 'recipient_done';
  return null;
}
