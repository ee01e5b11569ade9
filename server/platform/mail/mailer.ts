import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** A stable Message-ID (`<…@…>`): a retried mail keeps it, so receivers can tell a repeat. */
  messageId?: string;
  /**
   * The account the mail is sent for (invitations, reminders). Only such mails reach the
   * development outbox, and only that account's administrators see them; personal mails
   * (verification, password reset) go to the log alone.
   */
  orgId?: string;
  /** Files sent with the mail: a deletion receipt (text), a sealed PDF (bytes). */
  attachments?: { filename: string; content: string | Buffer; contentType: string }[];
}

export interface Sent {
  messageId: string;
}

/** The SMTP server refused the mail for good (5xx): retrying cannot help. */
export function isPermanentFailure(err: unknown): boolean {
  const code = (err as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

export interface OutboxEntry extends Mail {
  id: string;
  sentAt: string;
}

export interface Mailer {
  send(mail: Mail): Promise<Sent>;
  /** Whether there is a development outbox (development and test without SMTP_URL). */
  readonly hasOutbox: boolean;
  /** Development only: what would have been sent for the account, newest first; null without an outbox. */
  outbox(orgId: string): OutboxEntry[] | null;
  close(): void;
}

/** SMTP when configured; otherwise (development) mail goes to the log and an in-memory outbox. */
export function createMailer(
  opts: { smtpUrl: string | null; from: string; devOutbox: boolean; connections?: number },
  log: Logger,
): Mailer {
  if (opts.smtpUrl) {
    // Pooled: reminder runs send many mails over a few kept-open connections.
    const transport = nodemailer.createTransport({
      url: opts.smtpUrl,
      pool: true,
      maxConnections: opts.connections ?? 5,
    });
    return {
      async send({ orgId: _account, ...mail }) {
        const info = await transport.sendMail({ from: opts.from, ...mail });
        log.info({ to: mail.to, subject: mail.subject, messageId: info.messageId }, 'mail sent');
        return { messageId: info.messageId };
      },
      hasOutbox: false,
      outbox: () => null,
      close: () => transport.close(),
    };
  }
  const entries: OutboxEntry[] = [];
  return {
    async send(mail) {
      if (!opts.devOutbox) throw new Error('No SMTP_URL configured: mail cannot be sent');
      const id = randomUUID();
      if (mail.orgId) {
        // The attachments' bytes stay out of the 200 kept mails (a sealed PDF may be megabytes).
        const { attachments: _files, ...kept } = mail;
        entries.unshift({ ...kept, id, sentAt: new Date().toISOString() });
        entries.splice(200);
      }
      log.info({ to: mail.to, subject: mail.subject, text: mail.text }, 'mail (development outbox; no SMTP_URL)');
      return { messageId: mail.messageId ?? `<${id}@outbox.deedbox.local>` };
    },
    hasOutbox: opts.devOutbox,
    outbox: (orgId) => (opts.devOutbox ? entries.filter((e) => e.orgId === orgId) : null),
    close: () => {},
  };
}
