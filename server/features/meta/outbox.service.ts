import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { canReadDevOutbox } from '../access/access.policy.js';

/**
 * Development without SMTP: the mails sent for the caller's account (invitations, reminders),
 * for its administrators only. Personal mails (verification, password reset) never show here.
 */
export async function devOutbox(ctx: Ctx) {
  if (!canReadDevOutbox(ctx.actor)) {
    throw AppError.forbidden('Only a signed-in administrator may read the development outbox.');
  }
  const entries = ctx.deps.mailer.outbox(ctx.orgId);
  if (!entries) throw AppError.notFound('Outbox');
  return {
    items: entries.map((m) => ({ id: m.id, to: [m.to], subject: m.subject, text: m.text, sentAt: m.sentAt })),
  };
}
