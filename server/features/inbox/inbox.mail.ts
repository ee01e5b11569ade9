import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { type Actor, type Deps, type RequestMeta, runInOrg } from '../../platform/context.js';
import { hashToken } from '../../platform/crypto/tokens.js';
import { AppError } from '../../platform/errors.js';
import { type RunInOrg, receiveFile } from '../documents/documents.intake.js';
import { cleanName, prepareUpload } from '../documents/documents.service.js';
import { orgOfRecipient } from './inbox.address.js';
import * as repo from './inbox.repo.js';
import type { MailIn, MailInMessage } from './mail-in.js';

const MAIL_IN: Actor = { type: 'system', name: 'E-mail inbox' };
const SENDER_MAX = 320;
const SUBJECT_MAX = 500;

/** A refused file (its type, its size): skipped, the rest of the message is still taken. */
const isRefusal = (error: unknown) =>
  error instanceof AppError && (error.code === 'validation_failed' || error.code === 'payload_too_large');

/**
 * Each attachment of a mail to an org's inbox address becomes an inbox document, checked and sealed
 * like an upload, as the system actor "E-mail inbox". A retried delivery (the same Message-ID) adds
 * only the attachments that did not arrive the first time.
 */
export async function deliver(deps: Deps, message: MailInMessage): Promise<void> {
  const orgId = message.inbox;
  const request: RequestMeta = { id: randomUUID(), ip: null, userAgent: 'deedbox-mail-in', via: 'none' };
  const run: RunInOrg = (fn) => runInOrg(deps, { orgId, actor: MAIL_IN }, request, fn);
  const messageHash = message.messageId ? hashToken(message.messageId) : null;
  const received = messageHash ? await run((ctx) => repo.receivedParts(ctx.tx, orgId, messageHash)) : new Set();
  const origin = {
    sender: message.from?.slice(0, SENDER_MAX) ?? null,
    subject: message.subject?.slice(0, SUBJECT_MAX) ?? null,
    message: messageHash,
  };
  for (const [index, attachment] of message.attachments.entries()) {
    const part = index + 1;
    if (received.has(part)) continue;
    const slot = await run((ctx) => prepareUpload(ctx, { place: { inbox: true } }));
    const name = cleanName(attachment.fileName, 'attachment');
    try {
      await receiveFile(deps, run, slot, createReadStream(attachment.file), name, { ...origin, part });
    } catch (error) {
      if (!isRefusal(error)) throw error;
      const rule = (error as AppError).details.errors?.[0]?.rule ?? (error as AppError).code;
      deps.log.warn({ orgId, requestId: request.id, part, rule }, 'mail-in attachment refused');
    }
  }
}

/** The SMTP listener `serve` runs when INBOUND_SMTP_PORT is set; null otherwise. */
export async function startInboxMail(deps: Deps): Promise<MailIn | null> {
  const { smtp } = deps.config.inbox;
  if (!smtp) return null;
  const { tls } = deps.config;
  // The SMTP server and the MIME parser are loaded only where the listener runs.
  const { startMailIn } = await import('./mail-in.js');
  const listener = await startMailIn({
    host: smtp.host,
    port: smtp.port,
    maxMessageBytes: smtp.maxMessageBytes,
    rateLimit: smtp.rateLimit,
    tls: tls ? { key: tls.key, cert: tls.cert } : null,
    resolveRecipient: (address) => orgOfRecipient(deps, address),
    deliver: (message) => deliver(deps, message),
    log: deps.log,
  });
  deps.log.info({ host: smtp.host, port: listener.port }, 'e-mail-in listening');
  return listener;
}
