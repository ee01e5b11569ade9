import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerEnvelope } from 'smtp-server';
import { ParseTimeoutError, parseSpooledMessage, TooManyAttachmentsError } from './mail-in-parse.js';
import { WindowCounter } from './mail-in-rate.js';
import { SpoolAbortedError, spoolMessage } from './mail-in-spool.js';

export interface MailInAttachment {
  /** As the mail names it (possibly empty, hostile or 1,000 characters long): the caller sanitises it. */
  fileName: string;
  contentType: string;
  /** A temporary file (mode 0600) in the listener's private spool directory; deleted once every deliver call for the message has settled. Read it, don't move it. */
  file: string;
  size: number;
}

export interface MailInMessage {
  inbox: string;
  /** The From header's first address, else the envelope sender, else null. Not authenticated. */
  from: string | null;
  subject: string | null;
  messageId: string | null;
  /**
   * The message's attachments in order; images embedded in HTML are left out. A mail without
   * attachments is delivered with an empty list: the caller decides what to make of it.
   */
  attachments: MailInAttachment[];
}

export interface MailInOptions {
  host: string;
  /** 0 = ephemeral (tests). */
  port: number;
  /** Whole message limit, enforced while streaming (and announced as SIZE). */
  maxMessageBytes: number;
  /** Resolves a recipient address to an inbox (e.g. org id) or null → 550 at RCPT TO. Called for every RCPT. */
  resolveRecipient(address: string): Promise<string | null>;
  /**
   * Called once per accepted message per distinct inbox, in turn, after parsing; throws → 451
   * for the whole message, so a sender's retry can repeat it for inboxes that already have it
   * (the Message-ID tells a repeat).
   */
  deliver(message: MailInMessage): Promise<void>;
  /**
   * Per client IP per minute: connections (421) and messages (450 at MAIL FROM); per inbox per
   * hour: messages, counted when their first recipient for the inbox is accepted (450 at RCPT).
   * Counted in memory, per listener process.
   */
  rateLimit: { perIpPerMinute: number; perInboxPerHour: number };
  /** STARTTLS is offered when given. */
  tls?: { key: Buffer; cert: Buffer } | null;
  log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
  /** Where the private spool directory is made (default os.tmpdir()); pick a disk, not a tmpfs, for large limits. */
  tempDir?: string;
  /** Defaults: 10 recipients, 20 attachments, 100 clients, 60 s idle socket, 30 s parse. */
  maxRecipients?: number;
  maxAttachments?: number;
  maxClients?: number;
  socketTimeoutMs?: number;
  parseTimeoutMs?: number;
}

