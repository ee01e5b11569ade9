import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string | null;
  messageId: string | null;
  /** Attached files, their content as UTF-8 text and, byte for byte, in base64. */
  attachments: { filename: string; content: string; base64: string }[];
  receivedAt: string;
}

/** A real SMTP server on loopback that keeps what it receives, for tests. */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  private waiters: (() => void)[] = [];
  private server: SMTPServer | null = null;
  private port = 0;
  /** Messages from this count on are held unanswered (the SMTP transaction never completes). */
  private holdFrom = Number.POSITIVE_INFINITY;
  private held: ((err?: Error) => void)[] = [];
  /** Addresses the server refuses for good (550), as a mailbox that does not exist. */
  readonly refuse = new Set<string>();

  private create(): SMTPServer {
    return new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      // A stopped sink drops its open connections at once (421), as a server going down does.
      closeTimeout: 1,
      onRcptTo: (address, _session, callback) => {
        if (!this.refuse.has(address.address.toLowerCase())) return callback();
        callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      },
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            if (this.messages.length + this.held.length >= this.holdFrom) {
              this.held.push(callback);
              this.wake();
              return;
            }
            this.messages.push({
              to: session.envelope.rcptTo.map((r) => r.address),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : null,
              messageId: parsed.messageId ?? null,
              attachments: parsed.attachments.map((a) => ({
                filename: a.filename ?? '',
                content: a.content.toString('utf8'),
                base64: a.content.toString('base64'),
              })),
              receivedAt: new Date().toISOString(),
            });
            this.wake();
            callback();
          })
          .catch(callback);
      },
    });
  }

  private wake() {
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Starts listening; a restarted sink takes its earlier port again unless told otherwise. */
  async start(port = this.port): Promise<number> {
    this.server = this.create();
    this.server.listen(port, '127.0.0.1');
    await once(this.server.server, 'listening');
    this.port = (this.server.server.address() as AddressInfo).port;
    return this.port;
  }

  /** From now on, accept `n` more messages and hold every later one without an answer. */
  holdAfter(n: number) {
    this.holdFrom = this.messages.length + n;
  }

  /** How many messages wait unanswered. */
  get heldCount(): number {
    return this.held.length;
  }

  /** Answers every held message with a temporary failure and stops holding. */
  releaseHeld() {
    this.holdFrom = Number.POSITIVE_INFINITY;
    for (const callback of this.held.splice(0)) {
      callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
    }
  }

  /** Resolves once `condition` holds, re-checked whenever a message arrives or is held (bounded). */
  async until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
    await this.settle(() => (condition() ? true : undefined), timeoutMs, 'condition not met');
  }

  /** Resolves with the first mail matching, waiting for it to arrive (bounded). */
  waitFor(match: (m: ReceivedMail) => boolean, timeoutMs = 10_000): Promise<ReceivedMail> {
    return this.settle(() => this.messages.find(match), timeoutMs, 'no matching mail');
  }

  private async settle<T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = check();
      if (found !== undefined) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`${what} within ${timeoutMs} ms (${this.messages.length} received)`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  stop(): Promise<void> {
    this.releaseHeld();
    const server = this.server;
    this.server = null;
    return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}

export function linkIn(mail: ReceivedMail): string {
  const match = mail.text.match(/https?:\/\/\S+/);
  if (!match) throw new Error(`no link in mail "${mail.subject}"`);
  return match[0];
}

// Standalone for browser tests: SMTP on SMTP_SINK_PORT, received mail as JSON on SMTP_SINK_HTTP_PORT.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sink = new SmtpSink();
  await sink.start(Number(process.env.SMTP_SINK_PORT ?? 2525));
  http
    .createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(req.url === '/health' ? { ok: true } : sink.messages));
    })
    .listen(Number(process.env.SMTP_SINK_HTTP_PORT ?? 2526), '127.0.0.1');
}
