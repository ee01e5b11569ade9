import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface OutboxEntry extends Mail {
  id: string;
  sentAt: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  /** Development only: what would have been sent, newest first. */
  outbox(): OutboxEntry[] | null;
  close(): void;
}

/** SMTP when configured; otherwise (development) mail goes to the log and an in-memory outbox. */
export function createMailer(opts: { smtpUrl: string | null; from: string; devOutbox: boolean }, log: Logger): Mailer {
  if (opts.smtpUrl) {
    const transport = nodemailer.createTransport(opts.smtpUrl);
    return {
      async send(mail) {
        const info = await transport.sendMail({ from: opts.from, ...mail });
        log.info({ to: mail.to, subject: mail.subject, messageId: info.messageId }, 'mail sent');
      },
      outbox: () => null,
      close: () => transport.close(),
    };
  }
  const entries: OutboxEntry[] = [];
  return {
    async send(mail) {
      if (!opts.devOutbox) throw new Error('No SMTP_URL configured: mail cannot be sent');
      entries.unshift({ ...mail, id: randomUUID(), sentAt: new Date().toISOString() });
      entries.splice(200);
      log.info({ to: mail.to, subject: mail.subject, text: mail.text }, 'mail (development outbox; no SMTP_URL)');
    },
    outbox: () => (opts.devOutbox ? entries : null),
    close: () => {},
  };
}
