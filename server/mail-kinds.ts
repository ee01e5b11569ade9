import { approvalsMail } from './features/approvals/approvals.mail.js';
import { remindersMail } from './features/reminders/engine/reminders.mail.js';
import { signingMail } from './features/signing/signing.mail.js';
import { webhooksMail } from './features/webhooks/webhooks.mail.js';
import type { Composers } from './platform/mail/outbox.js';

/**
 * Every kind of outbox mail and the composer that makes it (a `MailComposer`, see
 * platform/mail/outbox.ts), registered by its feature: the one list `mail.send` sends with. A
 * feature adds its kinds with one line, `...approvalsMail,`; a queued kind without a composer
 * fails with "no composer for mail kind …".
 */
export const MAIL_KINDS: Composers = {
  ...remindersMail,
  ...approvalsMail,
  ...signingMail,
  ...webhooksMail,
};