export interface MailIn {
  port: number;
  /** The private directory (mode 0700) messages and attachments are spooled to; removed on close. */
  spoolDir: string;
  /** Stops accepting, waits for messages in progress (open sessions get 421 after 5 s), removes the spool. */
  close(): Promise<void>;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const CLOSE_TIMEOUT_MS = 5_000;

const smtpReply = (responseCode: number, message: string) => Object.assign(new Error(message), { responseCode });
const tryLater = () => smtpReply(451, 'Temporary failure, try again later');

interface Outcome {
  reply: Error | null;
  reason: string;
  attachments?: number;
  err?: unknown;
}

/** Listens for mail to inbox addresses and hands each message's attachments to `deliver`. */
export async function startMailIn(options: MailInOptions): Promise<MailIn> {
  const { log, maxMessageBytes } = options;
  const limits = {
    maxAttachments: options.maxAttachments ?? 20,
    timeoutMs: options.parseTimeoutMs ?? 30_000,
  };
  const spoolDir = await mkdtemp(path.join(options.tempDir ?? tmpdir(), 'deedbox-mail-in-'));
  const connectionsPerIp = new WindowCounter(options.rateLimit.perIpPerMinute, MINUTE);
  const messagesPerIp = new WindowCounter(options.rateLimit.perIpPerMinute, MINUTE);
  const messagesPerInbox = new WindowCounter(options.rateLimit.perInboxPerHour, HOUR);
  // Each transaction gets a new envelope object: recipient (lower case) → inbox.
  const inboxesOf = new WeakMap<SMTPServerEnvelope, Map<string, string>>();
  const inFlight = new Set<Promise<unknown>>();

  const receive = async (stream: SMTPServerDataStream, inboxes: string[], sender: string | null): Promise<Outcome> => {
    const id = randomUUID();
    const spool = path.join(spoolDir, `${id}.eml`);
    const created = [spool];
    let stage = 'receive';
    try {
      // Called before any await: it must listen to the stream from its first byte.
      if ((await spoolMessage(stream, spool, maxMessageBytes)) === 'too-large') {
        return {
          reason: 'too-large',
          reply: smtpReply(552, `Message exceeds fixed maximum message size ${maxMessageBytes}`),
        };
      }
      stage = 'parse';
      const parsed = await parseSpooledMessage(spool, spoolDir, id, limits, created);
      await rm(spool, { force: true });
      stage = 'deliver';
      for (const inbox of inboxes) {
        const attachments = parsed.attachments.map((attachment) => ({ ...attachment }));
        await options.deliver({ ...parsed, inbox, from: parsed.from ?? sender, attachments });
      }
      return { reason: 'delivered', reply: null, attachments: parsed.attachments.length };
    } catch (err) {
      if (err instanceof SpoolAbortedError) return { reason: 'disconnected', reply: tryLater() };
      if (err instanceof TooManyAttachmentsError) {
        return { reason: 'too-many-attachments', reply: smtpReply(552, `Too many attachments (at most ${err.limit})`) };
      }
      if (err instanceof ParseTimeoutError) return { reason: 'parse-timeout', reply: tryLater() };
      return { reason: `${stage}-failed`, reply: tryLater(), err };
    } finally {
      const removed = await Promise.allSettled(created.map((file) => rm(file, { force: true })));
      for (const failed of removed.filter((result) => result.status === 'rejected')) {
        log.warn({ err: failed.reason }, 'mail-in could not delete a spooled file');
      }
    }
  };

  const server = new SMTPServer({
    logger: false,
    disableReverseLookup: true,
    size: maxMessageBytes,
    rejectOversized: true,
    hideENHANCEDSTATUSCODES: false,
    authOptional: true,
    disabledCommands: options.tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    ...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : {}),
    maxRecipients: options.maxRecipients ?? 10,
    maxClients: options.maxClients ?? 100,
    socketTimeout: options.socketTimeoutMs ?? MINUTE,
    closeTimeout: CLOSE_TIMEOUT_MS,

    onConnect(session, callback) {
      if (connectionsPerIp.take(session.remoteAddress)) return callback();
      log.warn({ ip: session.remoteAddress, limit: 'connections per IP per minute' }, 'mail-in rate limited');
      callback(smtpReply(421, 'Too many connections, try again later'));
    },

    onMailFrom(_address, session, callback) {
      if (messagesPerIp.take(session.remoteAddress)) return callback();
      log.warn({ ip: session.remoteAddress, limit: 'messages per IP per minute' }, 'mail-in rate limited');
      callback(smtpReply(450, 'Too many messages, try again later'));
    },

    // The recipient address is the inbox's secret: it is never logged, and an unknown one learns nothing.
    onRcptTo(address, session, callback) {
      const ip = session.remoteAddress;
      options.resolveRecipient(address.address).then(
        (inbox) => {
          if (!inbox) {
            log.info({ ip }, 'mail-in recipient unknown');
            return callback(smtpReply(550, 'Mailbox unavailable'));
          }
          const recipients = inboxesOf.get(session.envelope) ?? new Map<string, string>();
          const counted = [...recipients.values()].includes(inbox);
          if (!counted && !messagesPerInbox.take(inbox)) {
            log.warn({ ip, inbox, limit: 'messages per inbox per hour' }, 'mail-in rate limited');
            return callback(smtpReply(450, 'Mailbox busy, try again later'));
          }
          recipients.set(address.address.toLowerCase(), inbox);
          inboxesOf.set(session.envelope, recipients);
          callback();
        },
        (err: unknown) => {
          log.warn({ ip, err }, 'mail-in recipient lookup failed');
          callback(tryLater());
        },
      );
    },

    onData(stream, session, callback) {
      const ip = session.remoteAddress;
      const inboxes = [...new Set(inboxesOf.get(session.envelope)?.values())];
      const sender = session.envelope.mailFrom ? session.envelope.mailFrom.address || null : null;
      const work = receive(stream, inboxes, sender).then(({ reply, ...outcome }) => {
        const fields = { ip, inboxes, bytes: stream.byteLength, ...outcome };
        if (reply) log.warn(fields, 'mail-in message refused');
        else log.info(fields, 'mail-in message delivered');
        callback(reply);
      });
      inFlight.add(work);
      void work.finally(() => inFlight.delete(work));
    },
  });

  let starting: ((err: Error) => void) | null = null;
  server.on('error', (err) => {
    if (starting) starting(err);
    else log.warn({ err }, 'mail-in connection error');
  });
  await new Promise<void>((resolve, reject) => {
    starting = reject;
    server.server.once('listening', () => resolve());
    server.listen(options.port, options.host);
  }).catch(async (err: unknown) => {
    await rm(spoolDir, { recursive: true, force: true });
    throw err;
  });
  starting = null;

  return {
    port: (server.server.address() as AddressInfo).port,
    spoolDir,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.allSettled(inFlight);
      await rm(spoolDir, { recursive: true, force: true });
    },
  };
}
